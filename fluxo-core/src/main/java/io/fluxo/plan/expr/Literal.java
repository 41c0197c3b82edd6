package io.fluxo.plan.expr;

import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.Intervals;
import io.fluxo.types.LongType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import io.fluxo.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/** A constant in internal form (see {@link DataType}); {@code value} is null for a typed NULL. */
public record Literal(Object value, DataType dataType) implements Expression {
    public static final Literal NULL = new Literal(null, NullType.INSTANCE);
    public static final Literal TRUE = new Literal(true, BooleanType.INSTANCE);
    public static final Literal FALSE = new Literal(false, BooleanType.INSTANCE);

    public Literal {
        Objects.requireNonNull(dataType, "dataType is null");
    }

    /**
     * A literal for a plain Java value: Integer, Long, Double, Boolean, String, BigDecimal, byte[], LocalDate, Instant,
     * Duration, Period, or null.
     */
    public static Literal of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Integer) {
            return new Literal(value, IntegerType.INSTANCE);
        }
        if (value instanceof Long) {
            return new Literal(value, LongType.INSTANCE);
        }
        if (value instanceof Double) {
            return new Literal(value, DoubleType.INSTANCE);
        }
        if (value instanceof Float f) {
            return new Literal(f.doubleValue(), DoubleType.INSTANCE);
        }
        if (value instanceof Short || value instanceof Byte) {
            return new Literal(((Number) value).intValue(), IntegerType.INSTANCE);
        }
        if (value instanceof Boolean) {
            return new Literal(value, BooleanType.INSTANCE);
        }
        if (value instanceof String) {
            return new Literal(value, StringType.INSTANCE);
        }
        if (value instanceof BigDecimal d) {
            int precision = Math.max(d.precision(), d.scale());
            return new Literal(d, new DecimalType(Math.max(precision, 1), Math.max(d.scale(), 0)));
        }
        if (value instanceof byte[]) {
            return new Literal(value, BinaryType.INSTANCE);
        }
        if (value instanceof java.time.LocalDate d) {
            return new Literal(DateTimeUtils.toDays(d), DateType.INSTANCE);
        }
        if (value instanceof java.time.Instant i) {
            return new Literal(DateTimeUtils.toMicros(i), TimestampType.INSTANCE);
        }
        if (value instanceof java.time.Duration d) {
            return new Literal(Intervals.toMicros(d), DayTimeIntervalType.DEFAULT);
        }
        if (value instanceof java.time.Period p) {
            return new Literal(Intervals.toMonths(p), YearMonthIntervalType.DEFAULT);
        }
        throw new IllegalArgumentException("unsupported literal type " + value.getClass().getName());
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return Leaf.noChildren(this, children);
    }

    @Override
    public boolean nullable() {
        return value == null;
    }

    @Override
    public boolean foldable() {
        return true;
    }

    /** Spark's pretty form, which names columns: strings unquoted, numbers plain ({@code SELECT 'a', 1L} gives a, 1). */
    @Override
    public String sql() {
        if (value == null) {
            return "NULL";
        }
        if (dataType instanceof StringType || dataType instanceof LongType || dataType instanceof IntegerType
                || dataType instanceof DoubleType) {
            return value.toString();
        }
        if (dataType instanceof BooleanType) {
            return value.toString().toUpperCase(java.util.Locale.ROOT);
        }
        if (dataType instanceof DateType) {
            return "DATE '" + DateTimeUtils.formatDate((Integer) value) + "'";
        }
        if (dataType instanceof TimestampType) {
            return "TIMESTAMP '" + DateTimeUtils.formatTimestamp((Long) value, ZoneOffset.UTC) + "'";
        }
        if (dataType instanceof DecimalType) {
            return ((BigDecimal) value).toPlainString();
        }
        if (dataType.isInterval()) {
            return Intervals.format(value, dataType);
        }
        if (dataType instanceof BinaryType) {
            StringBuilder sb = new StringBuilder("X'");
            for (byte b : (byte[]) value) {
                sb.append(String.format("%02X", b));
            }
            return sb.append('\'').toString();
        }
        return value.toString();
    }
}
