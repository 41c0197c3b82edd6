package io.fluxo.plan.optimizer;

import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Distinct;
import io.fluxo.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/** DISTINCT is a grouping on every column with no aggregates, so it runs on the hash aggregation. */
final class ReplaceDistinctWithAggregate implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(p -> {
            if (p instanceof Distinct d && !d.isStreaming()) {
                List<Expression> cols = new ArrayList<>(d.child().output());
                return new Aggregate(cols, cols, d.child());
            }
            return p;
        });
    }
}
