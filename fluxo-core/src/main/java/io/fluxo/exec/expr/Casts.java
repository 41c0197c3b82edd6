package io.fluxo.exec.expr;

import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.types.YearMonthIntervalType;

/**
 * Which casts exist, for the analyzer: {@link #canCast} is Spark's ANSI table of explicit casts (what
 * {@code CAST} and {@code try_cast} accept), {@link #canUpCast} the implicit widenings that lose nothing and cannot
 * fail. The evaluator implements exactly the pairs {@link #canCast} allows.
 */
public final class Casts {
    private Casts() {
    }

    /**
     * Spark's ANSI cast table over Fluxo's types: same type; NULL to anything; anything to STRING; STRING to
     * BINARY, BOOLEAN, numbers, DATE and TIMESTAMP; numbers among themselves and to BOOLEAN and TIMESTAMP; BOOLEAN
     * and TIMESTAMP to numbers; DATE ↔ TIMESTAMP; an interval to another of its kind (day-time or year-month); ARRAY, MAP and STRUCT (same field count) element by element, not
     * turning a nullable element into a non-nullable one.
     */
    public static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType || to instanceof StringType) {
            return true;
        }
        if (from.isInterval() || to.isInterval()) {
            return from.getClass() == to.getClass();
        }
        if (from instanceof StringType) {
            return to instanceof BinaryType || to instanceof BooleanType || to.isNumeric() || to instanceof DateType
                    || to instanceof TimestampType;
        }
        if (to instanceof BooleanType) {
            return from.isNumeric();
        }
        if (to.isNumeric()) {
            return from.isNumeric() || from instanceof BooleanType || from instanceof TimestampType;
        }
        if (to instanceof TimestampType) {
            return from.isNumeric() || from instanceof DateType;
        }
        if (to instanceof DateType) {
            return from instanceof TimestampType;
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return canCast(a.elementType(), b.elementType()) && nullabilityFits(a.containsNull(), b.containsNull());
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            return canCast(a.keyType(), b.keyType()) && canCast(a.valueType(), b.valueType())
                    && nullabilityFits(a.valueContainsNull(), b.valueContainsNull());
        }
        if (from instanceof StructType a && to instanceof StructType b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!canCast(a.field(i).dataType(), b.field(i).dataType())
                        || !nullabilityFits(a.field(i).nullable(), b.field(i).nullable())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Implicit widening: INT → BIGINT → DECIMAL → DOUBLE (an integral type to a decimal wide enough for all its
     * values, a decimal to one with at least as many integral and fractional digits), DATE → TIMESTAMP, NULL to
     * anything, and ARRAY/MAP/STRUCT whose elements widen.
     */
    public static boolean canUpCast(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType) {
            return true;
        }
        if (from instanceof IntegerType) {
            return to instanceof LongType || to instanceof DoubleType
                    || (to instanceof DecimalType d && holds(d, DecimalType.forType(from)));
        }
        if (from instanceof LongType) {
            return to instanceof DoubleType || (to instanceof DecimalType d && holds(d, DecimalType.forType(from)));
        }
        if (from instanceof DecimalType d) {
            return to instanceof DoubleType || (to instanceof DecimalType wider && holds(wider, d));
        }
        if (from instanceof DateType) {
            return to instanceof TimestampType;
        }
        if (from instanceof DayTimeIntervalType a && to instanceof DayTimeIntervalType b) {
            return a.widen(b).equals(b);
        }
        if (from instanceof YearMonthIntervalType a && to instanceof YearMonthIntervalType b) {
            return a.widen(b).equals(b);
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return canUpCast(a.elementType(), b.elementType()) && nullabilityFits(a.containsNull(), b.containsNull());
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            return canUpCast(a.keyType(), b.keyType()) && canUpCast(a.valueType(), b.valueType())
                    && nullabilityFits(a.valueContainsNull(), b.valueContainsNull());
        }
        if (from instanceof StructType a && to instanceof StructType b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!canUpCast(a.field(i).dataType(), b.field(i).dataType())
                        || !nullabilityFits(a.field(i).nullable(), b.field(i).nullable())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** {@code wider} holds every value of {@code narrower}: as many integral digits and as many fraction digits. */
    private static boolean holds(DecimalType wider, DecimalType narrower) {
        return wider.precision() - wider.scale() >= narrower.precision() - narrower.scale()
                && wider.scale() >= narrower.scale();
    }

    private static boolean nullabilityFits(boolean fromNullable, boolean toNullable) {
        return !fromNullable || toNullable;
    }
}
