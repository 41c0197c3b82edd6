package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.vector.ColumnBatch;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rows held in memory (from {@code createDataFrame}, VALUES, or test data). */
public record LocalRelation(List<AttributeReference> output, List<ColumnBatch> batches) implements LogicalPlan {
    public LocalRelation {
        output = List.copyOf(output);
        batches = List.copyOf(batches);
    }

    public long numRows() {
        long n = 0;
        for (ColumnBatch b : batches) {
            n += b.numRows();
        }
        return n;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return Nodes.leaf(this, children);
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return this;
    }

    @Override
    public String nodeString() {
        return "LocalRelation " + PlanText.attrs(output);
    }
}
