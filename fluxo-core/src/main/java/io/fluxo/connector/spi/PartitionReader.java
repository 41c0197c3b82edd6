package io.fluxo.connector.spi;

import io.fluxo.vector.ColumnBatch;
import java.io.IOException;

/** Reads one {@link InputPartition} as a sequence of column batches. Single-threaded; closed by its caller. */
public interface PartitionReader extends AutoCloseable {
    /** The next batch (never empty), or {@code null} once the partition is exhausted. */
    ColumnBatch next() throws IOException;

    @Override
    void close() throws IOException;
}
