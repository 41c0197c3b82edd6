package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * {@code CAST(child AS type)} under ANSI rules (a value that does not convert is an error naming it) or
 * {@code try_cast} (such a value becomes NULL). The analyzer also inserts implicit casts, which are ANSI.
 */
public record Cast(Expression child, DataType targetType, boolean tryCast, boolean implicit) implements Expression {
    public Cast {
        Objects.requireNonNull(child, "child is null");
        Objects.requireNonNull(targetType, "targetType is null");
    }

    /** A cast the user wrote. */
    public Cast(Expression child, DataType targetType, boolean tryCast) {
        this(child, targetType, tryCast, false);
    }

    public static Cast ansi(Expression child, DataType type) {
        return new Cast(child, type, false);
    }

    /** A cast the analyzer inserted for type coercion; it does not show in column names. */
    public static Cast implicit(Expression child, DataType type) {
        return new Cast(child, type, false, true);
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new Cast(children.get(0), targetType, tryCast, implicit);
    }

    @Override
    public DataType dataType() {
        return targetType;
    }

    @Override
    public boolean nullable() {
        return tryCast || child.nullable();
    }

    @Override
    public String sql() {
        if (implicit) {
            return child.sql();
        }
        return (tryCast ? "TRY_CAST(" : "CAST(") + child.sql() + " AS " + targetType.sql() + ")";
    }
}
