package io.fluxo.plan.optimizer;

import io.fluxo.function.EvalContext;
import io.fluxo.plan.logical.LogicalPlan;
import java.util.List;

/**
 * Runs the rewrite rules to a fixed point (bounded), then the one-shot rules. The order matters: subquery aliases go
 * first so later rules see through them; column pruning runs last, on the final shape.
 */
public final class Optimizer {
    private static final int MAX_ITERATIONS = 20;

    private final List<Rule> fixedPoint;
    private final List<Rule> once;

    public Optimizer(EvalContext context) {
        this.fixedPoint = List.of(new EliminateSubqueryAliases(), new ReplaceDistinctWithAggregate(),
                new ReplaceDeduplicateWithAggregate(), new ConstantFolding(context), new SimplifyFilters(),
                new CombineFilters(), new PushDownPredicates(), new CollapseProjects());
        this.once = List.of(new PruneColumns());
    }

    public LogicalPlan optimize(LogicalPlan plan) {
        LogicalPlan current = plan;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            LogicalPlan before = current;
            for (Rule r : fixedPoint) {
                current = r.apply(current);
            }
            if (current.equals(before)) {
                break;
            }
        }
        for (Rule r : once) {
            current = r.apply(current);
        }
        return current;
    }
}
