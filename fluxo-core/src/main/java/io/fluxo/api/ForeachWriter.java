package io.fluxo.api;

/**
 * Row-by-row output of a streaming query, as Spark's {@code ForeachWriter}: for each partition of each micro-batch
 * the engine calls {@link #open}; when it returns true, {@link #process} for every row, then {@link #close} with the
 * error that stopped processing, or null. A batch re-run after a crash calls {@code open} again with the same
 * {@code epochId}, so a writer that remembers which (partition, epoch) pairs it has stored can return false and
 * write every row exactly once.
 */
public abstract class ForeachWriter<T> {
    /** Called first for each partition of each batch; return false to skip its rows. */
    public abstract boolean open(long partitionId, long epochId);

    public abstract void process(T value);

    /** Called last, also when {@code open} returned false; {@code errorOrNull} is what failed, if anything. */
    public abstract void close(Throwable errorOrNull);
}
