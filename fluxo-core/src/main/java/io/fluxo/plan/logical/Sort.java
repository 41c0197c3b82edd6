package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** ORDER BY ({@code global}) or sortWithinPartitions; entries are SortOrder once resolved. */
public record Sort(List<Expression> order, boolean global, LogicalPlan child) implements LogicalPlan {
    public Sort {
        order = List.copyOf(order);
        Objects.requireNonNull(child, "child is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Sort(order, global, children.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return order;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new Sort(Nodes.map(order, rule), global, child);
    }

    @Override
    public String nodeString() {
        return "Sort [" + PlanText.exprs(order) + "], " + global;
    }
}
