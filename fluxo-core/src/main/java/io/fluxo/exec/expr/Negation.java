package io.fluxo.exec.expr;

import io.fluxo.errors.InternalError;
import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;

/** Unary minus; negating the smallest INT or BIGINT overflows (ARITHMETIC_OVERFLOW), as Spark's ANSI mode says. */
final class Negation implements VectorEvaluator {
    private final VectorEvaluator child;
    private final DataType type;

    Negation(VectorEvaluator child, DataType type) {
        if (!type.isNumeric() && !type.isInterval()) {
            throw new InternalError("unary minus over " + type.simpleString());
        }
        this.child = child;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int n = input.numRows();
        ColumnVector v = child.evaluate(input);
        boolean[] nulls = v.nulls();
        if (type.isLongBacked()) {
            long[] a = ((LongVector) v).values();
            long[] out = new long[Math.max(n, 1)];
            boolean min = false;
            for (int i = 0; i < n; i++) {
                long x = a[i];
                out[i] = -x;
                min |= x == Long.MIN_VALUE;
            }
            if (min) {
                checkMin(nulls, n, i -> a[i] == Long.MIN_VALUE, true);
            }
            return LongVector.wrap(type, out, n, nulls);
        }
        if (type.isIntBacked()) {
            int[] a = ((IntVector) v).values();
            int[] out = new int[Math.max(n, 1)];
            boolean min = false;
            for (int i = 0; i < n; i++) {
                int x = a[i];
                out[i] = -x;
                min |= x == Integer.MIN_VALUE;
            }
            if (min) {
                checkMin(nulls, n, i -> a[i] == Integer.MIN_VALUE, false);
            }
            return IntVector.wrap(type, out, n, nulls);
        }
        if (type instanceof DoubleType) {
            double[] a = ((DoubleVector) v).values();
            double[] out = new double[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = -a[i];
            }
            return DoubleVector.wrap(out, n, nulls);
        }
        DecimalVector d = (DecimalVector) v;
        DecimalVector out = new DecimalVector((DecimalType) type, Math.max(n, 1));
        if (d.isCompact()) {
            long[] a = d.unscaledValues();
            long[] o = out.unscaledValues();
            for (int i = 0; i < n; i++) {
                o[i] = -a[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    out.setDecimal(i, d.getDecimal(i).negate());
                }
            }
        }
        out.setSize(n);
        out.setNulls(nulls);
        return out;
    }

    private interface RowTest {
        boolean test(int row);
    }

    private static void checkMin(boolean[] nulls, int n, RowTest isMin, boolean isLong) {
        for (int i = 0; i < n; i++) {
            if ((nulls == null || !nulls[i]) && isMin.test(i)) {
                throw ExecutionErrors.integralOverflow(isLong, null);
            }
        }
    }
}
