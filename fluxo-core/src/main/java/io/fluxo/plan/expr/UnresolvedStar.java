package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;

/** {@code *} or {@code t.*}: every column of the input, or of one qualified input. */
public record UnresolvedStar(List<String> target) implements Expression {
    public UnresolvedStar {
        target = List.copyOf(target);
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return Leaf.noChildren(this, children);
    }

    @Override
    public DataType dataType() {
        throw Unresolved.error(this, "dataType");
    }

    @Override
    public boolean nullable() {
        throw Unresolved.error(this, "nullable");
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public String sql() {
        return target.isEmpty() ? "*" : String.join(".", target) + ".*";
    }
}
