package io.fluxo.plan.optimizer;

import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import java.util.List;

/** A filter that is always TRUE disappears; one that is never TRUE becomes an empty relation (batch plans only). */
final class SimplifyFilters implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(p -> {
            if (p instanceof Filter f && f.condition() instanceof Literal l) {
                if (Boolean.TRUE.equals(l.value())) {
                    return f.child();
                }
                if (!f.isStreaming()) {
                    return new LocalRelation(f.output(), List.of());
                }
            }
            return p;
        });
    }
}
