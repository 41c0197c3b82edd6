package io.fluxo.exec.expr;

import io.fluxo.vector.ColumnBatch;

/**
 * A compiled predicate that refines a selection: of the rows {@code rows[0..count)} (ascending; {@code rows == null}
 * means rows {@code 0..count-1}), writes those where the predicate is TRUE to {@code out}, ascending, and returns how
 * many. {@code out} may be the same array as {@code rows}; both have room for the batch.
 */
interface RowSelector {
    int select(ColumnBatch input, int[] rows, int count, int[] out);
}
