package io.fluxo.exec.operator;

import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Output made a row at a time (by a user function, or by pairing join rows), gathered into column batches of
 * {@link ColumnBatch#DEFAULT_SIZE} rows: append one value to each vector of {@link #row()}, then call
 * {@link #rowDone()}.
 */
final class RowBatchBuilder {
    private final List<DataType> types;
    private final UnaryOperator<ColumnBatch> finish;
    private final List<ColumnBatch> batches = new ArrayList<>();
    private ColumnVector[] current;
    private int rows;

    /** @param finish applied to each full batch (a filter, say) before it is kept; empty results are dropped */
    RowBatchBuilder(List<DataType> types, UnaryOperator<ColumnBatch> finish) {
        this.types = List.copyOf(types);
        this.finish = finish;
    }

    RowBatchBuilder(List<DataType> types) {
        this(types, UnaryOperator.identity());
    }

    /** The vectors the next row goes into, one per column. */
    ColumnVector[] row() {
        if (current == null) {
            current = Operators.allocate(types, ColumnBatch.DEFAULT_SIZE);
        }
        return current;
    }

    void rowDone() {
        if (++rows == ColumnBatch.DEFAULT_SIZE) {
            flush();
        }
    }

    private void flush() {
        if (rows > 0) {
            ColumnBatch finished = finish.apply(new ColumnBatch(current, rows));
            if (finished.numRows() > 0) {
                batches.add(finished);
            }
        }
        current = null;
        rows = 0;
    }

    List<ColumnBatch> batches() {
        flush();
        return batches;
    }
}
