package io.fluxo.function.scalar;

import io.fluxo.function.FunctionRegistry;

public final class JsonFunctions {
    private JsonFunctions() {
    }

    public static void register(FunctionRegistry registry) {
    }
}
