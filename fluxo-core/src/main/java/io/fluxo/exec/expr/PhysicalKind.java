package io.fluxo.exec.expr;

import io.fluxo.types.BinaryType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.LongVector;

/**
 * The primitive array a type's values live in, which picks the kernel: BIGINT, TIMESTAMP and compact DECIMAL share
 * {@code long[]} (unscaled for decimals, so two decimals of one type compare as longs), INT and DATE {@code int[]},
 * DOUBLE {@code double[]}, STRING and BINARY bytes; anything else takes the generic per-row path.
 */
enum PhysicalKind {
    LONG, INT, DOUBLE, BYTES, OTHER;

    static PhysicalKind of(DataType type) {
        if (type.isLongBacked()) {
            return LONG;
        }
        if (type instanceof DecimalType d) {
            return d.isCompact() ? LONG : OTHER;
        }
        if (type.isIntBacked()) {
            return INT;
        }
        if (type instanceof DoubleType) {
            return DOUBLE;
        }
        if (type instanceof StringType || type instanceof BinaryType) {
            return BYTES;
        }
        return OTHER;
    }

    /** The kind two operands share, or OTHER when they differ (decimals of different scales, say). */
    static PhysicalKind common(DataType left, DataType right) {
        PhysicalKind kind = of(left);
        if (kind != of(right)
                || ((left instanceof DecimalType || right instanceof DecimalType) && !left.equals(right))) {
            return OTHER;
        }
        return kind;
    }

    /** The long array of a BIGINT/TIMESTAMP vector or the unscaled values of a compact decimal one. */
    static long[] longs(ColumnVector v) {
        return v instanceof LongVector l ? l.values() : ((DecimalVector) v).unscaledValues();
    }
}
