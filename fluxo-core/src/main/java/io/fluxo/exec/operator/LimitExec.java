package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.vector.ColumnBatch;
import java.util.List;

/** The first {@code limit} rows of each partition; stops pulling from its child once it has them. */
public final class LimitExec implements PhysicalOperator {
    private final int limit;
    private final PhysicalOperator child;

    public LimitExec(int limit, PhysicalOperator child) {
        this.limit = limit;
        this.child = child;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public int numPartitions() {
        return child.numPartitions();
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        BatchIterator in = limit == 0 ? BatchIterator.empty() : child.open(partition, context);
        return new BatchIterator() {
            private int remaining = limit;

            @Override
            public ColumnBatch next() {
                if (remaining <= 0) {
                    return null;
                }
                ColumnBatch b = in.next();
                if (b == null) {
                    return null;
                }
                if (b.numRows() > remaining) {
                    b = b.slice(0, remaining);
                }
                remaining -= b.numRows();
                return b;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "Limit " + limit;
    }
}
