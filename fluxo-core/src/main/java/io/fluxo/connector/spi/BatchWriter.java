package io.fluxo.connector.spi;

import io.fluxo.vector.ColumnBatch;
import java.io.IOException;

/**
 * Writes the batches of one task (one partition) to one output file or destination. {@link #commit} makes the
 * task's output visible as a unit; {@link #abort} removes what it wrote.
 */
public interface BatchWriter extends AutoCloseable {
    void write(ColumnBatch batch) throws IOException;

    /** Finishes the task's output; returns the files written (relative names), for a job-level commit. */
    java.util.List<String> commit() throws IOException;

    void abort() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
