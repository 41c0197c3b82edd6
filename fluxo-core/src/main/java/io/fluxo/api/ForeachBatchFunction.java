package io.fluxo.api;

/** The function of {@code writeStream().foreachBatch(...)}: called once per micro-batch with its output. */
@FunctionalInterface
public interface ForeachBatchFunction {
    void call(DataFrame batch, long batchId) throws Exception;
}
