package io.fluxo.plan.expr;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import java.util.List;

/** {@code child RLIKE regex}: true when the Java regex finds a match anywhere in the string. */
public record RLike(Expression child, Expression pattern) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(child, pattern);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new RLike(children.get(0), children.get(1));
    }

    @Override
    public DataType dataType() {
        return BooleanType.INSTANCE;
    }

    @Override
    public boolean nullable() {
        return child.nullable() || pattern.nullable();
    }

    @Override
    public String sql() {
        return "RLIKE(" + child.sql() + ", " + pattern.sql() + ")";
    }
}
