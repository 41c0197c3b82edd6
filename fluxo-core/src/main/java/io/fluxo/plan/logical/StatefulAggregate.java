package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.state.StateStoreRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A streaming aggregation in one micro-batch: the {@code aggregate} over this batch's rows, merged per key with the
 * state kept from earlier batches in the stores of {@code operatorId} (loaded at {@code stateVersion}, the batch id),
 * with {@code numStatePartitions} fixed for the life of the checkpoint. The micro-batch runner puts it in place of
 * the streaming {@link Aggregate}.
 *
 * <p>Emits every key in complete mode and the keys this batch changed in update mode. With a watermark on the
 * grouping key at {@code eventTimeKey} (a window or the event time itself; -1 without), rows whose key ended at or
 * before {@code lateWatermarkMicros} are dropped as late, keys that end at or before {@code evictionWatermarkMicros}
 * leave the state, and append mode emits each key once, when it leaves.
 */
public record StatefulAggregate(Aggregate aggregate, StateStoreRegistry stores, int operatorId, long stateVersion,
        int numStatePartitions, String outputMode, int eventTimeKey, long lateWatermarkMicros,
        long evictionWatermarkMicros) implements LogicalPlan {
    public StatefulAggregate {
        Objects.requireNonNull(aggregate, "aggregate is null");
        Objects.requireNonNull(stores, "stores is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return aggregate.children();
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new StatefulAggregate((Aggregate) aggregate.withNewChildren(children), stores, operatorId, stateVersion,
                numStatePartitions, outputMode, eventTimeKey, lateWatermarkMicros, evictionWatermarkMicros);
    }

    @Override
    public List<AttributeReference> output() {
        return aggregate.output();
    }

    @Override
    public List<Expression> expressions() {
        return aggregate.expressions();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new StatefulAggregate((Aggregate) aggregate.mapExpressions(rule), stores, operatorId, stateVersion,
                numStatePartitions, outputMode, eventTimeKey, lateWatermarkMicros, evictionWatermarkMicros);
    }

    @Override
    public String nodeString() {
        return "StatefulAggregate [operator " + operatorId + ", version " + stateVersion + ", " + outputMode
                + (eventTimeKey < 0 ? "" : ", event time key " + eventTimeKey + ", watermark "
                        + evictionWatermarkMicros) + "] " + aggregate.nodeString();
    }
}
