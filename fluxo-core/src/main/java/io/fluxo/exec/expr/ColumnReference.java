package io.fluxo.exec.expr;

import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;

/** A bound column: the input's own vector, no copy. */
final class ColumnReference implements VectorEvaluator {
    private final int ordinal;

    ColumnReference(int ordinal) {
        this.ordinal = ordinal;
    }

    int ordinal() {
        return ordinal;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        return input.column(ordinal);
    }
}
