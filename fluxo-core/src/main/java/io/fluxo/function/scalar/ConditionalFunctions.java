package io.fluxo.function.scalar;

import io.fluxo.function.FunctionRegistry;

public final class ConditionalFunctions {
    private ConditionalFunctions() {
    }

    public static void register(FunctionRegistry registry) {
    }
}
