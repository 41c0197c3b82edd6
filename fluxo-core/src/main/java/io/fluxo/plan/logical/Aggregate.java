package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * GROUP BY: {@code groupingExpressions} form the key; each of {@code aggregateExpressions} is named and may combine
 * grouping expressions and aggregate calls ({@code sum(x) / count(*) AS avg}). No grouping means one global group.
 */
public record Aggregate(List<Expression> groupingExpressions, List<Expression> aggregateExpressions,
        LogicalPlan child) implements LogicalPlan {
    public Aggregate {
        groupingExpressions = List.copyOf(groupingExpressions);
        aggregateExpressions = List.copyOf(aggregateExpressions);
        Objects.requireNonNull(child, "child is null");
    }

    /** Resolved once every entry also has a name (an attribute or an alias): the analyzer names the rest. */
    @Override
    public boolean resolved() {
        return aggregateExpressions.stream().allMatch(e -> e instanceof io.fluxo.plan.expr.NamedExpression)
                && LogicalPlan.super.resolved();
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Aggregate(groupingExpressions, aggregateExpressions, children.get(0));
    }

    @Override
    public List<AttributeReference> output() {
        return Nodes.toAttributes(aggregateExpressions);
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> out = new ArrayList<>(groupingExpressions);
        out.addAll(aggregateExpressions);
        return out;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new Aggregate(Nodes.map(groupingExpressions, rule), Nodes.map(aggregateExpressions, rule), child);
    }

    @Override
    public String nodeString() {
        return "Aggregate [" + PlanText.exprs(groupingExpressions) + "], [" + PlanText.exprs(aggregateExpressions)
                + "]";
    }
}
