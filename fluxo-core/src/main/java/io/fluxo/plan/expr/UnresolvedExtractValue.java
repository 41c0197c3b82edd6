package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;

/** {@code child[key]} or {@code child.field} on an expression: a struct field, an array element, a map value. */
public record UnresolvedExtractValue(Expression child, Expression extraction) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(child, extraction);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new UnresolvedExtractValue(children.get(0), children.get(1));
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
        return child.sql() + "[" + extraction.sql() + "]";
    }
}
