package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** The first {@code limit} rows (in the child's order, if it has one). */
public record Limit(int limit, LogicalPlan child) implements LogicalPlan {
    public Limit {
        if (limit < 0) {
            throw new io.fluxo.errors.AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
                    "The limit expression must be equal to or greater than 0, but got " + limit + ".");
        }
        Objects.requireNonNull(child, "child is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Limit(limit, children.get(0));
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
    public String nodeString() {
        return "Limit " + limit;
    }
}
