package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import io.fluxo.types.StructType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One started query of one case, driven by the runner step by step. Any method may throw; the runner records the
 * exception as the query's failure, which an {@code expectError} step may then expect.
 *
 * <p>How the runner calls it, per step of the case:
 * <ul>
 *   <li>{@code add}: {@link #addData} once per source named in the step, then {@link #processAllAvailable}, then
 *       {@link #drainSinkBatches}. The rows of one step are one micro-batch's worth: no batch may start between the
 *       {@code addData} calls.</li>
 *   <li>{@code check}, {@code checkSorted}, {@code checkTable}: {@link #processAllAvailable},
 *       {@link #drainSinkBatches}, then {@link #outputSchema} to type the expected rows. Which rows are compared
 *       (new since the last check, or the sink's whole content; in complete mode the last batch only) the runner
 *       works out from the batches.</li>
 *   <li>{@code restart}: {@link #drainSinkBatches}, then {@link #restart}.</li>
 *   <li>{@code advanceClock}: {@link #advanceClock}, {@link #processAllAvailable}, {@link #drainSinkBatches}.</li>
 *   <li>{@code checkProgress}: {@link #lastProgress}.</li>
 *   <li>at the end, or after a failure or time-out: {@link #close} (once).</li>
 * </ul>
 */
public interface CaseExecution extends AutoCloseable {

    /** The schema of the rows the query emits; the runner types the expected rows of checks with it. */
    StructType outputSchema();

    /** Appends rows (in the source's schema, as {@link YamlValues} typed them) to the named memory stream. */
    void addData(String source, List<Row> rows);

    /**
     * Runs micro-batches until every row added so far is processed and the query is idle, including the batches that
     * run without new data only because the watermark moved (Spark's {@code processAllAvailable}). Throws the
     * query's error if it failed.
     */
    void processAllAvailable();

    /**
     * The batches the sink received since the previous call, in the order they were committed; each batch once, with
     * its id (ids grow across restarts, as in the checkpoint's logs). A batch that runs again after a restart with
     * the same id replaces the earlier one, as in Spark's memory sink.
     */
    List<SinkBatch> drainSinkBatches();

    /** Stops the query and starts a new run of it on the same checkpoint (Spark's stop() then start()). */
    void restart();

    /** Moves the query's manual processing-time clock forward (processing-time triggers and timeouts). */
    void advanceClock(Duration duration);

    /**
     * The last progress report as field → value, or {@code null} (or empty) before the first: at least
     * {@code numInputRows}, {@code batchId}, and for a stateful query {@code stateRows} and
     * {@code droppedByWatermark} of its first state operator (Spark's {@code stateOperators[0].numRowsTotal} and
     * {@code numRowsDroppedByWatermark}). Numbers as {@link Number}s.
     */
    Map<String, Object> lastProgress();

    /** Stops the query and frees what it holds. */
    @Override
    void close();
}
