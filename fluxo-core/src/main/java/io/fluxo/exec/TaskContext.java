package io.fluxo.exec;

import io.fluxo.function.EvalContext;
import io.fluxo.vector.ColumnBatch;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every task of one query run shares: the evaluation context, the materialized stages, and the files stages
 * spilled, deleted when the run is over ({@link #close}).
 */
public final class TaskContext implements AutoCloseable {
    private final EvalContext evalContext;
    private final Map<Stage, List<List<ColumnBatch>>> stages = new IdentityHashMap<>();
    private final List<java.nio.file.Path> spillFiles = new java.util.ArrayList<>();

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

    /** A file a stage's output lives in, to delete when the run is over. */
    public synchronized void registerSpillFile(java.nio.file.Path file) {
        spillFiles.add(file);
    }

    /** Ends the run: its stages' outputs are dropped and their spill files deleted. */
    @Override
    public synchronized void close() {
        stages.clear();
        for (java.nio.file.Path f : spillFiles) {
            f.toFile().delete();
        }
        spillFiles.clear();
    }

    public synchronized List<List<ColumnBatch>> stageOutput(Stage stage) {
        List<List<ColumnBatch>> out = stages.get(stage);
        if (out == null) {
            throw new io.fluxo.errors.InternalError("stage read before it was materialized: " + stage.nodeString());
        }
        return out;
    }
}
