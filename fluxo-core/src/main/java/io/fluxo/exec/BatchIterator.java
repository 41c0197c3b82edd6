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

    /** The batches of {@code part(0)}, then {@code part(1)}, … {@code part(parts - 1)}, each made when reached. */
    static BatchIterator concat(int parts, java.util.function.IntFunction<BatchIterator> part) {
        return new BatchIterator() {
            private int next;
            private BatchIterator current = empty();

            @Override
            public ColumnBatch next() {
                while (true) {
                    ColumnBatch b = current.next();
                    if (b != null) {
                        return b;
                    }
                    current.close();
                    if (next >= parts) {
                        return null;
                    }
                    current = part.apply(next++);
                }
            }

            @Override
            public void close() {
                current.close();
            }
        };
    }
}
