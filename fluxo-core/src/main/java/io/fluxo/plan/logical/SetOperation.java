package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * SQL's {@code INTERSECT} and {@code EXCEPT} (distinct): the rows of {@code left} that also appear (or do not appear)
 * in {@code right}, column by position, NULLs equal. The analyzer replaces it by a distinct left semi or anti join on
 * null-safe equality of every column, as Spark's optimizer does.
 */
public record SetOperation(Kind kind, LogicalPlan left, LogicalPlan right) implements LogicalPlan {
    public enum Kind {
        INTERSECT, EXCEPT
    }

    public SetOperation {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(right, "right is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new SetOperation(kind, children.get(0), children.get(1));
    }

    @Override
    public List<AttributeReference> output() {
        return left.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return this;
    }

    /** Never resolved itself: the analyzer rewrites it into a join. */
    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public String nodeString() {
        return kind.name();
    }
}
