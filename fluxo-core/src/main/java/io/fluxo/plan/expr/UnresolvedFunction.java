package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/** A call by name, {@code upper(s)} or {@code count(DISTINCT a)}, resolved by the analyzer against the registry. */
public record UnresolvedFunction(String name, List<Expression> arguments, boolean distinct) implements Expression {
    public UnresolvedFunction {
        arguments = List.copyOf(arguments);
    }

    public static UnresolvedFunction of(String name, Expression... args) {
        return new UnresolvedFunction(name, List.of(args), false);
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new UnresolvedFunction(name, children, distinct);
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
        return name + "(" + (distinct ? "DISTINCT " : "")
                + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
    }
}
