package io.fluxo.function;

import io.fluxo.types.DataType;
import java.util.Objects;

/**
 * What a function sees of one argument when it is bound: its type, whether it may be null, and, when the argument is
 * a constant (a literal or a folded constant expression), its value in internal form — so a function can prepare once
 * (compile a regex, parse a format) instead of per row.
 */
public record FunctionArg(DataType type, boolean nullable, boolean constant, Object value) {
    public FunctionArg {
        Objects.requireNonNull(type, "type is null");
    }

    public static FunctionArg of(DataType type, boolean nullable) {
        return new FunctionArg(type, nullable, false, null);
    }

    public static FunctionArg constant(DataType type, Object value) {
        return new FunctionArg(type, value == null, true, value);
    }
}
