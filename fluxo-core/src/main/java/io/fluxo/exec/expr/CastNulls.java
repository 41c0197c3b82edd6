package io.fluxo.exec.expr;

import io.fluxo.errors.FluxoRuntimeException;
import java.util.function.Supplier;

/**
 * The null mask of a cast's result while it is computed: the input's mask, plus the rows a {@code try_cast} could
 * not convert. Under ANSI rules ({@code failed == null}) a row that cannot be converted raises its error instead.
 */
final class CastNulls {
    private final boolean[] failed;
    private final int n;
    private boolean[] mask;
    private boolean owned;

    CastNulls(boolean[] inputNulls, int n, boolean[] failed) {
        this.mask = inputNulls;
        this.n = n;
        this.failed = failed;
    }

    boolean isNull(int row) {
        return mask != null && mask[row];
    }

    /** Row {@code row} cannot be converted: raise {@code error} (ANSI) or make the row null and failed (try). */
    void fail(int row, Supplier<FluxoRuntimeException> error) {
        if (failed == null) {
            throw error.get();
        }
        failed[row] = true;
        setNull(row);
    }

    /** A row whose result is null without failing (NaN cast to DECIMAL, as in Spark). */
    void setNull(int row) {
        if (!owned) {
            boolean[] copy = new boolean[Math.max(n, 1)];
            if (mask != null) {
                System.arraycopy(mask, 0, copy, 0, n);
            }
            mask = copy;
            owned = true;
        }
        mask[row] = true;
    }

    boolean[] mask() {
        return mask;
    }
}
