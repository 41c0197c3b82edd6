package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.types.LongType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import java.util.List;

/** Generates {@code id} values of a range, split evenly over partitions. */
public final class RangeExec implements PhysicalOperator {
    private final long start;
    private final long step;
    private final long count;
    private final int numPartitions;
    private final AttributeReference id;

    public RangeExec(long start, long step, long count, int numPartitions, AttributeReference id) {
        this.start = start;
        this.step = step;
        this.count = count;
        this.numPartitions = Math.max(1, numPartitions);
        this.id = id;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public List<AttributeReference> output() {
        return List.of(id);
    }

    @Override
    public int numPartitions() {
        return numPartitions;
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        long from = count * partition / numPartitions;
        long to = count * (partition + 1) / numPartitions;
        return new BatchIterator() {
            private long next = from;

            @Override
            public ColumnBatch next() {
                if (next >= to) {
                    return null;
                }
                int n = (int) Math.min(ColumnBatch.DEFAULT_SIZE, to - next);
                long[] values = new long[n];
                long v = start + next * step;
                for (int i = 0; i < n; i++) {
                    values[i] = v;
                    v += step;
                }
                next += n;
                return new ColumnBatch(new ColumnVector[] {LongVector.wrap(LongType.INSTANCE, values, n, null)}, n);
            }
        };
    }

    @Override
    public String nodeString() {
        return "Range (" + start + ", step=" + step + ", count=" + count + ", splits=" + numPartitions + ")";
    }
}
