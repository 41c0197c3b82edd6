package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * UNION ALL of inputs with the same number of columns (by position), or by name ({@code unionByName}, which the
 * analyzer rewrites into positional form, adding null columns when {@code allowMissingColumns}).
 */
public record Union(List<LogicalPlan> inputs, boolean byName, boolean allowMissingColumns) implements LogicalPlan {
    public Union {
        inputs = List.copyOf(inputs);
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("a union needs two or more inputs");
        }
    }

    @Override
    public List<LogicalPlan> children() {
        return inputs;
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new Union(children, byName, allowMissingColumns);
    }

    /** The first input's columns, nullable where any input's column is. */
    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> first = inputs.get(0).output();
        List<AttributeReference> out = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (LogicalPlan in : inputs) {
                List<AttributeReference> o = in.output();
                nullable |= i < o.size() && o.get(i).nullable();
            }
            out.add(first.get(i).withNullability(nullable));
        }
        return out;
    }

    @Override
    public boolean resolved() {
        if (byName || !LogicalPlan.super.resolved()) {
            return false;
        }
        // As Spark: resolved only once every input has the first one's column types (the analyzer casts them).
        List<AttributeReference> first = inputs.get(0).output();
        for (LogicalPlan in : inputs) {
            List<AttributeReference> o = in.output();
            if (o.size() != first.size()) {
                return false;
            }
            for (int c = 0; c < o.size(); c++) {
                if (!o.get(c).dataType().equals(first.get(c).dataType())) {
                    return false;
                }
            }
        }
        return true;
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
        return "Union" + (byName ? " byName" : "");
    }
}
