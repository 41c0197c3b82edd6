package io.fluxo.function.scalar;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The errors built-in scalar functions raise, with Spark's error classes and message texts, so that every function
 * words the same mistake the same way.
 */
public final class FunctionErrors {
    private static final String DOCS = " Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html'"
            + " for a fix.";

    private FunctionErrors() {
    }

    /** {@code expected} as Spark spells it: {@code 1}, {@code [2, 3]}, {@code > 0}. */
    public static AnalysisException wrongNumArgs(String function, String expected, int actual) {
        return new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
                "The `" + function + "` requires " + expected + " parameters but the actual number is " + actual + "."
                        + DOCS,
                Map.of("functionName", "`" + function + "`", "expectedNum", expected,
                        "actualNum", Integer.toString(actual)));
    }

    /**
     * An argument whose type cannot be implicitly cast to what the function takes.
     *
     * @param index 0-based argument position
     * @param requiredType the accepted type(s) as Spark prints them, e.g. {@code "STRING"} or
     *     {@code ("DOUBLE" or "DECIMAL")}
     */
    public static AnalysisException unexpectedInputType(String function, int index, String requiredType,
            DataType actual) {
        String inputType = quote(actual);
        return new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
                "Cannot resolve \"" + function + "\" due to data type mismatch: The " + ordinal(index)
                        + " parameter requires the " + requiredType + " type, however the argument has the type "
                        + inputType + ".",
                Map.of("sqlExpr", "\"" + function + "\"", "paramIndex", ordinal(index), "requiredType", requiredType,
                        "inputType", inputType));
    }

    /** Arguments that must share a type but have none in common. */
    public static AnalysisException dataDiffTypes(String function, List<DataType> types) {
        String list = types.stream().map(FunctionErrors::quote).collect(Collectors.joining(", ", "[", "]"));
        return new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES",
                "Cannot resolve \"" + function + "\" due to data type mismatch: Input to `" + function
                        + "` should all be the same type, but it's " + list + ".",
                Map.of("functionName", "`" + function + "`", "dataType", list));
    }

    /** An argument that must be a constant (a literal or foldable expression) but is not. */
    public static AnalysisException nonFoldableInput(String function, String inputName, DataType type) {
        return new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                "Cannot resolve \"" + function + "\" due to data type mismatch: the input " + inputName
                        + " should be a foldable " + quote(type) + " expression; however, got a non-constant value.",
                Map.of("inputName", inputName, "inputType", quote(type)));
    }

    /** A type check that has no dedicated sub-class, e.g. map keys of a map type. */
    public static AnalysisException typeMismatch(String function, String subClass, String detail) {
        return new AnalysisException("DATATYPE_MISMATCH." + subClass,
                "Cannot resolve \"" + function + "\" due to data type mismatch: " + detail);
    }

    /** A parameter value (a regex, a unit, a schema) that the function cannot use. */
    public static FluxoRuntimeException invalidParameter(String subClass, String parameter, String function,
            String detail) {
        return new FluxoRuntimeException("INVALID_PARAMETER_VALUE." + subClass,
                "The value of parameter(s) `" + parameter + "` in `" + function + "` is invalid: " + detail);
    }

    /** ANSI arithmetic overflow. */
    public static FluxoRuntimeException arithmeticOverflow(String what, String alternative) {
        return new FluxoRuntimeException("ARITHMETIC_OVERFLOW", what + " overflow."
                + (alternative == null ? ""
                        : " Use '" + alternative + "' to tolerate overflow and return NULL instead.")
                + " If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
    }

    public static String quote(DataType type) {
        return "\"" + type.sql() + "\"";
    }

    /** Spark's ordinal words for parameter positions: first, second, third, 4th … (0-based index). */
    public static String ordinal(int index) {
        switch (index) {
            case 0:
                return "first";
            case 1:
                return "second";
            case 2:
                return "third";
            default:
                return (index + 1) + "th";
        }
    }
}
