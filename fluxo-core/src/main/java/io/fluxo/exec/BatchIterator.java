package io.fluxo.exec;

import io.fluxo.vector.ColumnBatch;

/** Pull-based stream of batches from one partition of an operator. Single-threaded; always closed by the caller. */
public interface BatchIterator extends AutoCloseable {
    /** The next non-empty batch, or {@code null} when the partition is exhausted. */
    ColumnBatch next();

    @Override
    default void close() {
    }

    static BatchIterator of(java.util.List<ColumnBatch> batches) {
        java.util.Iterator<ColumnBatch> it = batches.iterator();
        return () -> {
            while (it.hasNext()) {
                ColumnBatch b = it.next();
                if (b.numRows() > 0) {
                    return b;
                }
            }
            return null;
        };
    }

    static BatchIterator empty() {
        return () -> null;
    }
}
