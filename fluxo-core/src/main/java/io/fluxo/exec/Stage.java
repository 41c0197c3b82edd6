package io.fluxo.exec;

import io.fluxo.vector.ColumnBatch;
import java.util.List;

/**
 * An operator whose output is computed from all of its child's partitions at once (a hash exchange, a broadcast, a
 * gather to one partition). The executor calls {@link #materialize} once per query run, after the stages below it,
 * and keeps the result in the {@link TaskContext}; {@link #open} then reads from there.
 */
public interface Stage extends PhysicalOperator {
    /** Runs the child's partitions (on the executor's pool) and returns the batches of each output partition. */
    List<List<ColumnBatch>> materialize(QueryExecutor executor, TaskContext context);

    @Override
    default BatchIterator open(int partition, TaskContext context) {
        return BatchIterator.of(context.stageOutput(this).get(partition));
    }
}
