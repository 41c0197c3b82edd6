package io.fluxo.stream;

import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.util.List;

/**
 * Where a streaming query's results go. {@link #addBatch} must be idempotent per batch id: after a crash the engine
 * re-runs the last uncommitted batch with the same id and the same data, and a sink that already has it does nothing.
 */
public interface StreamSink {
    /**
     * Called once when a streaming query starts, before its first batch, with the query's id (kept in its checkpoint,
     * so the same across restarts): what a sink needs to recognise its own earlier writes.
     */
    default void open(java.util.UUID queryId) {
    }

    void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) throws Exception;

    /** For progress reports, e.g. {@code MemorySink}. */
    String description();

    /** Releases what the sink holds (connections, producers) when its query stops. */
    default void close() {
    }
}
