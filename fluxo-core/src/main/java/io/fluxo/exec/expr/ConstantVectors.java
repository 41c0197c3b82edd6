package io.fluxo.exec.expr;

import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.NullVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Vectors that hold one value (in internal form, or null) on every row: literals, and all-null results. */
final class ConstantVectors {
    private ConstantVectors() {
    }

    static ColumnVector of(DataType type, Object value, int n) {
        if (type instanceof NullType) {
            return NullVector.ofSize(n);
        }
        int capacity = Math.max(n, 1);
        boolean[] nulls = value == null ? NullMasks.allNull(n) : null;
        if (type instanceof BooleanType) {
            boolean[] values = new boolean[capacity];
            if (value != null && (Boolean) value) {
                Arrays.fill(values, true);
            }
            return BooleanVector.wrap(values, n, nulls);
        }
        if (type.isIntBacked()) {
            int[] values = new int[capacity];
            if (value != null) {
                Arrays.fill(values, ((Number) value).intValue());
            }
            return IntVector.wrap(type, values, n, nulls);
        }
        if (type.isLongBacked()) {
            long[] values = new long[capacity];
            if (value != null) {
                Arrays.fill(values, ((Number) value).longValue());
            }
            return LongVector.wrap(type, values, n, nulls);
        }
        if (type instanceof DoubleType) {
            double[] values = new double[capacity];
            if (value != null) {
                Arrays.fill(values, ((Number) value).doubleValue());
            }
            return DoubleVector.wrap(values, n, nulls);
        }
        if (type instanceof DecimalType d) {
            DecimalVector out = new DecimalVector(d, capacity);
            if (value == null) {
                for (int i = 0; i < n; i++) {
                    out.appendNull();
                }
            } else {
                BigDecimal scaled = ((BigDecimal) value).setScale(d.scale(), RoundingMode.HALF_UP);
                for (int i = 0; i < n; i++) {
                    out.appendDecimal(scaled);
                }
            }
            return out;
        }
        if (type instanceof StringType || type instanceof BinaryType) {
            return bytes(type, value, n, nulls);
        }
        ColumnVector out = ColumnVector.allocate(type, capacity);
        for (int i = 0; i < n; i++) {
            out.appendObject(value);
        }
        return out;
    }

    /** An all-null vector of {@code type}. */
    static ColumnVector nulls(DataType type, int n) {
        return of(type, null, n);
    }

    private static BytesVector bytes(DataType type, Object value, int n, boolean[] nulls) {
        byte[] one = value == null ? new byte[0]
                : value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
        int len = one.length;
        byte[] data = new byte[Math.max(len * n, 1)];
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(one, 0, data, i * len, len);
            offsets[i + 1] = (i + 1) * len;
        }
        return BytesVector.wrap(type, data, offsets, n, nulls);
    }

    /**
     * The first {@code n} rows of a constant vector without copying where its layout allows (primitive arrays and
     * bytes), else {@code null}.
     */
    static ColumnVector prefix(ColumnVector constant, int n) {
        boolean[] nulls = constant.nulls();
        if (constant instanceof LongVector v) {
            return LongVector.wrap(v.type(), v.values(), n, nulls);
        }
        if (constant instanceof IntVector v) {
            return IntVector.wrap(v.type(), v.values(), n, nulls);
        }
        if (constant instanceof DoubleVector v) {
            return DoubleVector.wrap(v.values(), n, nulls);
        }
        if (constant instanceof BooleanVector v) {
            return BooleanVector.wrap(v.values(), n, nulls);
        }
        if (constant instanceof BytesVector v) {
            return BytesVector.wrap(v.type(), v.data(), v.offsets(), n, nulls);
        }
        return null;
    }
}
