package io.fluxo.exec.operator;

import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.util.Arrays;

/**
 * Assigns rows to partitions by a hash of their key columns, one column at a time over whole vectors. Equal keys
 * (SQL equality, with -0.0 = 0.0 and NaN = NaN as grouping treats them) always land in the same partition.
 */
public final class HashPartitioning {
    private static final long NULL_HASH = 0x9E3779B97F4A7C15L;

    private HashPartitioning() {
    }

    /** How many files an operator that spills by key hash (aggregation, join) splits a partition's rows into. */
    public static final int SPILL_PARTITIONS = 64;

    /**
     * Writes each row's spill partition (0 to {@link #SPILL_PARTITIONS} - 1) into {@code partitions}. The rows of one
     * exchange partition all share {@link #assign}'s value, so this takes other bits of the same hash.
     */
    public static void assignSpill(ColumnVector[] keys, int numRows, long[] scratch, int[] partitions) {
        Arrays.fill(scratch, 0, numRows, 17L);
        for (ColumnVector key : keys) {
            mixColumn(key, numRows, scratch);
        }
        for (int i = 0; i < numRows; i++) {
            partitions[i] = (int) ((scratch[i] * 0xC2B2AE3D27D4EB4FL) >>> (64 - Integer.numberOfTrailingZeros(
                    SPILL_PARTITIONS)));
        }
    }

    /** Writes the partition of each of the first {@code numRows} rows into {@code partitions}. */
    public static void assign(ColumnVector[] keys, int numRows, int numPartitions, long[] scratch, int[] partitions) {
        Arrays.fill(scratch, 0, numRows, 17L);
        for (ColumnVector key : keys) {
            mixColumn(key, numRows, scratch);
        }
        for (int i = 0; i < numRows; i++) {
            partitions[i] = (int) Long.remainderUnsigned(fmix(scratch[i]), numPartitions);
        }
    }

    private static void mixColumn(ColumnVector v, int n, long[] h) {
        boolean[] nulls = v.nulls();
        // A NULL row's slot may hold any value (kernels skip it): mix its hash from before this column instead.
        long[] beforeColumn = nulls == null ? null : Arrays.copyOf(h, n);
        if (v instanceof LongVector l) {
            long[] values = l.values();
            for (int i = 0; i < n; i++) {
                h[i] = h[i] * 31 + values[i];
            }
        } else if (v instanceof IntVector iv) {
            int[] values = iv.values();
            for (int i = 0; i < n; i++) {
                h[i] = h[i] * 31 + values[i];
            }
        } else if (v instanceof DoubleVector d) {
            double[] values = d.values();
            for (int i = 0; i < n; i++) {
                double x = values[i];
                h[i] = h[i] * 31 + (x == 0.0 ? 0L : Double.doubleToLongBits(x));
            }
        } else if (v instanceof BooleanVector b) {
            boolean[] values = b.values();
            for (int i = 0; i < n; i++) {
                h[i] = h[i] * 31 + (values[i] ? 1231 : 1237);
            }
        } else if (v instanceof BytesVector s) {
            byte[] data = s.data();
            int[] offsets = s.offsets();
            for (int i = 0; i < n; i++) {
                long x = 1125899906842597L;
                for (int p = offsets[i], end = offsets[i + 1]; p < end; p++) {
                    x = 31 * x + data[p];
                }
                h[i] = h[i] * 31 + x;
            }
        } else if (v instanceof DecimalVector d && d.isCompact()) {
            long[] values = d.unscaledValues();
            for (int i = 0; i < n; i++) {
                h[i] = h[i] * 31 + values[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                Object o = v.getObject(i);
                h[i] = h[i] * 31 + (o instanceof Object[] a ? Arrays.deepHashCode(a) : java.util.Objects.hashCode(o));
            }
        }
        if (nulls != null) {
            for (int i = 0; i < n; i++) {
                if (nulls[i]) {
                    h[i] = beforeColumn[i] * 31 + NULL_HASH;
                }
            }
        }
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
