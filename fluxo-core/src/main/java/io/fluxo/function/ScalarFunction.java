package io.fluxo.function;

import java.util.List;

/**
 * A built-in scalar function as the analyzer finds it by name. Binding checks the arguments and returns an
 * implementation specialised for their types; a mismatch is an {@code AnalysisException} with error class
 * {@code DATATYPE_MISMATCH.…} or {@code WRONG_NUM_ARGS} that names the function and the argument.
 */
public interface ScalarFunction {
    /** Lower-case canonical name, e.g. {@code "regexp_extract"}. */
    String name();

    /** Other names that resolve to this function ({@code "ucase"} for {@code upper}). */
    default List<String> aliases() {
        return List.of();
    }

    BoundScalarFunction bind(List<FunctionArg> args);
}
