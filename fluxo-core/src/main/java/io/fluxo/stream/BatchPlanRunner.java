package io.fluxo.stream;

import io.fluxo.function.EvalContext;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.vector.ColumnBatch;
import java.util.List;

/** Optimizes, plans and runs one micro-batch's (non-streaming) plan; the session provides it. */
@FunctionalInterface
public interface BatchPlanRunner {
    List<ColumnBatch> run(LogicalPlan plan, EvalContext context);
}
