package io.fluxo.exec.expr;

import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;

/**
 * Evaluates an expression over a whole batch. Not thread-safe (may reuse scratch buffers); compile one per task.
 *
 * <p>The result has at least {@code input.numRows()} rows and must be treated as read-only: it may be one of the
 * input's own columns (a bare column reference) or a constant vector reused across batches.
 */
public interface VectorEvaluator {
    ColumnVector evaluate(ColumnBatch input);
}
