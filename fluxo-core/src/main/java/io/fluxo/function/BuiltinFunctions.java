package io.fluxo.function;

import io.fluxo.function.aggregate.AggregateFunctions;

/** The list of built-in function families; each family registers its own functions. */
final class BuiltinFunctions {
    private BuiltinFunctions() {
    }

    static void registerAll(FunctionRegistry registry) {
        // Families register here, one line each (scalar.StringFunctions.register(registry) …).
        AggregateFunctions.register(registry);
    }
}
