package io.fluxo.stream;

import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.expr.AggregateCall;
import io.fluxo.plan.expr.ScalarFunctionCall;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Deduplicate;
import io.fluxo.plan.logical.FlatMapGroupsWithState;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.JoinType;
import io.fluxo.plan.logical.Limit;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's checks of which streaming plans each output mode supports, run before a query starts, with Spark's
 * messages.
 */
public final class UnsupportedOperations {
    private UnsupportedOperations() {
    }

    /** {@code outputMode} is append, update or complete. */
    public static void check(LogicalPlan plan, String outputMode) {
        boolean aggregated = plan.anyNode(p -> p instanceof Aggregate a && a.child().isStreaming());
        if (outputMode.equals("complete") && !aggregated) {
            throw error("Complete output mode not supported when there are no streaming aggregations on streaming "
                    + "DataFrames/Datasets.");
        }
        List<LogicalPlan> groupsWithState = new ArrayList<>();
        plan.transformUp(p -> {
            if (p instanceof FlatMapGroupsWithState g && g.isStreaming()) {
                groupsWithState.add(g);
            }
            return p;
        });
        if (groupsWithState.size() > 1 && (!outputMode.equals("append")
                || groupsWithState.stream().anyMatch(g -> !((FlatMapGroupsWithState) g).appendMode()))) {
            throw error("Multiple flatMapGroupsWithStates are not supported when they are not all in append mode or "
                    + "the output mode is not append on a streaming DataFrames/Datasets");
        }
        plan.transformUp(p -> {
            checkNode(p, outputMode, aggregated);
            return p;
        });
        for (LogicalPlan g : groupsWithState) {
            if (g.children().get(0).anyNode(c -> c instanceof Aggregate a && a.child().isStreaming())) {
                throw globalWatermarkCorrectness();
            }
        }
    }

    /** Spark's check that a stateful operator does not read rows another one may emit behind the watermark. */
    private static AnalysisException globalWatermarkCorrectness() {
        return new AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION", "Detected pattern of "
                + "possible 'correctness' issue due to global watermark. The query contains stateful operation "
                + "which can emit rows older than the current watermark plus allowed late record delay, which "
                + "are \"late rows\" in downstream stateful operations and these rows can be discarded.");
    }

    /** Spark's rules for {@code [flat]mapGroupsWithState}: its mode and the query's must agree. */
    private static void checkGroupsWithState(FlatMapGroupsWithState g, String outputMode, boolean aggregated) {
        String mode = Character.toUpperCase(outputMode.charAt(0)) + outputMode.substring(1);
        if (g.mapGroups()) {
            if (!outputMode.equals("update")) {
                throw error("mapGroupsWithState is not supported with " + mode + " output mode on a streaming "
                        + "DataFrame/Dataset");
            }
        } else if (!aggregated) {
            String operatorMode = g.appendMode() ? "append" : "update";
            if (!operatorMode.equals(outputMode)) {
                throw error("flatMapGroupsWithState in " + operatorMode + " mode is not supported with " + mode
                        + " output mode on a streaming DataFrame/Dataset");
            }
        } else if (!g.appendMode()) {
            throw error("flatMapGroupsWithState in update mode is not supported with aggregation on a streaming "
                    + "DataFrame/Dataset");
        }
    }

    private static void checkNode(LogicalPlan p, String outputMode, boolean aggregated) {
        if (!p.isStreaming()) {
            return;
        }
        if (p instanceof Sort s && s.child().isStreaming() && !(aggregated && outputMode.equals("complete"))) {
            throw error("Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated "
                    + "DataFrame/Dataset in Complete output mode.");
        }
        if (p instanceof Limit && outputMode.equals("update")) {
            throw error("Limits are not supported on streaming DataFrames/Datasets in Update output mode.");
        }
        if (p instanceof Aggregate a && a.child().isStreaming()) {
            if (outputMode.equals("append") && EventTimeKeys.keyIndex(a) < 0) {
                throw error("Invalid streaming output mode: append. This output mode is not supported for streaming "
                        + "aggregations without watermark on streaming DataFrames/DataSets.");
            }
            boolean sessions = a.groupingExpressions().stream().anyMatch(g -> g instanceof ScalarFunctionCall c
                    && c.name().equals("session_window"));
            if (sessions && outputMode.equals("update")) {
                throw error("Invalid streaming output mode: update. This output mode is not supported for session "
                        + "window streaming aggregations on streaming DataFrames/DataSets.");
            }
            if (a.child().anyNode(c -> c instanceof Aggregate inner && inner.child().isStreaming())
                    && !outputMode.equals("append")) {
                // Chained aggregations need append mode, where each emits only rows the watermark has closed (and
                // append mode already required an event-time key of each); Spark 4 refuses the rest with its
                // global-watermark check.
                throw globalWatermarkCorrectness();
            }
            if (a.aggregateExpressions().stream().anyMatch(e -> e.anyMatch(x -> x instanceof AggregateCall c
                    && c.distinct()))) {
                throw error("Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider "
                        + "using approx_count_distinct() instead.");
            }
        }
        if (p instanceof FlatMapGroupsWithState g) {
            checkGroupsWithState(g, outputMode, aggregated);
        }
        if (p instanceof Deduplicate d && d.withinWatermark() && d.child().isStreaming()
                && EventTimeKeys.watermarked(d.child()).isEmpty()) {
            throw error("dropDuplicatesWithinWatermark is not supported in streaming DataFrames/DataSets without "
                    + "watermark.");
        }
        if (p instanceof Join j && j.left().isStreaming() && j.right().isStreaming()) {
            // An outer (or semi) join must be able to forget the rows it keeps: by an event-time join key, or by a
            // time range that bounds the kept side's time from below by the other side's watermark.
            boolean keepsLeft = j.joinType() == JoinType.LEFT_OUTER || j.joinType() == JoinType.FULL_OUTER
                    || j.joinType() == JoinType.LEFT_SEMI;
            boolean keepsRight = j.joinType() == JoinType.RIGHT_OUTER || j.joinType() == JoinType.FULL_OUTER;
            boolean bounded = EventTimeKeys.hasEventTimeKey(j)
                    || (!keepsLeft || EventTimeKeys.stateTimeBound(j, true, 0).isPresent())
                            && (!keepsRight || EventTimeKeys.stateTimeBound(j, false, 0).isPresent());
            if (j.joinType() != JoinType.INNER && j.joinType() != JoinType.CROSS && !(keepsLeft || keepsRight)
                    || (keepsLeft || keepsRight) && !bounded) {
                throw error("Stream-stream " + j.joinType().sql() + " join between two streaming DataFrame/Datasets "
                        + "is not supported without a watermark in the join keys, or a watermark on the nullable side "
                        + "and an appropriate range condition.");
            }
            if (!outputMode.equals("append")) {
                throw error("Join between two streaming DataFrames/Datasets is not supported in "
                        + Character.toUpperCase(outputMode.charAt(0)) + outputMode.substring(1)
                        + " output mode, only in Append output mode");
            }

        }
        if (p instanceof Join j && !(j.left().isStreaming() && j.right().isStreaming())
                && (j.joinType() == JoinType.FULL_OUTER
                || (j.joinType() == JoinType.LEFT_OUTER || j.joinType() == JoinType.LEFT_SEMI
                        || j.joinType() == JoinType.LEFT_ANTI) && j.right().isStreaming()
                || j.joinType() == JoinType.RIGHT_OUTER && j.left().isStreaming())) {
            throw error(j.joinType().sql() + " join with a streaming DataFrame/Dataset on the "
                    + (j.right().isStreaming() ? "right" : "left") + " and a static DataFrame/Dataset on the "
                    + (j.right().isStreaming() ? "left" : "right") + " is not supported.");
        }
    }

    private static AnalysisException error(String message) {
        return new AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION", message);
    }
}
