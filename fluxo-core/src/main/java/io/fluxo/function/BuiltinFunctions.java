package io.fluxo.function;

import io.fluxo.function.aggregate.AggregateFunctions;
import io.fluxo.function.scalar.CollectionFunctions;
import io.fluxo.function.scalar.ConditionalFunctions;
import io.fluxo.function.scalar.DateTimeFunctions;
import io.fluxo.function.scalar.JsonFunctions;
import io.fluxo.function.scalar.MathFunctions;
import io.fluxo.function.scalar.MiscFunctions;
import io.fluxo.function.scalar.StringFunctions;
import io.fluxo.function.scalar.TimeWindowFunctions;

/** The list of built-in function families; each family registers its own functions. */
final class BuiltinFunctions {
    private BuiltinFunctions() {
    }

    static void registerAll(FunctionRegistry registry) {
        StringFunctions.register(registry);
        MathFunctions.register(registry);
        ConditionalFunctions.register(registry);
        DateTimeFunctions.register(registry);
        TimeWindowFunctions.register(registry);
        CollectionFunctions.register(registry);
        JsonFunctions.register(registry);
        MiscFunctions.register(registry);
        AggregateFunctions.register(registry);
    }
}
