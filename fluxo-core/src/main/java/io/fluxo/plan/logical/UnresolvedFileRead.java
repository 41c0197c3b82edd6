package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * SQL's {@code read_files('path', format => 'csv', header => true)}: files read with a format and reader options,
 * as a batch or — under {@link StreamingRead} — as a stream. The analyzer asks the catalog to read them.
 */
public record UnresolvedFileRead(String path, Map<String, String> options) implements LogicalPlan {
    public UnresolvedFileRead {
        Objects.requireNonNull(path, "path is null");
        options = Map.copyOf(options);
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
        return List.of();
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
    public boolean resolved() {
        return false;
    }

    @Override
    public String nodeString() {
        return "read_files " + path + " " + options;
    }
}
