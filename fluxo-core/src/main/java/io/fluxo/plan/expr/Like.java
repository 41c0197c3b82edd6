package io.fluxo.plan.expr;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import java.util.List;

/** {@code child LIKE pattern [ESCAPE 'c']}: {@code _} one character, {@code %} any run; escape defaults to backslash. */
public record Like(Expression child, Expression pattern, char escape) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(child, pattern);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new Like(children.get(0), children.get(1), escape);
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
        return child.sql() + " LIKE " + pattern.sql();
    }
}
