package io.fluxo.plan.expr;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code value IN (list…)} with SQL's null rules: no match and a null in the list gives null. */
public record In(Expression value, List<Expression> list) implements Expression {
    public In {
        list = List.copyOf(list);
    }

    @Override
    public List<Expression> children() {
        List<Expression> out = new ArrayList<>(list.size() + 1);
        out.add(value);
        out.addAll(list);
        return out;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new In(children.get(0), children.subList(1, children.size()));
    }

    @Override
    public DataType dataType() {
        return BooleanType.INSTANCE;
    }

    @Override
    public boolean nullable() {
        return value.nullable() || list.stream().anyMatch(Expression::nullable);
    }

    @Override
    public String sql() {
        return "(" + value.sql() + " IN (" + list.stream().map(Expression::sql).collect(Collectors.joining(", ")) + "))";
    }
}
