package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;
import java.util.Objects;

/** {@code child AS name}: names a computed column and gives it an identity. */
public record Alias(Expression child, String name, ExprId exprId) implements Expression, NamedExpression {
    public Alias {
        Objects.requireNonNull(child, "child is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(exprId, "exprId is null");
    }

    public static Alias of(Expression child, String name) {
        return new Alias(child, name, ExprId.next());
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new Alias(children.get(0), name, exprId);
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
    public AttributeReference toAttribute() {
        return new AttributeReference(name, child.dataType(), child.nullable(), exprId, List.of());
    }

    @Override
    public String sql() {
        return child.sql() + " AS " + name;
    }
}
