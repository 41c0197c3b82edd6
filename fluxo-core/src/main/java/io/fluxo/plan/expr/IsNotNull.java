package io.fluxo.plan.expr;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import java.util.List;

public record IsNotNull(Expression child) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new IsNotNull(children.get(0));
    }

    @Override
    public DataType dataType() {
        return BooleanType.INSTANCE;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String sql() {
        return "(" + child.sql() + " IS NOT NULL)";
    }
}
