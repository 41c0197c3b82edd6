package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.state.StateStoreRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A streaming {@code dropDuplicates} in one micro-batch: a row passes only if its key is in neither the state of
 * earlier batches (stores of {@code operatorId} at {@code stateVersion}) nor earlier in this batch. With a watermarked
 * {@code eventTime}, rows older than {@code lateWatermarkMicros} are dropped as late and keys are forgotten once the
 * watermark passes their event time (only when the event time is one of the keys, as in Spark) or, within the
 * watermark, their event time plus {@code withinWatermarkDelayMicros}.
 */
public record StatefulDeduplicate(Deduplicate deduplicate, StateStoreRegistry stores, int operatorId,
        long stateVersion, int numStatePartitions, AttributeReference eventTime, long lateWatermarkMicros,
        long evictionWatermarkMicros, long withinWatermarkDelayMicros) implements LogicalPlan {
    public StatefulDeduplicate {
        Objects.requireNonNull(deduplicate, "deduplicate is null");
        Objects.requireNonNull(stores, "stores is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return deduplicate.children();
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new StatefulDeduplicate((Deduplicate) deduplicate.withNewChildren(children), stores, operatorId,
                stateVersion, numStatePartitions, eventTime, lateWatermarkMicros, evictionWatermarkMicros,
                withinWatermarkDelayMicros);
    }

    @Override
    public List<AttributeReference> output() {
        return deduplicate.output();
    }

    @Override
    public List<Expression> expressions() {
        return deduplicate.expressions();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new StatefulDeduplicate((Deduplicate) deduplicate.mapExpressions(rule), stores, operatorId,
                stateVersion, numStatePartitions, eventTime, lateWatermarkMicros, evictionWatermarkMicros,
                withinWatermarkDelayMicros);
    }

    @Override
    public String nodeString() {
        return "StatefulDeduplicate [operator " + operatorId + ", version " + stateVersion + "] "
                + deduplicate.nodeString();
    }
}
