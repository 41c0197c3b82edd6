package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The value of a scalar subquery, {@code (SELECT max(x) FROM t)}, as a one-row relation the query joins with: its
 * {@code child} must give one column; no row gives NULL, more than one is an error when it runs (Spark's
 * SCALAR_SUBQUERY_TOO_MANY_ROWS). {@code value} names that column once resolved.
 */
public record ScalarSubquery(LogicalPlan child, AttributeReference value) implements LogicalPlan {
    public ScalarSubquery {
        Objects.requireNonNull(child, "child is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new ScalarSubquery(children.get(0), value);
    }

    @Override
    public List<AttributeReference> output() {
        return value == null ? List.of() : List.of(value);
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
        return value != null && child.resolved();
    }

    @Override
    public String nodeString() {
        return "ScalarSubquery" + (value == null ? "" : " " + value);
    }
}
