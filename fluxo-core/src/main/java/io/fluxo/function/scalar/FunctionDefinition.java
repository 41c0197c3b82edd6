package io.fluxo.function.scalar;

import io.fluxo.function.BoundScalarFunction;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.ScalarFunction;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A built-in scalar function given by its name, aliases, the argument counts it accepts and a binder. The argument
 * count is checked here, once for all functions; the binder checks types and prepares the kernel.
 */
final class FunctionDefinition implements ScalarFunction {
    /** No upper bound on the argument count. */
    static final int VARARGS = Integer.MAX_VALUE;

    @FunctionalInterface
    interface Binder {
        BoundScalarFunction bind(Binding binding);
    }

    private final String name;
    private final List<String> aliases;
    private final int minArgs;
    private final int maxArgs;
    private final Binder binder;

    private FunctionDefinition(String name, List<String> aliases, int minArgs, int maxArgs, Binder binder) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.aliases = List.copyOf(aliases);
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.binder = Objects.requireNonNull(binder, "binder is null");
    }

    static FunctionDefinition of(String name, int minArgs, int maxArgs, Binder binder) {
        return new FunctionDefinition(name, List.of(), minArgs, maxArgs, binder);
    }

    FunctionDefinition withAliases(String... names) {
        return new FunctionDefinition(name, List.of(names), minArgs, maxArgs, binder);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public BoundScalarFunction bind(List<FunctionArg> args) {
        if (args.size() < minArgs || args.size() > maxArgs) {
            throw FunctionErrors.wrongNumArgs(name, expectedCount(), args.size());
        }
        return binder.bind(new Binding(name, args));
    }

    /** Spark's spelling of the accepted counts: {@code 1}, {@code [2, 3]}, {@code > 0}. */
    private String expectedCount() {
        if (maxArgs == VARARGS) {
            return "> " + (minArgs - 1);
        }
        if (minArgs == maxArgs) {
            return Integer.toString(minArgs);
        }
        return IntStream.rangeClosed(minArgs, maxArgs).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return name;
    }
}
