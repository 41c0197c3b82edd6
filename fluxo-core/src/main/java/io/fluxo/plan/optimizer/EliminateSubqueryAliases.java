package io.fluxo.plan.optimizer;

import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.SubqueryAlias;

/** Aliases only matter for name resolution; after analysis they are dropped. */
final class EliminateSubqueryAliases implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(p -> p instanceof SubqueryAlias s ? s.child() : p);
    }
}
