package io.fluxo.exec.expr;

import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;

/**
 * A constant: materialized once per batch size and reused while batches keep that size (smaller batches get a
 * view of the same arrays where the layout allows). Kernels that special-case constants read {@link #value()}.
 */
final class LiteralEvaluator implements VectorEvaluator {
    private final DataType type;
    private final Object value;
    private ColumnVector cached;
    private int cachedRows = -1;

    LiteralEvaluator(DataType type, Object value) {
        this.type = type;
        this.value = value;
    }

    DataType type() {
        return type;
    }

    /** The value in internal form, or {@code null}. */
    Object value() {
        return value;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int n = input.numRows();
        if (n == cachedRows) {
            return cached;
        }
        if (cached != null && n < cachedRows) {
            ColumnVector view = ConstantVectors.prefix(cached, n);
            if (view != null) {
                return view;
            }
        }
        cached = ConstantVectors.of(type, value, n);
        cachedRows = n;
        return cached;
    }
}
