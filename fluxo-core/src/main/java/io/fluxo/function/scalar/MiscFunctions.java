package io.fluxo.function.scalar;

import io.fluxo.function.FunctionRegistry;

public final class MiscFunctions {
    private MiscFunctions() {
    }

    public static void register(FunctionRegistry registry) {
    }
}
