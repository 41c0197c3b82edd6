package io.fluxo.plan.optimizer;

import io.fluxo.plan.logical.LogicalPlan;

/** One rewrite of a resolved plan that keeps its results: each rule is its own class with its own tests. */
public interface Rule {
    LogicalPlan apply(LogicalPlan plan);

    default String name() {
        return getClass().getSimpleName();
    }
}
