package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A WHERE conjunct with a subquery, over {@code child}: {@code [NOT] EXISTS (subquery)} or
 * {@code value [NOT] IN (subquery)}. The analyzer replaces it by a left semi or anti join, as Spark's
 * RewritePredicateSubquery does (NOT IN with SQL's NULL rules: a NULL on either side makes the row unknown, so it is
 * dropped).
 */
public record PredicateSubquery(LogicalPlan child, LogicalPlan subquery, Kind kind, Optional<Expression> value)
        implements LogicalPlan {
    public enum Kind {
        EXISTS, NOT_EXISTS, IN, NOT_IN
    }

    public PredicateSubquery {
        Objects.requireNonNull(child, "child is null");
        Objects.requireNonNull(subquery, "subquery is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(value, "value is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child, subquery);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new PredicateSubquery(children.get(0), children.get(1), kind, value);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return value.map(List::of).orElse(List.of());
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new PredicateSubquery(child, subquery, kind, value.map(rule));
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public String nodeString() {
        return kind + value.map(v -> " " + v.sql()).orElse("");
    }
}
