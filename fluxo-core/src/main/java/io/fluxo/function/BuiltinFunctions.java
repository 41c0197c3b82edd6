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

/**
 * The list of built-in function families; each family registers its own functions. Functions whose home is a higher
 * layer are listed in {@code META-INF/services/io.fluxo.function.ScalarFunction}.
 */
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
        // Functions that live with what they parse (from_csv with the CSV reader), above this layer.
        java.util.ServiceLoader.load(ScalarFunction.class, BuiltinFunctions.class.getClassLoader())
                .forEach(registry::register);
    }
}
