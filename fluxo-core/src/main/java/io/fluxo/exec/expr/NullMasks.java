package io.fluxo.exec.expr;

import java.util.Arrays;

/**
 * Bulk operations on null masks ({@code boolean[]}, {@code true} = null, {@code null} = no row is null). Masks of
 * input vectors are shared, never written: a result that needs a different mask gets a fresh array.
 */
final class NullMasks {
    private NullMasks() {
    }

    /** The rows null in either mask; shares an input mask when the other is absent. */
    static boolean[] union(boolean[] a, boolean[] b, int n) {
        if (a == null) {
            return b;
        }
        if (b == null || a == b) {
            return a;
        }
        boolean[] out = new boolean[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            out[i] = a[i] | b[i];
        }
        return out;
    }

    static boolean[] allNull(int n) {
        boolean[] out = new boolean[Math.max(n, 1)];
        Arrays.fill(out, true);
        return out;
    }

    /** True when some row below {@code n} is null. */
    static boolean anyNull(boolean[] mask, int n) {
        if (mask == null) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                return true;
            }
        }
        return false;
    }

    /** {@code mask} when it marks some row below {@code n}, else {@code null}, so fast paths stay fast. */
    static boolean[] orNullIfNone(boolean[] mask, int n) {
        return anyNull(mask, n) ? mask : null;
    }
}
