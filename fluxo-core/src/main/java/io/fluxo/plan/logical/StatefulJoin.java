package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.state.StateStoreRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A join of two streams in one micro-batch: each side's rows of earlier batches are kept in the state (stores of
 * {@code leftOperatorId} and {@code leftOperatorId + 1} at {@code stateVersion}), so this batch's rows of each side meet
 * the other side's rows of every batch, each pair once.
 */
public record StatefulJoin(Join join, StateStoreRegistry stores, int leftOperatorId, long stateVersion,
        int numStatePartitions, Watermarks watermarks) implements LogicalPlan {

    /**
     * The watermark's role in the join: each side's watermarked event time (null: none) — its rows at or before
     * {@code lateMicros} are late and dropped —, and every column that carries a watermark ({@code eventTimes}): a
     * join key that is event time on both sides lets keys at or before {@code evictionMicros} leave the state.
     */
    public record Watermarks(AttributeReference leftTime, AttributeReference rightTime,
            java.util.Set<io.fluxo.plan.expr.ExprId> eventTimes, long lateMicros, long evictionMicros,
            TimeBound leftBound, TimeBound rightBound) {
    }

    /**
     * Spark's state value watermark of one side, from a time-range condition such as
     * {@code leftTime >= rightTime - INTERVAL 1 HOUR}: the side's rows whose {@code time} is at or before
     * {@code thresholdMicros} can match no future row of the other side, so they leave the state (an outer join emits
     * the unmatched ones).
     */
    public record TimeBound(AttributeReference time, long thresholdMicros) {
    }

    public StatefulJoin {
        Objects.requireNonNull(join, "join is null");
        Objects.requireNonNull(stores, "stores is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return join.children();
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new StatefulJoin((Join) join.withNewChildren(children), stores, leftOperatorId, stateVersion,
                numStatePartitions, watermarks);
    }

    @Override
    public List<AttributeReference> output() {
        return join.output();
    }

    @Override
    public List<Expression> expressions() {
        return join.expressions();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new StatefulJoin((Join) join.mapExpressions(rule), stores, leftOperatorId, stateVersion,
                numStatePartitions, watermarks);
    }

    @Override
    public String nodeString() {
        return "StatefulJoin [operators " + leftOperatorId + "-" + (leftOperatorId + 1) + ", version " + stateVersion
                + "] " + join.nodeString();
    }
}
