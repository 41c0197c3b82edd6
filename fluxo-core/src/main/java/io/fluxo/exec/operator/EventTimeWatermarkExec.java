package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.LongVector;
import java.util.List;
import java.util.concurrent.atomic.LongAccumulator;

/** Passes batches through and records the largest non-null event time of the column at {@code ordinal}. */
public final class EventTimeWatermarkExec implements PhysicalOperator {
    private final int ordinal;
    private final LongAccumulator maxEventTime;
    private final PhysicalOperator child;

    public EventTimeWatermarkExec(int ordinal, LongAccumulator maxEventTime, PhysicalOperator child) {
        this.ordinal = ordinal;
        this.maxEventTime = maxEventTime;
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
        BatchIterator in = child.open(partition, context);
        return new BatchIterator() {
            @Override
            public ColumnBatch next() {
                ColumnBatch b = in.next();
                if (b != null) {
                    LongVector times = (LongVector) b.column(ordinal);
                    long[] values = times.values();
                    boolean[] nulls = times.nulls();
                    long max = Long.MIN_VALUE;
                    for (int i = 0; i < b.numRows(); i++) {
                        if (nulls == null || !nulls[i]) {
                            max = Math.max(max, values[i]);
                        }
                    }
                    if (max != Long.MIN_VALUE) {
                        maxEventTime.accumulate(max);
                    }
                }
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
        return "EventTimeWatermark(#" + ordinal + ")";
    }
}
