package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A resolved column: the output of some plan node, identified by {@link #exprId()}. {@code qualifier} holds the
 * relation alias it can be addressed by ({@code t} in {@code t.amount}).
 */
public record AttributeReference(String name, DataType dataType, boolean nullable, ExprId exprId,
        List<String> qualifier) implements Expression, NamedExpression {
    public AttributeReference {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(dataType, "dataType is null");
        Objects.requireNonNull(exprId, "exprId is null");
        qualifier = List.copyOf(qualifier);
    }

    public static AttributeReference create(String name, DataType type, boolean nullable) {
        return new AttributeReference(name, type, nullable, ExprId.next(), List.of());
    }

    public AttributeReference withQualifier(List<String> newQualifier) {
        return new AttributeReference(name, dataType, nullable, exprId, newQualifier);
    }

    public AttributeReference withName(String newName) {
        return new AttributeReference(newName, dataType, nullable, exprId, qualifier);
    }

    public AttributeReference withNullability(boolean newNullable) {
        return new AttributeReference(name, dataType, newNullable, exprId, qualifier);
    }

    /** A new column of the same name and type (a new identity), for the second side of a self-join. */
    public AttributeReference newInstance() {
        return new AttributeReference(name, dataType, nullable, ExprId.next(), qualifier);
    }

    /** Same column, whatever the name case or qualifier. */
    public boolean sameRef(AttributeReference other) {
        return exprId.equals(other.exprId);
    }

    @Override
    public AttributeReference toAttribute() {
        return this;
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
    public String sql() {
        return name;
    }

    @Override
    public String toString() {
        return name + exprId;
    }
}
