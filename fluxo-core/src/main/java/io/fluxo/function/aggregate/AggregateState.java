package io.fluxo.function.aggregate;

import java.util.Arrays;

/**
 * Growable per-group state arrays. Aggregators keep one primitive array per state field, indexed by dense group id,
 * and grow them geometrically so that adding groups one at a time costs amortized constant time.
 */
public final class AggregateState {
    private AggregateState() {
    }

    /** The length to grow an array of {@code current} entries to so it holds at least {@code needed}. */
    public static int newCapacity(int current, int needed) {
        return Math.max(needed, Math.max(16, current + (current >> 1)));
    }

    public static long[] grow(long[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, newCapacity(array.length, needed));
    }

    public static double[] grow(double[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, newCapacity(array.length, needed));
    }

    public static int[] grow(int[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, newCapacity(array.length, needed));
    }

    public static boolean[] grow(boolean[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, newCapacity(array.length, needed));
    }

    public static byte[] grow(byte[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, newCapacity(array.length, needed));
    }

    public static <T> T[] grow(T[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, newCapacity(array.length, needed));
    }

    /** Like {@link #grow(int[], int)} but fills new entries with {@code fill} (e.g. -1 for "no element"). */
    public static int[] grow(int[] array, int needed, int fill) {
        if (needed <= array.length) {
            return array;
        }
        int old = array.length;
        int[] out = Arrays.copyOf(array, newCapacity(old, needed));
        Arrays.fill(out, old, out.length, fill);
        return out;
    }
}
