package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** A table or view named in a query, looked up in the session catalog by the analyzer. */
public record UnresolvedRelation(List<String> nameParts) implements LogicalPlan {
    public UnresolvedRelation {
        nameParts = List.copyOf(nameParts);
    }

    public String name() {
        return String.join(".", nameParts);
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
    public List<AttributeReference> output() {
        return List.of();
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
    public boolean resolved() {
        return false;
    }

    @Override
    public String nodeString() {
        return "'UnresolvedRelation [" + name() + "]";
    }
}
