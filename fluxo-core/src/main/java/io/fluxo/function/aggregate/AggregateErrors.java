package io.fluxo.function.aggregate;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import java.util.Map;

/** The errors aggregate functions raise, worded as Spark words them so every aggregate says the same thing. */
final class AggregateErrors {
    static final String NUMERIC_OR_INTERVAL = "(\"NUMERIC\" or \"ANSI INTERVAL\")";
    private static final String DOCS = " Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html'"
            + " for a fix.";

    private AggregateErrors() {
    }

    /** {@code expected} as Spark spells it: {@code 1}, {@code [1, 2]}, {@code > 0}. */
    static AnalysisException wrongNumArgs(String function, String expected, int actual) {
        return new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
                "The `" + function + "` requires " + expected + " parameters but the actual number is " + actual + "."
                        + DOCS,
                Map.of("functionName", "`" + function + "`", "expectedNum", expected,
                        "actualNum", Integer.toString(actual)));
    }

    /**
     * An argument of a type the function does not take. The column is unknown at bind time, so the message names the
     * parameter position; {@code messageParameters} let the analyzer rebuild Spark's text with the column's SQL.
     */
    static AnalysisException unexpectedInputType(String function, int index, String requiredType, DataType actual) {
        String inputType = quote(actual);
        return new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
                "Cannot resolve \"" + function + "\" due to data type mismatch: The " + ordinal(index)
                        + " parameter requires the " + requiredType + " type, however the argument has the type "
                        + inputType + ".",
                Map.of("sqlExpr", "\"" + function + "\"", "paramIndex", ordinal(index), "requiredType", requiredType,
                        "inputType", inputType));
    }

    static AnalysisException nonFoldableInput(String function, String inputName, DataType type) {
        return new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                "Cannot resolve \"" + function + "\" due to data type mismatch: the input " + inputName
                        + " should be a foldable " + quote(type) + " expression; however, got a non-constant value.",
                Map.of("inputName", inputName, "inputType", quote(type)));
    }

    /** An ordering aggregate over a type without an order (MAP). */
    static AnalysisException invalidOrderingType(String function, DataType type) {
        return new AnalysisException("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
                "Cannot resolve \"" + function + "\" due to data type mismatch: The `" + function
                        + "` does not support ordering on type " + quote(type) + ".",
                Map.of("functionName", "`" + function + "`", "dataType", quote(type)));
    }

    /** A type a function cannot take at all, e.g. MAP values for collect_set. */
    static AnalysisException unsupportedInputType(String function, DataType type) {
        return new AnalysisException("DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE",
                "Cannot resolve \"" + function + "\" due to data type mismatch: The input of `" + function
                        + "` can't be " + quote(type) + " type data.",
                Map.of("functionName", "`" + function + "`", "dataType", quote(type)));
    }

    /** ANSI overflow of an integral sum. */
    static FluxoRuntimeException longOverflow() {
        return new FluxoRuntimeException("ARITHMETIC_OVERFLOW", "long overflow. Use 'try_add' to tolerate overflow"
                + " and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this"
                + " error.");
    }

    /** ANSI overflow of a decimal result. */
    static FluxoRuntimeException decimalOutOfRange(String value, DecimalType type) {
        return new FluxoRuntimeException("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", " " + value
                + " cannot be represented as Decimal(" + type.precision() + ", " + type.scale() + "). If necessary set"
                + " \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead.");
    }

    static String quote(DataType type) {
        return "\"" + type.sql() + "\"";
    }

    /** Spark's ordinal words for parameter positions (0-based index). */
    static String ordinal(int index) {
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
