package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A join. {@code usingColumns} (SQL's USING, or {@code df.join(other, "key")}) is rewritten by the analyzer into an
 * equality condition and a projection that keeps each using column once; a resolved Join has none left.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Optional<Expression> condition,
        List<String> usingColumns) implements LogicalPlan {
    public Join {
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(right, "right is null");
        Objects.requireNonNull(joinType, "joinType is null");
        Objects.requireNonNull(condition, "condition is null");
        usingColumns = List.copyOf(usingColumns);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Join(children.get(0), children.get(1), joinType, condition, usingColumns);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>();
        boolean leftNullable = joinType == JoinType.RIGHT_OUTER || joinType == JoinType.FULL_OUTER;
        boolean rightNullable = joinType == JoinType.LEFT_OUTER || joinType == JoinType.FULL_OUTER;
        for (AttributeReference a : left.output()) {
            out.add(leftNullable ? a.withNullability(true) : a);
        }
        if (joinType.outputsRight()) {
            for (AttributeReference a : right.output()) {
                out.add(rightNullable ? a.withNullability(true) : a);
            }
        }
        return out;
    }

    @Override
    public boolean resolved() {
        return usingColumns.isEmpty() && LogicalPlan.super.resolved();
    }

    @Override
    public List<Expression> expressions() {
        return condition.map(List::of).orElse(List.of());
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new Join(left, right, joinType, condition.map(rule), usingColumns);
    }

    @Override
    public String nodeString() {
        return "Join " + joinType.sql() + condition.map(c -> ", " + PlanText.expr(c)).orElse("")
                + (usingColumns.isEmpty() ? "" : ", using " + usingColumns);
    }
}
