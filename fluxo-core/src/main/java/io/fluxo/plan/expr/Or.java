package io.fluxo.plan.expr;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import java.util.List;

/** Three-valued logical OR, as SQL defines it. */
public record Or(Expression left, Expression right) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new Or(children.get(0), children.get(1));
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
        return "(" + left.sql() + " OR " + right.sql() + ")";
    }
}
