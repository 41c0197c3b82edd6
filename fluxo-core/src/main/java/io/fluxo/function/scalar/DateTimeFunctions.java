package io.fluxo.function.scalar;

import io.fluxo.function.FunctionRegistry;

public final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    public static void register(FunctionRegistry registry) {
    }
}
