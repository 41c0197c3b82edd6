package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code dropDuplicates(keys)}: the first row seen for each key, all columns kept. With {@code withinWatermark}
 * ({@code dropDuplicatesWithinWatermark}, streams only) a key is remembered only until the watermark passes its first
 * event time plus the watermark delay.
 */
public record Deduplicate(List<Expression> keys, LogicalPlan child, boolean withinWatermark) implements LogicalPlan {
    public Deduplicate {
        keys = List.copyOf(keys);
    }

    public Deduplicate(List<Expression> keys, LogicalPlan child) {
        this(keys, child, false);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Deduplicate(keys, children.get(0), withinWatermark);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return keys;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new Deduplicate(Nodes.map(keys, rule), child, withinWatermark);
    }

    @Override
    public String nodeString() {
        return "Deduplicate [" + PlanText.exprs(keys) + "]";
    }
}
