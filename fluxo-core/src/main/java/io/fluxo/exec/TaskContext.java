package io.fluxo.exec;

import io.fluxo.function.EvalContext;
import io.fluxo.vector.ColumnBatch;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What every task of one query run shares: the evaluation context and the materialized stages. */
public final class TaskContext {
    private final EvalContext evalContext;
    private final Map<Stage, List<List<ColumnBatch>>> stages = new IdentityHashMap<>();

    public TaskContext(EvalContext evalContext) {
        this.evalContext = Objects.requireNonNull(evalContext, "evalContext is null");
    }

    public EvalContext evalContext() {
        return evalContext;
    }

    synchronized void putStageOutput(Stage stage, List<List<ColumnBatch>> output) {
        stages.put(stage, output);
    }

    synchronized boolean hasStageOutput(Stage stage) {
        return stages.containsKey(stage);
    }

    public synchronized List<List<ColumnBatch>> stageOutput(Stage stage) {
        List<List<ColumnBatch>> out = stages.get(stage);
        if (out == null) {
            throw new io.fluxo.errors.InternalError("stage read before it was materialized: " + stage.nodeString());
        }
        return out;
    }
}
