package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.plan.expr.AttributeReference;
import java.util.List;

/** UNION ALL: the partitions of every input, one after another; batches pass through untouched. */
public final class UnionExec implements PhysicalOperator {
    private final List<PhysicalOperator> inputs;
    private final List<AttributeReference> output;

    public UnionExec(List<PhysicalOperator> inputs, List<AttributeReference> output) {
        this.inputs = List.copyOf(inputs);
        this.output = List.copyOf(output);
    }

    @Override
    public List<PhysicalOperator> children() {
        return inputs;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int numPartitions() {
        int n = 0;
        for (PhysicalOperator in : inputs) {
            n += in.numPartitions();
        }
        return n;
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        int p = partition;
        for (PhysicalOperator in : inputs) {
            if (p < in.numPartitions()) {
                return in.open(p, context);
            }
            p -= in.numPartitions();
        }
        throw new IndexOutOfBoundsException("partition " + partition);
    }

    @Override
    public String nodeString() {
        return "Union";
    }
}
