package io.fluxo.exec;

import io.fluxo.plan.expr.AttributeReference;
import java.util.List;

/**
 * A node of an immutable physical plan. Each operator has a fixed number of partitions; {@link #open} runs one
 * partition as a stream of column batches. Operators that need all of a child's partitions at once (exchanges) are
 * {@link Stage}s, materialized by the {@link QueryExecutor} before the operators that read them run, so no task ever
 * waits on another task of the same pool.
 */
public interface PhysicalOperator {
    List<PhysicalOperator> children();

    /** The columns of the batches it produces, in order. */
    List<AttributeReference> output();

    int numPartitions();

    BatchIterator open(int partition, TaskContext context);

    /** One line for EXPLAIN. */
    String nodeString();

    default String treeString() {
        StringBuilder sb = new StringBuilder();
        appendTree(sb, this, 0);
        return sb.toString();
    }

    private static void appendTree(StringBuilder sb, PhysicalOperator op, int depth) {
        if (depth > 0) {
            sb.append("   ".repeat(depth - 1)).append("+- ");
        }
        sb.append(op.nodeString()).append('\n');
        for (PhysicalOperator c : op.children()) {
            appendTree(sb, c, depth + 1);
        }
    }
}
