package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import io.fluxo.types.IntegerType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The functions that exist only over a window: ranking ({@code row_number()}, {@code rank()}, {@code dense_rank()})
 * and offsets ({@code lag(x[, n[, default]])}, {@code lead(…)}, the row {@code n} before or after within the
 * partition).
 */
public record WindowFunction(Kind kind, List<Expression> arguments) implements Expression {
    public enum Kind {
        ROW_NUMBER, RANK, DENSE_RANK, LAG, LEAD;

        /** The kind called {@code name}, or null. */
        public static Kind named(String name) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    public WindowFunction {
        arguments = List.copyOf(arguments);
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new WindowFunction(kind, children);
    }

    @Override
    public DataType dataType() {
        return kind == Kind.LAG || kind == Kind.LEAD ? arguments.get(0).dataType() : IntegerType.INSTANCE;
    }

    /** Computed per row over other rows: never a constant. */
    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public boolean nullable() {
        return kind == Kind.LAG || kind == Kind.LEAD;
    }

    @Override
    public String sql() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + arguments.stream().map(Expression::sql)
                .collect(Collectors.joining(", ")) + ")";
    }
}
