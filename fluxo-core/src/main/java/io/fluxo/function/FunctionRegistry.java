package io.fluxo.function;

import io.fluxo.errors.AnalysisException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The built-in functions by name (case-insensitive). Each family of functions registers itself in {@link #builtin()};
 * the analyzer asks here and nowhere else.
 */
public final class FunctionRegistry {
    private static final FunctionRegistry BUILTIN = createBuiltin();

    private final Map<String, ScalarFunction> scalars = new TreeMap<>();
    private final Map<String, AggregateFunction> aggregates = new TreeMap<>();

    public static FunctionRegistry builtin() {
        return BUILTIN;
    }

    private static FunctionRegistry createBuiltin() {
        FunctionRegistry registry = new FunctionRegistry();
        BuiltinFunctions.registerAll(registry);
        return registry;
    }

    public void register(ScalarFunction function) {
        put(scalars, function.name(), function);
        for (String alias : function.aliases()) {
            put(scalars, alias, function);
        }
    }

    public void register(AggregateFunction function) {
        put(aggregates, function.name(), function);
        for (String alias : function.aliases()) {
            put(aggregates, alias, function);
        }
    }

    private static <T> void put(Map<String, T> map, String name, T function) {
        String key = name.toLowerCase(Locale.ROOT);
        if (map.putIfAbsent(key, function) != null) {
            throw new IllegalStateException("function registered twice: " + key);
        }
    }

    public Optional<ScalarFunction> scalar(String name) {
        return Optional.ofNullable(scalars.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<AggregateFunction> aggregate(String name) {
        return Optional.ofNullable(aggregates.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every registered name, for "did you mean" suggestions and {@code SHOW FUNCTIONS}. */
    public Collection<String> names() {
        TreeSet<String> names = new TreeSet<>(scalars.keySet());
        names.addAll(aggregates.keySet());
        return names;
    }

    /** The error for a name that is neither kind of function. */
    public AnalysisException unresolved(String name) {
        return new AnalysisException("UNRESOLVED_ROUTINE",
                "Cannot resolve routine `" + name + "` on search path [`system`.`builtin`]. Verify the spelling and "
                        + "the arguments of the function.");
    }
}
