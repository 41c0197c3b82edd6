package io.fluxo.function.scalar;

import io.fluxo.types.DataType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;

/**
 * Builds a result by picking rows from existing vectors: per row from one of several same-typed vectors
 * (coalesce, if, greatest) or at given positions of one vector (element_at). Primitive and string vectors are copied
 * through their arrays; nested types row by row.
 */
final class RowSelection {
    private RowSelection() {
    }

    /**
     * Row {@code i} of the result is row {@code i} of {@code sources[which[i]]}, or null when {@code which[i] < 0}.
     * Every source has type {@code type}.
     */
    static ColumnVector select(DataType type, ColumnVector[] sources, int[] which, int n) {
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            int s = which[i];
            if (s < 0 || sources[s].isNull(i)) {
                nulls = NullMasks.set(nulls, n, i);
            }
        }
        ColumnVector first = sources.length == 0 ? null : sources[0];
        if (first instanceof LongVector) {
            long[][] src = new long[sources.length][];
            for (int k = 0; k < sources.length; k++) {
                src[k] = ((LongVector) sources[k]).values();
            }
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                int s = which[i];
                out[i] = s < 0 ? 0 : src[s][i];
            }
            return LongVector.wrap(type, out, n, nulls);
        }
        if (first instanceof IntVector) {
            int[][] src = new int[sources.length][];
            for (int k = 0; k < sources.length; k++) {
                src[k] = ((IntVector) sources[k]).values();
            }
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                int s = which[i];
                out[i] = s < 0 ? 0 : src[s][i];
            }
            return IntVector.wrap(type, out, n, nulls);
        }
        if (first instanceof DoubleVector) {
            double[][] src = new double[sources.length][];
            for (int k = 0; k < sources.length; k++) {
                src[k] = ((DoubleVector) sources[k]).values();
            }
            double[] out = new double[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                int s = which[i];
                out[i] = s < 0 ? 0 : src[s][i];
            }
            return DoubleVector.wrap(out, n, nulls);
        }
        if (first instanceof BooleanVector) {
            boolean[][] src = new boolean[sources.length][];
            for (int k = 0; k < sources.length; k++) {
                src[k] = ((BooleanVector) sources[k]).values();
            }
            boolean[] out = new boolean[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                int s = which[i];
                out[i] = s >= 0 && src[s][i];
            }
            return BooleanVector.wrap(out, n, nulls);
        }
        if (first instanceof BytesVector) {
            return selectBytes(type, sources, which, n, nulls);
        }
        ColumnVector out = ColumnVector.allocate(type, n);
        for (int i = 0; i < n; i++) {
            int s = which[i];
            if (s < 0) {
                out.appendNull();
            } else {
                out.appendFrom(sources[s], i);
            }
        }
        return out;
    }

    private static ColumnVector selectBytes(DataType type, ColumnVector[] sources, int[] which, int n,
            boolean[] nulls) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            int s = which[i];
            if (s >= 0) {
                total += ((BytesVector) sources[s]).length(i);
            }
        }
        byte[] data = new byte[Math.max(total, 1)];
        int[] offsets = new int[n + 1];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            int s = which[i];
            if (s >= 0) {
                BytesVector src = (BytesVector) sources[s];
                int len = src.length(i);
                System.arraycopy(src.data(), src.start(i), data, pos, len);
                pos += len;
            }
            offsets[i + 1] = pos;
        }
        return BytesVector.wrap(type, data, offsets, n, nulls);
    }

    /** Row {@code i} of the result is row {@code positions[i]} of {@code source}, or null when negative. */
    static ColumnVector gather(ColumnVector source, int[] positions, int n) {
        boolean anyMissing = false;
        for (int i = 0; i < n; i++) {
            if (positions[i] < 0) {
                anyMissing = true;
                break;
            }
        }
        if (!anyMissing) {
            return source.gather(positions, n);
        }
        boolean flat = source instanceof LongVector || source instanceof IntVector || source instanceof DoubleVector
                || source instanceof BooleanVector || source instanceof BytesVector
                || (source instanceof DecimalVector d && d.isCompact());
        if (flat && source.size() > 0) {
            int[] safe = new int[Math.max(n, 1)];
            boolean[] missing = new boolean[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                int p = positions[i];
                missing[i] = p < 0;
                safe[i] = p < 0 ? 0 : p;
            }
            ColumnVector out = source.gather(safe, n);
            boolean[] nulls = out.nulls();
            if (nulls == null) {
                out.setNulls(missing);
            } else {
                for (int i = 0; i < n; i++) {
                    nulls[i] |= missing[i];
                }
            }
            return out;
        }
        ColumnVector out = ColumnVector.allocate(source.type(), n);
        for (int i = 0; i < n; i++) {
            int p = positions[i];
            if (p < 0) {
                out.appendNull();
            } else {
                out.appendFrom(source, p);
            }
        }
        return out;
    }
}
