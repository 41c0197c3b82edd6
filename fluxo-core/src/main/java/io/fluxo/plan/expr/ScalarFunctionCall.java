package io.fluxo.plan.expr;

import io.fluxo.function.BoundScalarFunction;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.ScalarFunction;
import io.fluxo.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A resolved call of a built-in scalar function. Arguments are already cast to the bound function's input types.
 * Rebinding on new children keeps constant-dependent preparation (a compiled regex) in step with the arguments.
 */
public record ScalarFunctionCall(ScalarFunction function, List<Expression> arguments, BoundScalarFunction bound)
        implements Expression {
    public ScalarFunctionCall {
        Objects.requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(bound, "bound is null");
    }

    /** Binds {@code function} to resolved arguments (which must already have the function's input types). */
    public static ScalarFunctionCall bind(ScalarFunction function, List<Expression> arguments) {
        return new ScalarFunctionCall(function, arguments, function.bind(argsOf(arguments)));
    }

    /** What binding sees of resolved arguments: types, nullability, and values of literals. */
    public static List<FunctionArg> argsOf(List<Expression> arguments) {
        List<FunctionArg> args = new ArrayList<>(arguments.size());
        for (Expression a : arguments) {
            args.add(a instanceof Literal l ? FunctionArg.constant(l.dataType(), l.value())
                    : FunctionArg.of(a.dataType(), a.nullable()));
        }
        return args;
    }

    public String name() {
        return function.name();
    }

    /** Equal calls are the same function on equal arguments: the binding is derived from them, so it does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScalarFunctionCall c && function.equals(c.function) && arguments.equals(c.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, arguments);
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return bind(function, children);
    }

    @Override
    public DataType dataType() {
        return bound.resultType();
    }

    @Override
    public boolean nullable() {
        boolean[] n = new boolean[arguments.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = arguments.get(i).nullable();
        }
        return bound.nullable(n);
    }

    @Override
    public boolean foldable() {
        return bound.deterministic() && !arguments.isEmpty() && arguments.stream().allMatch(Expression::foldable);
    }

    @Override
    public boolean deterministic() {
        return bound.deterministic() && Expression.super.deterministic();
    }

    @Override
    public String sql() {
        return function.name() + "(" + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
    }
}
