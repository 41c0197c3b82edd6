package io.fluxo.plan.logical;

import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An unbounded source in a plan: the leaf that makes a plan streaming. Each micro-batch, the engine replaces it by
 * a scan of the batch's offset range with the same columns, then plans and runs the result like any batch query.
 */
public record StreamingRelation(MicroBatchStream stream, List<AttributeReference> output) implements LogicalPlan {
    public StreamingRelation {
        Objects.requireNonNull(stream, "stream is null");
        output = List.copyOf(output);
    }

    /** A relation over every column of {@code stream}, with fresh attributes. */
    public static StreamingRelation of(MicroBatchStream stream) {
        return new StreamingRelation(stream, stream.schema().fields().stream()
                .map(f -> AttributeReference.create(f.name(), f.dataType(), f.nullable())).toList());
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return Nodes.leaf(this, children);
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> rule) {
        return this;
    }

    @Override
    public boolean isStreaming() {
        return true;
    }

    @Override
    public String nodeString() {
        return "StreamingRelation " + stream.description() + " " + PlanText.attrs(output);
    }
}
