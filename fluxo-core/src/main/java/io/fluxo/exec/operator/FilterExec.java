package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.PredicateEvaluator;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.vector.ColumnBatch;
import java.util.List;

/** Keeps rows where the predicate is TRUE: the predicate yields a selection, and only selected rows are gathered. */
public final class FilterExec implements PhysicalOperator {
    private final Expression boundCondition;
    private final PhysicalOperator child;

    public FilterExec(Expression boundCondition, PhysicalOperator child) {
        this.boundCondition = boundCondition;
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
        PredicateEvaluator predicate = ExpressionCompiler.compilePredicate(boundCondition, context.evalContext());
        BatchIterator in = child.open(partition, context);
        return new BatchIterator() {
            private int[] selection = new int[ColumnBatch.DEFAULT_SIZE];

            @Override
            public ColumnBatch next() {
                ColumnBatch b;
                while ((b = in.next()) != null) {
                    if (selection.length < b.numRows()) {
                        selection = new int[b.numRows()];
                    }
                    int n = predicate.select(b, selection);
                    if (n == b.numRows()) {
                        return b;
                    }
                    if (n > 0) {
                        return b.gather(selection, n);
                    }
                }
                return null;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "Filter " + boundCondition.sql();
    }
}
