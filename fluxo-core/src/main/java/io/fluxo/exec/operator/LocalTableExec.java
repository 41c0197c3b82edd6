package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/** In-memory batches, dealt round-robin over a few partitions so downstream work runs in parallel. */
public final class LocalTableExec implements PhysicalOperator {
    private final List<AttributeReference> output;
    private final List<ColumnBatch> batches;
    private final int numPartitions;

    public LocalTableExec(List<AttributeReference> output, List<ColumnBatch> batches, int maxPartitions) {
        this.output = List.copyOf(output);
        this.batches = List.copyOf(batches);
        this.numPartitions = Math.max(1, Math.min(maxPartitions, batches.size()));
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int numPartitions() {
        return numPartitions;
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        List<ColumnBatch> mine = new ArrayList<>();
        for (int i = partition; i < batches.size(); i += numPartitions) {
            mine.add(batches.get(i));
        }
        return BatchIterator.of(mine);
    }

    @Override
    public String nodeString() {
        return "LocalTableScan " + Operators.attrs(output);
    }
}
