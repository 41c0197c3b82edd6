package io.fluxo.function.scalar;

import io.fluxo.vector.ColumnVector;
import java.util.Arrays;

/**
 * Null-mask arithmetic for kernels: masks are computed once per batch (a copy, a union), never row by row, and are
 * {@code null} when no row is null, as vectors expect.
 */
final class NullMasks {
    private NullMasks() {
    }

    /** A private copy of the first {@code n} entries of {@code v}'s mask, or null when it has none. */
    static boolean[] copy(ColumnVector v, int n) {
        boolean[] m = v.nulls();
        return m == null ? null : compact(Arrays.copyOf(m, Math.max(n, 1)), n);
    }

    /** Rows null in any of {@code vectors}; null when none is. */
    static boolean[] union(int n, ColumnVector... vectors) {
        boolean[] out = null;
        for (ColumnVector v : vectors) {
            boolean[] m = v.nulls();
            if (m == null) {
                continue;
            }
            if (out == null) {
                out = Arrays.copyOf(m, Math.max(n, 1));
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] |= m[i];
                }
            }
        }
        return out == null ? null : compact(out, n);
    }

    /** {@code mask} itself if any of its first {@code n} entries is set, else null. */
    static boolean[] compact(boolean[] mask, int n) {
        if (mask == null) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                return mask;
            }
        }
        return null;
    }

    /** Sets {@code row} in {@code mask}, creating the mask when absent; returns the (possibly new) mask. */
    static boolean[] set(boolean[] mask, int n, int row) {
        boolean[] m = mask == null ? new boolean[Math.max(n, 1)] : mask;
        m[row] = true;
        return m;
    }
}
