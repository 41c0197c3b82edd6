package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Keeps the rows where {@code condition} is TRUE (not FALSE, not NULL). */
public record Filter(Expression condition, LogicalPlan child) implements LogicalPlan {
    public Filter {
        Objects.requireNonNull(condition, "condition is null");
        Objects.requireNonNull(child, "child is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Filter(condition, children.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of(condition);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new Filter(rule.apply(condition), child);
    }

    @Override
    public String nodeString() {
        return "Filter " + PlanText.expr(condition);
    }
}
