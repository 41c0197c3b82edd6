package io.fluxo.plan.optimizer;

import io.fluxo.plan.expr.And;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.LogicalPlan;

/** Two adjacent deterministic filters become one, with the lower condition first. */
final class CombineFilters implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(p -> {
            if (p instanceof Filter upper && upper.child() instanceof Filter lower
                    && upper.condition().deterministic() && lower.condition().deterministic()) {
                return new Filter(new And(lower.condition(), upper.condition()), lower.child());
            }
            return p;
        });
    }
}
