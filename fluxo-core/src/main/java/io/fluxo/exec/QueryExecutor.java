package io.fluxo.exec;

import io.fluxo.errors.FluxoException;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs physical plans on a fixed pool: stages bottom-up, each by running its child's partitions as parallel tasks,
 * then the root's partitions. Errors from tasks surface with their original type, so a user error stays one.
 */
public final class QueryExecutor {
    private final ExecutorService pool;

    public QueryExecutor(ExecutorService pool) {
        this.pool = Objects.requireNonNull(pool, "pool is null");
    }

    /** All output batches of {@code root}, partition by partition in order. */
    public List<ColumnBatch> collect(PhysicalOperator root, TaskContext context) {
        List<List<ColumnBatch>> parts = runPartitions(root, context);
        List<ColumnBatch> out = new ArrayList<>();
        parts.forEach(out::addAll);
        return out;
    }

    /** Materializes the stages under {@code root}, then runs each partition of {@code root} as a task. */
    public List<List<ColumnBatch>> runPartitions(PhysicalOperator root, TaskContext context) {
        materializeStages(root, context);
        return runTasks(root, context);
    }

    /** Runs the partitions of an operator whose stages are already materialized. */
    public List<List<ColumnBatch>> runTasks(PhysicalOperator op, TaskContext context) {
        int n = op.numPartitions();
        if (n == 1) {
            return List.of(drain(op, 0, context));
        }
        List<Future<List<ColumnBatch>>> futures = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int partition = p;
            futures.add(pool.submit(() -> drain(op, partition, context)));
        }
        List<List<ColumnBatch>> out = new ArrayList<>(n);
        for (Future<List<ColumnBatch>> f : futures) {
            out.add(await(f, futures));
        }
        return out;
    }

    /** Runs each partition of {@code op} as a task that hands every batch to {@code sink} (for writers and counts). */
    public <T> List<T> runTasks(PhysicalOperator op, TaskContext context, PartitionTask<T> task) {
        materializeStages(op, context);
        int n = op.numPartitions();
        List<Future<T>> futures = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int partition = p;
            futures.add(pool.submit(() -> {
                try (BatchIterator it = op.open(partition, context)) {
                    return task.run(partition, it);
                }
            }));
        }
        List<T> out = new ArrayList<>(n);
        for (Future<T> f : futures) {
            out.add(await(f, futures));
        }
        return out;
    }

    /** One partition's work in {@link #runTasks(PhysicalOperator, TaskContext, PartitionTask)}. */
    @FunctionalInterface
    public interface PartitionTask<T> {
        T run(int partition, BatchIterator batches) throws Exception;
    }

    private static <T> T await(Future<T> f, List<? extends Future<?>> all) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            all.forEach(x -> x.cancel(true));
            Thread.currentThread().interrupt();
            throw new io.fluxo.errors.InternalError("interrupted while running a query", e);
        } catch (ExecutionException e) {
            all.forEach(x -> x.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof FluxoException fe) {
                throw fe;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new io.fluxo.errors.InternalError("task failed: " + cause, cause);
        }
    }

    private void materializeStages(PhysicalOperator op, TaskContext context) {
        for (PhysicalOperator c : op.children()) {
            materializeStages(c, context);
        }
        if (op instanceof Stage s && !context.hasStageOutput(s)) {
            context.putStageOutput(s, s.materialize(this, context));
        }
    }

    private static List<ColumnBatch> drain(PhysicalOperator op, int partition, TaskContext context) {
        List<ColumnBatch> out = new ArrayList<>();
        try (BatchIterator it = op.open(partition, context)) {
            ColumnBatch b;
            while ((b = it.next()) != null) {
                out.add(b);
            }
        }
        return out;
    }
}
