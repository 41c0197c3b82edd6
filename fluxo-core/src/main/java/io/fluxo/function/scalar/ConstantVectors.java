package io.fluxo.function.scalar;

import io.fluxo.types.DataType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.util.Arrays;

/** Vectors holding one value (or NULL) in every row: results of functions whose value does not depend on rows. */
final class ConstantVectors {
    private ConstantVectors() {
    }

    /** {@code n} rows of {@code value} (internal form of {@code type}); {@code null} gives all-null rows. */
    static ColumnVector of(DataType type, Object value, int n) {
        if (value == null) {
            return allNull(type, n);
        }
        ColumnVector probe = ColumnVector.allocate(type, 1);
        if (probe instanceof IntVector) {
            int[] values = new int[Math.max(n, 1)];
            Arrays.fill(values, ((Number) value).intValue());
            return IntVector.wrap(type, values, n, null);
        }
        if (probe instanceof LongVector) {
            long[] values = new long[Math.max(n, 1)];
            Arrays.fill(values, ((Number) value).longValue());
            return LongVector.wrap(type, values, n, null);
        }
        if (probe instanceof DoubleVector) {
            double[] values = new double[Math.max(n, 1)];
            Arrays.fill(values, ((Number) value).doubleValue());
            return DoubleVector.wrap(values, n, null);
        }
        if (probe instanceof BooleanVector) {
            boolean[] values = new boolean[Math.max(n, 1)];
            Arrays.fill(values, (Boolean) value);
            return BooleanVector.wrap(values, n, null);
        }
        if (probe instanceof BytesVector) {
            byte[] bytes = value instanceof byte[] b ? b : Utf8.bytes(value.toString());
            byte[] data = new byte[Math.max(bytes.length * n, 1)];
            int[] offsets = new int[n + 1];
            for (int i = 0; i < n; i++) {
                System.arraycopy(bytes, 0, data, i * bytes.length, bytes.length);
                offsets[i + 1] = (i + 1) * bytes.length;
            }
            return BytesVector.wrap(type, data, offsets, n, null);
        }
        ColumnVector out = ColumnVector.allocate(type, n);
        for (int i = 0; i < n; i++) {
            out.appendObject(value);
        }
        return out;
    }

    /** {@code n} null rows of {@code type}. */
    static ColumnVector allNull(DataType type, int n) {
        ColumnVector out = ColumnVector.allocate(type, n);
        for (int i = 0; i < n; i++) {
            out.appendNull();
        }
        return out;
    }
}
