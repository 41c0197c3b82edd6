package io.fluxo.exec.expr;

import io.fluxo.vector.ColumnBatch;

/**
 * Evaluates a boolean predicate into a selection: writes the positions of rows where it is TRUE (not NULL/FALSE)
 * into {@code selection} (length ≥ {@code input.numRows()}), in ascending order, and returns their count. Not
 * thread-safe (keeps scratch buffers); compile one per task.
 */
public interface PredicateEvaluator {
    int select(ColumnBatch input, int[] selection);
}
