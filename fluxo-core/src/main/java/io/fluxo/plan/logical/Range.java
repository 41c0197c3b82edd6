package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code session.range(start, end, step)}: one BIGINT column {@code id}, generated without I/O. */
public record Range(long start, long end, long step, int numPartitions, AttributeReference id) implements LogicalPlan {
    public Range {
        if (step == 0) {
            throw new io.fluxo.errors.AnalysisException("INVALID_PARAMETER_VALUE", "The step of range must not be 0.");
        }
    }

    public long count() {
        if ((step > 0 && start >= end) || (step < 0 && start <= end)) {
            return 0;
        }
        return (Math.abs(end - start) + Math.abs(step) - 1) / Math.abs(step);
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
    public List<AttributeReference> output() {
        return List.of(id);
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
    public String nodeString() {
        return "Range (" + start + ", " + end + ", step=" + step + ", splits=" + numPartitions + ")";
    }
}
