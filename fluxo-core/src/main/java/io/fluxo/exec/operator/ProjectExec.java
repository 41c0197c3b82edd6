package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.List;

/** Computes the projection list over each batch; plain column references pass vectors through without copying. */
public final class ProjectExec implements PhysicalOperator {
    private final List<Expression> boundExpressions;
    private final List<AttributeReference> output;
    private final PhysicalOperator child;

    public ProjectExec(List<Expression> boundExpressions, List<AttributeReference> output, PhysicalOperator child) {
        this.boundExpressions = List.copyOf(boundExpressions);
        this.output = List.copyOf(output);
        this.child = child;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int numPartitions() {
        return child.numPartitions();
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        VectorEvaluator[] evaluators = new VectorEvaluator[boundExpressions.size()];
        for (int i = 0; i < evaluators.length; i++) {
            evaluators[i] = ExpressionCompiler.compile(boundExpressions.get(i), context.evalContext());
        }
        BatchIterator in = child.open(partition, context);
        return new BatchIterator() {
            @Override
            public ColumnBatch next() {
                ColumnBatch b = in.next();
                if (b == null) {
                    return null;
                }
                ColumnVector[] cols = new ColumnVector[evaluators.length];
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = evaluators[i].evaluate(b);
                }
                return new ColumnBatch(cols, b.numRows());
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "Project " + Operators.exprs(boundExpressions);
    }
}
