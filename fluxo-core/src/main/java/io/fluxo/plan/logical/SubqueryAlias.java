package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code df.alias("t")} or a view name: lets columns be addressed as {@code t.col}. */
public record SubqueryAlias(String alias, LogicalPlan child) implements LogicalPlan {
    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new SubqueryAlias(alias, children.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return child.output().stream().map(a -> a.withQualifier(List.of(alias))).toList();
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
        return "SubqueryAlias " + alias;
    }
}
