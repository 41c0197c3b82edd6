package io.fluxo.plan.expr;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import java.util.List;

/** Three-valued logical AND, as SQL defines it. */
public record And(Expression left, Expression right) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new And(children.get(0), children.get(1));
    }

    @Override
    public DataType dataType() {
        return BooleanType.INSTANCE;
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable();
    }

    @Override
    public String sql() {
        return "(" + left.sql() + " AND " + right.sql() + ")";
    }
}
