package io.fluxo.exec.operator;

import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.QueryExecutor;
import io.fluxo.exec.Stage;
import io.fluxo.exec.TaskContext;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings every partition of its child into one partition, in partition order: below a global limit, a global sort
 * or a final global aggregate, and as the broadcast side of a join (readers take {@code stageOutput(...).get(0)}).
 */
public final class GatherExec implements Stage {
    private final PhysicalOperator child;
    private final SpillFile.Settings spill;

    public GatherExec(PhysicalOperator child) {
        this(child, SpillFile.Settings.NEVER);
    }

    /** A gather whose tasks spill what they hold past the threshold, as a hash exchange's (below a global sort). */
    public GatherExec(PhysicalOperator child, SpillFile.Settings spill) {
        this.child = child;
        this.spill = spill;
    }

    @Override
    public List<List<ColumnBatch>> materialize(QueryExecutor executor, TaskContext context) {
        if (!spill.never()) {
            return new ShuffleExchangeExec(List.of(), 1, spill, child).materialize(executor, context);
        }
        List<ColumnBatch> all = new ArrayList<>();
        executor.runTasks(child, context).forEach(all::addAll);
        return List.of(all);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public int numPartitions() {
        return 1;
    }

    @Override
    public String nodeString() {
        return "Gather";
    }
}
