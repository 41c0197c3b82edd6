package io.fluxo.exec.expr;

import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;

/** {@code CAST} (ANSI: unconvertible values raise) and {@code try_cast} (they become NULL) over a whole vector. */
final class CastEvaluator implements VectorEvaluator {
    private final VectorEvaluator child;
    private final CastKernel kernel;
    private final boolean tryCast;

    CastEvaluator(VectorEvaluator child, CastKernel kernel, boolean tryCast) {
        this.child = child;
        this.kernel = kernel;
        this.tryCast = tryCast;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int n = input.numRows();
        ColumnVector value = child.evaluate(input);
        return kernel.apply(value, n, tryCast ? new boolean[Math.max(n, 1)] : null);
    }
}
