package io.fluxo.function.scalar;

import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.MapVector;
import io.fluxo.vector.StructVector;
import java.util.Objects;

/**
 * Spark's ordering and equality of values in two vectors of the same type, for functions that compare elements
 * (greatest, sort_array, array_contains, array_distinct): NULL first, NaN greater than any double and equal to
 * itself, {@code -0.0 = 0.0}, strings by unsigned bytes, arrays and structs element by element. Nulls must be
 * handled by callers for top-level rows; nested nulls sort first.
 */
final class ValueOrdering {
    private ValueOrdering() {
    }

    static int compare(ColumnVector a, int i, ColumnVector b, int j) {
        boolean an = a.isNull(i);
        boolean bn = b.isNull(j);
        if (an || bn) {
            return an == bn ? 0 : (an ? -1 : 1);
        }
        if (a instanceof LongVector x) {
            return Long.compare(x.get(i), ((LongVector) b).get(j));
        }
        if (a instanceof IntVector x) {
            return Integer.compare(x.get(i), ((IntVector) b).get(j));
        }
        if (a instanceof DoubleVector x) {
            return compareDoubles(x.get(i), ((DoubleVector) b).get(j));
        }
        if (a instanceof BytesVector x) {
            return x.compare(i, (BytesVector) b, j);
        }
        if (a instanceof BooleanVector x) {
            return Boolean.compare(x.get(i), ((BooleanVector) b).get(j));
        }
        if (a instanceof DecimalVector x) {
            DecimalVector y = (DecimalVector) b;
            if (x.isCompact() && y.isCompact() && x.decimalType().scale() == y.decimalType().scale()) {
                return Long.compare(x.getUnscaled(i), y.getUnscaled(j));
            }
            return x.getDecimal(i).compareTo(y.getDecimal(j));
        }
        if (a instanceof ArrayVector x) {
            ArrayVector y = (ArrayVector) b;
            int lx = x.length(i);
            int ly = y.length(j);
            for (int k = 0; k < Math.min(lx, ly); k++) {
                int c = compare(x.elements(), x.start(i) + k, y.elements(), y.start(j) + k);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(lx, ly);
        }
        if (a instanceof StructVector x) {
            StructVector y = (StructVector) b;
            for (int f = 0; f < x.numFields(); f++) {
                int c = compare(x.field(f), i, y.field(f), j);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        throw new IllegalArgumentException("values of " + a.type().simpleString() + " are not ordered");
    }

    /** Spark's SQL ordering of doubles: {@code -0.0 = 0.0}, NaN equal to NaN and above everything. */
    static int compareDoubles(double x, double y) {
        return x == y ? 0 : Double.compare(x, y);
    }

    /** SQL equality of two non-null values (maps compare entry by entry in order). */
    static boolean equal(ColumnVector a, int i, ColumnVector b, int j) {
        if (a instanceof MapVector) {
            return Objects.equals(a.getObject(i), b.getObject(j));
        }
        return compare(a, i, b, j) == 0;
    }
}
