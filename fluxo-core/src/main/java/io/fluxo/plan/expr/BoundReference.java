package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;

/** A column of the input batch by position: what execution sees after attributes are bound to an operator's input. */
public record BoundReference(int ordinal, DataType dataType, boolean nullable) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return Leaf.noChildren(this, children);
    }

    @Override
    public String sql() {
        return "input[" + ordinal + "]";
    }
}
