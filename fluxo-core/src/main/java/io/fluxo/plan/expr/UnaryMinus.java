package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;

public record UnaryMinus(Expression child) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new UnaryMinus(children.get(0));
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public String sql() {
        return "(- " + child.sql() + ")";
    }
}
