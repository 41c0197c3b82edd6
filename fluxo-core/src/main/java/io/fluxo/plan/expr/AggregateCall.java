package io.fluxo.plan.expr;

import io.fluxo.function.AggregateFunction;
import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.types.DataType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A resolved aggregate call, {@code sum(amount)} or {@code count(DISTINCT user)}, valid inside an Aggregate node. */
public record AggregateCall(AggregateFunction function, List<Expression> arguments, boolean distinct,
        BoundAggregateFunction bound) implements Expression {
    public AggregateCall {
        Objects.requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(bound, "bound is null");
    }

    public static AggregateCall bind(AggregateFunction function, List<Expression> arguments, boolean distinct) {
        return new AggregateCall(function, arguments, distinct,
                function.bind(ScalarFunctionCall.argsOf(arguments), distinct));
    }

    public String name() {
        return function.name();
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return bind(function, children, distinct);
    }

    @Override
    public DataType dataType() {
        return bound.resultType();
    }

    @Override
    public boolean nullable() {
        return bound.nullable();
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String sql() {
        return function.name() + "(" + (distinct ? "DISTINCT " : "")
                + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
    }
}
