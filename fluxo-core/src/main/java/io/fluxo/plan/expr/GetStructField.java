package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import io.fluxo.types.StructType;
import java.util.List;

/** {@code child.field} on a struct, by ordinal. A column made of it is named after the field, as in Spark. */
public record GetStructField(Expression child, int ordinal) implements Expression {
    public String fieldName() {
        return ((StructType) child.dataType()).field(ordinal).name();
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new GetStructField(children.get(0), ordinal);
    }

    @Override
    public DataType dataType() {
        return ((StructType) child.dataType()).field(ordinal).dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable() || ((StructType) child.dataType()).field(ordinal).nullable();
    }

    @Override
    public String sql() {
        return child.sql() + "." + fieldName();
    }
}
