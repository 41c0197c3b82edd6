package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * SQL's {@code STREAM(t)} / {@code STREAM t}: read {@code child} as a stream. The analyzer checks that it is one (a view
 * of a streaming DataFrame) and removes the node.
 */
public record StreamingRead(LogicalPlan child) implements LogicalPlan {
    public StreamingRead {
        Objects.requireNonNull(child, "child is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new StreamingRead(children.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
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
        return "STREAM";
    }
}
