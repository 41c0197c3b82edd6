package io.fluxo.types;

/**
 * A SQL data type. Values are held in vectors in a physical form fixed per type: BOOLEAN as boolean, INT and DATE
 * (days since epoch) and year-month intervals (months) as int, BIGINT, TIMESTAMP (microseconds since epoch,
 * UTC) and day-time intervals (microseconds) as long, DOUBLE as double,
 * DECIMAL as an unscaled long when precision ≤ 18 and as BigDecimal above, STRING and BINARY as bytes (UTF-8 for
 * strings), ARRAY/MAP/STRUCT as nested vectors.
 */
public sealed interface DataType
        permits NullType, BooleanType, IntegerType, LongType, DoubleType, DecimalType, StringType, BinaryType,
                DateType, TimestampType, DayTimeIntervalType, YearMonthIntervalType, ArrayType, MapType, StructType {

    /** Spark's {@code simpleString}: the DDL spelling, e.g. {@code bigint}, {@code decimal(10,2)}, {@code array<int>}. */
    String simpleString();

    /** Spark's {@code typeName} as {@code printSchema} shows it: {@code long}, {@code integer}, {@code array}. */
    String typeName();

    /** The upper-case SQL spelling used in messages, e.g. {@code "BIGINT"}, {@code "ARRAY<STRING>"}. */
    default String sql() {
        return simpleString().toUpperCase(java.util.Locale.ROOT);
    }

    default boolean isNumeric() {
        return this instanceof IntegerType || this instanceof LongType || this instanceof DoubleType
                || this instanceof DecimalType;
    }

    default boolean isIntegral() {
        return this instanceof IntegerType || this instanceof LongType;
    }

    /** Types held in a {@code long[]}: BIGINT, TIMESTAMP (microseconds) and day-time intervals (microseconds). */
    default boolean isLongBacked() {
        return this instanceof LongType || this instanceof TimestampType || this instanceof DayTimeIntervalType;
    }

    /** Types held in an {@code int[]}: INT, DATE (days) and year-month intervals (months). */
    default boolean isIntBacked() {
        return this instanceof IntegerType || this instanceof DateType || this instanceof YearMonthIntervalType;
    }

    default boolean isInterval() {
        return this instanceof DayTimeIntervalType || this instanceof YearMonthIntervalType;
    }

    /** Types whose values can be ordered and compared (everything but MAP). */
    default boolean isOrderable() {
        if (this instanceof MapType) {
            return false;
        }
        if (this instanceof ArrayType a) {
            return a.elementType().isOrderable();
        }
        if (this instanceof StructType s) {
            return s.fields().stream().allMatch(f -> f.dataType().isOrderable());
        }
        return true;
    }
}
