package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.UnaryOperator;

/**
 * {@code withWatermark(eventTime, delay)}: rows pass unchanged; in a streaming query the largest {@code eventTime} of
 * each batch is recorded in {@code maxEventTime} (set by the micro-batch runner; null in batch queries, where the
 * node does nothing), and the watermark becomes that maximum minus {@code delayMicros} for the following batches.
 */
public record EventTimeWatermark(Expression eventTime, long delayMicros, LogicalPlan child,
        LongAccumulator maxEventTime) implements LogicalPlan {
    public EventTimeWatermark {
        Objects.requireNonNull(eventTime, "eventTime is null");
        Objects.requireNonNull(child, "child is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new EventTimeWatermark(eventTime, delayMicros, children.get(0), maxEventTime);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of(eventTime);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return new EventTimeWatermark(rule.apply(eventTime), delayMicros, child, maxEventTime);
    }

    /** The event-time column, once resolved. */
    public AttributeReference attribute() {
        return (AttributeReference) eventTime;
    }

    @Override
    public String nodeString() {
        return "EventTimeWatermark " + eventTime.sql() + ", " + delayMicros / 1000 + " ms";
    }
}
