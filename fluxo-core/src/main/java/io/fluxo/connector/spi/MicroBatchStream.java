package io.fluxo.connector.spi;

import io.fluxo.types.StructType;
import java.io.IOException;
import java.util.List;

/**
 * A replayable streaming source read in micro-batches, as Spark's MicroBatchStream. Offsets are JSON text, stable
 * across versions: the engine writes them to the checkpoint's offset log before a batch runs, and a restart asks for
 * exactly the same range again, so {@link #planInputPartitions} must return the same data for the same offsets.
 */
public interface MicroBatchStream {
    StructType schema();

    /** One line for progress reports and explain output, e.g. {@code MemoryStream[events]}. */
    String description();

    /**
     * Called once when a query starts, with a folder of the checkpoint that belongs to this source alone (for what it
     * must remember across restarts, such as the files it has seen). Before any other call but {@link #schema()}.
     */
    default void open(java.nio.file.Path checkpointDir) throws IOException {
    }

    /**
     * {@link #open(java.nio.file.Path)} for a source that decides by processing time (such as Kafka's
     * {@code maxTriggerDelay}): {@code clockMillis} is the query's clock, which tests move by hand.
     */
    default void open(java.nio.file.Path checkpointDir, java.util.function.LongSupplier clockMillis)
            throws IOException {
        open(checkpointDir);
    }

    /**
     * Called once before the first batch of a {@code Trigger.availableNow()} run: a source that can, fixes the data
     * available now as everything the run will read, keeps applying its rate limits (several batches), and returns
     * true. A source returning false is read up to the offset it reports now, in one batch, as Spark does.
     */
    default boolean prepareForTriggerAvailableNow() throws IOException {
        return false;
    }

    /** The offset before any data, where a new query starts. */
    String initialOffset();

    /** The offset of everything available now, or {@code start} when nothing new arrived. */
    String latestOffset(String start) throws IOException;

    /** The data in {@code (start, end]} as independently readable partitions. */
    List<InputPartition> planInputPartitions(String start, String end) throws IOException;

    /** A reader of one partition producing the columns of {@link #schema()} at {@code requiredColumns}. */
    PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException;

    /** Data up to {@code end} is committed by the sink and will never be asked for again. */
    default void commit(String end) {
    }

    default void stop() {
    }
}
