package io.fluxo.plan.logical;

import io.fluxo.function.GroupsWithStateFunction;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.state.StateStoreRegistry;
import io.fluxo.state.StateTimeout;
import io.fluxo.types.StructType;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.UnaryOperator;

/**
 * {@code groupByKey(keys).[flat]mapGroupsWithState(function, …)}: calls {@code function} once per key with the key's
 * rows and its state, and produces the rows it returns ({@code output}). On a stream the state lives across batches
 * ({@code streaming} is set by the micro-batch runner for each batch); in a batch query each key is called once with
 * no state.
 *
 * @param mapGroups {@code mapGroupsWithState} (one row per call, update mode) rather than {@code flatMapGroupsWithState}
 * @param appendMode the operator's output mode for {@code flatMapGroupsWithState}: append (true) or update
 */
public record FlatMapGroupsWithState(GroupsWithStateFunction function, List<Expression> keys,
        List<AttributeReference> output, StructType stateSchema, boolean mapGroups, boolean appendMode,
        StateTimeout timeout, LogicalPlan child, Streaming streaming) implements LogicalPlan {

    /** What one micro-batch's run of the operator needs beyond the plan. */
    public record Streaming(StateStoreRegistry stores, int operatorId, long stateVersion, int numStatePartitions,
            long batchTimestampMs, AttributeReference eventTime, long lateWatermarkMs, long evictionWatermarkMs,
            boolean watermarkPresent, LongAccumulator nextProcessingTimeoutMs) {
    }

    public FlatMapGroupsWithState {
        Objects.requireNonNull(function, "function is null");
        keys = List.copyOf(keys);
        output = List.copyOf(output);
        Objects.requireNonNull(stateSchema, "stateSchema is null");
        Objects.requireNonNull(timeout, "timeout is null");
        Objects.requireNonNull(child, "child is null");
    }

    public FlatMapGroupsWithState withStreaming(Streaming run) {
        return new FlatMapGroupsWithState(function, keys, output, stateSchema, mapGroups, appendMode, timeout, child,
                run);
    }

    /** The name Spark's messages use for this operator. */
    public String operatorName() {
        return mapGroups ? "mapGroupsWithState" : "flatMapGroupsWithState";
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new FlatMapGroupsWithState(function, keys, output, stateSchema, mapGroups, appendMode, timeout,
                children.get(0), streaming);
    }

    @Override
    public List<Expression> expressions() {
        return keys;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new FlatMapGroupsWithState(function, Nodes.map(keys, rule), output, stateSchema, mapGroups, appendMode,
                timeout, child, streaming);
    }

    @Override
    public String nodeString() {
        return (mapGroups ? "MapGroupsWithState" : "FlatMapGroupsWithState") + " [" + PlanText.exprs(keys) + "] "
                + (appendMode ? "append" : "update") + ", timeout " + timeout
                + (streaming == null ? "" : " [operator " + streaming.operatorId() + ", version "
                        + streaming.stateVersion() + "]");
    }
}
