package io.fluxo.function;

import java.util.List;

/** A built-in aggregate function as the analyzer finds it by name ({@code sum}, {@code approx_count_distinct} …). */
public interface AggregateFunction {
    String name();

    default List<String> aliases() {
        return List.of();
    }

    /** Binds to argument types; {@code distinct} is true for {@code f(DISTINCT x)}. */
    BoundAggregateFunction bind(List<FunctionArg> args, boolean distinct);
}
