package io.fluxo.function.scalar;

import io.fluxo.function.FunctionRegistry;

public final class MathFunctions {
    private MathFunctions() {
    }

    public static void register(FunctionRegistry registry) {
    }
}
