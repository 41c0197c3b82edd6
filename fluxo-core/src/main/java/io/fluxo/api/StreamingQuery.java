package io.fluxo.api;

import io.fluxo.stream.MicroBatchRunner;
import io.fluxo.stream.StreamingQueryException;
import io.fluxo.stream.StreamingQueryProgress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A running streaming query, as Spark's: its id (kept in the checkpoint, the same across restarts) and runId (new
 * per start), progress of recent batches, and control — stop, wait, or process everything available now.
 */
public final class StreamingQuery {
    private final MicroBatchRunner runner;
    private final StreamingQueryManager manager;
    private final DataFrame df;
    private final Runnable onStop;

    StreamingQuery(MicroBatchRunner runner, StreamingQueryManager manager, DataFrame df, Runnable onStop) {
        this.runner = runner;
        this.manager = manager;
        this.df = df;
        this.onStop = onStop;
    }

    public UUID id() {
        return runner.id();
    }

    public UUID runId() {
        return runner.runId();
    }

    /** The query name, or null when none was given. */
    public String name() {
        return runner.name();
    }

    public boolean isActive() {
        return runner.isActive();
    }

    /** Stops the query; a batch that is running finishes first. */
    public void stop() {
        try {
            runner.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onStop.run();
            manager.ended(this);
        }
    }

    public void awaitTermination() throws StreamingQueryException {
        awaitTermination(0);
    }

    /** Waits up to {@code timeoutMs}; true if the query ended. Rethrows the query's failure, if any. */
    public boolean awaitTermination(long timeoutMs) throws StreamingQueryException {
        try {
            return runner.awaitTermination(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Blocks until all data available in the sources now has been processed and committed (for tests). */
    public void processAllAvailable() throws StreamingQueryException {
        try {
            runner.processAllAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failure that ended the query, if it failed. */
    public Optional<StreamingQueryException> exception() {
        Throwable t = runner.exception();
        return t == null ? Optional.empty() : Optional.of(new StreamingQueryException(t));
    }

    /** The last batch's progress, or null before the first batch. */
    public StreamingQueryProgress lastProgress() {
        return runner.lastProgress();
    }

    public List<StreamingQueryProgress> recentProgress() {
        return runner.recentProgress();
    }

    /** {@code message}, {@code isDataAvailable}, {@code isTriggerActive}, as Spark's status. */
    public Map<String, Object> status() {
        return runner.status();
    }

    public void explain() {
        System.out.print(df.explainString(false));
    }

    public void explain(boolean extended) {
        System.out.print(df.explainString(extended));
    }
}
