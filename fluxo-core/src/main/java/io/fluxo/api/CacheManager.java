package io.fluxo.api;

import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The DataFrames a session was asked to {@code cache()}, as Spark's cache manager: a query whose plan contains a cached
 * plan reads that part from memory instead of computing it, the data being computed once, by the first query that
 * needs it (so a static table joined with a stream is read once, not at every micro-batch).
 */
final class CacheManager {
    private final List<LogicalPlan> plans = new ArrayList<>();
    private final Map<LogicalPlan, List<ColumnBatch>> data = new ConcurrentHashMap<>();

    synchronized void cache(LogicalPlan plan) {
        if (!plans.contains(plan)) {
            plans.add(plan);
        }
    }

    synchronized void uncache(LogicalPlan plan) {
        plans.remove(plan);
        data.remove(plan);
    }

    synchronized boolean isCached(LogicalPlan plan) {
        return plans.contains(plan);
    }

    /**
     * {@code plan} with every cached part replaced by its data; {@code run} computes a part the first time (itself
     * using the cache for the cached parts inside it).
     */
    LogicalPlan useCached(LogicalPlan plan, Function<LogicalPlan, List<ColumnBatch>> run) {
        List<LogicalPlan> cached;
        synchronized (this) {
            if (plans.isEmpty()) {
                return plan;
            }
            cached = List.copyOf(plans);
        }
        return plan.transformDown(p -> {
            if (!cached.contains(p)) {
                return p;
            }
            List<ColumnBatch> batches = data.get(p);
            if (batches == null) {
                // Computed outside the lock: the part may itself read other cached parts.
                LogicalPlan inner = p.withNewChildren(p.children().stream().map(c -> useCached(c, run)).toList());
                batches = List.copyOf(run.apply(inner));
                List<ColumnBatch> raced = data.putIfAbsent(p, batches);
                batches = raced != null ? raced : batches;
            }
            return new LocalRelation(p.output(), batches);
        });
    }
}
