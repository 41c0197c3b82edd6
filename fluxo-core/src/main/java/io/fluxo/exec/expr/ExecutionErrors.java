package io.fluxo.exec.expr;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The data errors expression evaluation raises under ANSI rules, with Spark's error classes and message shapes, so
 * that every kernel (and functions or aggregates that share the rules) words them the same way. Values in messages
 * are written as SQL literals ({@code 3000000000L}, {@code 'abc'}) and types as {@code "BIGINT"}, as Spark does.
 */
public final class ExecutionErrors {
    private ExecutionErrors() {
    }

    /**
     * {@code [ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL instead.}
     *
     * @param tryFunction the {@code try_} function that tolerates it, or {@code null} when there is none
     */
    public static FluxoRuntimeException arithmeticOverflow(String message, String tryFunction) {
        String hint = tryFunction == null ? ""
                : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.";
        return new FluxoRuntimeException("ARITHMETIC_OVERFLOW", message + "." + hint);
    }

    /** {@code integer overflow} or {@code long overflow}, as Java's exact arithmetic words it. */
    static FluxoRuntimeException integralOverflow(boolean isLong, String tryFunction) {
        return arithmeticOverflow(isLong ? "long overflow" : "integer overflow", tryFunction);
    }

    public static FluxoRuntimeException divideByZero() {
        return new FluxoRuntimeException("DIVIDE_BY_ZERO",
                "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.");
    }

    /** A value that does not parse as the target type of a cast (ANSI); {@code value} is in internal form. */
    public static FluxoRuntimeException castInvalidInput(Object value, DataType from, DataType to) {
        return new FluxoRuntimeException("CAST_INVALID_INPUT",
                "The value " + sqlValue(value, from) + " of the type " + sqlType(from) + " cannot be cast to "
                        + sqlType(to) + " because it is malformed. Correct the value as per the syntax, or change "
                        + "its target type. Use `try_cast` to tolerate malformed input and return NULL instead.");
    }

    /** A value outside the range of the target type of a cast (ANSI); {@code value} is in internal form. */
    public static FluxoRuntimeException castOverflow(Object value, DataType from, DataType to) {
        return new FluxoRuntimeException("CAST_OVERFLOW",
                "The value " + sqlValue(value, from) + " of the type " + sqlType(from) + " cannot be cast to "
                        + sqlType(to) + " due to an overflow. Use `try_cast` to tolerate overflow and return NULL "
                        + "instead.");
    }

    /** A decimal result or cast that does not fit {@code DECIMAL(precision, scale)}. */
    public static FluxoRuntimeException numericValueOutOfRange(BigDecimal value, int precision, int scale) {
        return new FluxoRuntimeException("NUMERIC_VALUE_OUT_OF_RANGE",
                value.toPlainString() + " cannot be represented as Decimal(" + precision + ", " + scale + ").");
    }

    /** Text with more integral digits than any decimal can hold. */
    static FluxoRuntimeException numericOutOfSupportedRange(String text) {
        return new FluxoRuntimeException("NUMERIC_OUT_OF_SUPPORTED_RANGE",
                "The value " + text + " cannot be interpreted as a numeric since it has more than 38 digits.");
    }

    /** The type as Spark's messages quote it: {@code "DECIMAL(10,2)"}. */
    public static String sqlType(DataType type) {
        return "\"" + type.sql() + "\"";
    }

    /** A value in internal form written as a SQL literal of {@code type}, the way Spark's messages show values. */
    public static String sqlValue(Object value, DataType type) {
        if (value == null) {
            return "NULL";
        }
        if (type instanceof StringType) {
            return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (type instanceof LongType) {
            return value + "L";
        }
        if (type instanceof DoubleType) {
            double d = (Double) value;
            if (Double.isNaN(d)) {
                return "NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "Infinity" : "-Infinity";
            }
            return value + "D";
        }
        if (type instanceof DecimalType) {
            return ((BigDecimal) value).toPlainString() + "BD";
        }
        if (type instanceof BooleanType) {
            return value.toString().toUpperCase(Locale.ROOT);
        }
        if (type instanceof DateType) {
            return "DATE '" + DateTimeUtils.formatDate((Integer) value) + "'";
        }
        if (type instanceof TimestampType) {
            return "TIMESTAMP '" + DateTimeUtils.formatTimestamp((Long) value, ZoneOffset.UTC) + "'";
        }
        if (type instanceof BinaryType && value instanceof byte[] bytes) {
            StringBuilder sb = new StringBuilder("X'");
            for (byte b : bytes) {
                sb.append(String.format(Locale.ROOT, "%02X", b));
            }
            return sb.append('\'').toString();
        }
        return value.toString();
    }
}
