package io.fluxo.stream;

import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.util.List;

/**
 * Where a streaming query's results go. {@link #addBatch} must be idempotent per batch id: after a crash the engine
 * re-runs the last uncommitted batch with the same id and the same data, and a sink that already has it does nothing.
 */
public interface StreamSink {
    void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) throws Exception;

    /** For progress reports, e.g. {@code MemorySink}. */
    String description();

    /** Releases what the sink holds (connections, producers) when its query stops. */
    default void close() {
    }
}
