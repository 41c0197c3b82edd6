package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A node of an immutable expression tree. Parsing and the DataFrame API build unresolved trees (names, function
 * calls by name); the analyzer resolves them into typed trees; execution compiles resolved trees into vectorized
 * evaluators. Rewrites return new trees through {@link #transformUp}/{@link #transformDown}.
 */
public sealed interface Expression
        permits Literal, UnresolvedAttribute, UnresolvedStar, UnresolvedFunction, UnresolvedExtractValue,
                AttributeReference, Alias, BoundReference, Arithmetic, DateTimeArithmetic, UnaryMinus, Comparison, And,
                Or, Not, IsNull, IsNotNull, In, CaseWhen, Cast, Like, RLike, ScalarFunctionCall, AggregateCall,
                GetStructField, SortOrder, Explode, WindowExpression, WindowFunction {

    List<Expression> children();

    /** The same node over new children (same count and order as {@link #children()}). */
    Expression withNewChildren(List<Expression> children);

    /** The result type; only defined once {@link #resolved()}. */
    DataType dataType();

    boolean nullable();

    /** True when this node and every child have a known type. */
    default boolean resolved() {
        for (Expression c : children()) {
            if (!c.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** True when the value is the same for every row and can be computed before the query runs. */
    default boolean foldable() {
        List<Expression> cs = children();
        if (cs.isEmpty()) {
            return false;
        }
        for (Expression c : cs) {
            if (!c.foldable()) {
                return false;
            }
        }
        return true;
    }

    default boolean deterministic() {
        for (Expression c : children()) {
            if (!c.deterministic()) {
                return false;
            }
        }
        return true;
    }

    /** Spark's SQL text of the expression, which also names an unaliased result column: {@code (a + 1)}, {@code upper(s)}. */
    String sql();

    default Expression transformUp(UnaryOperator<Expression> rule) {
        List<Expression> cs = children();
        Expression node = this;
        if (!cs.isEmpty()) {
            List<Expression> out = new ArrayList<>(cs.size());
            boolean changed = false;
            for (Expression c : cs) {
                Expression n = c.transformUp(rule);
                changed |= n != c;
                out.add(n);
            }
            if (changed) {
                node = withNewChildren(out);
            }
        }
        return rule.apply(node);
    }

    default Expression transformDown(UnaryOperator<Expression> rule) {
        Expression node = rule.apply(this);
        List<Expression> cs = node.children();
        if (cs.isEmpty()) {
            return node;
        }
        List<Expression> out = new ArrayList<>(cs.size());
        boolean changed = false;
        for (Expression c : cs) {
            Expression n = c.transformDown(rule);
            changed |= n != c;
            out.add(n);
        }
        return changed ? node.withNewChildren(out) : node;
    }

    default void foreach(Consumer<Expression> visitor) {
        visitor.accept(this);
        for (Expression c : children()) {
            c.foreach(visitor);
        }
    }

    default boolean anyMatch(Predicate<Expression> predicate) {
        if (predicate.test(this)) {
            return true;
        }
        for (Expression c : children()) {
            if (c.anyMatch(predicate)) {
                return true;
            }
        }
        return false;
    }

    /** Every node of the given class in the tree, pre-order. */
    default <T extends Expression> List<T> collect(Class<T> kind) {
        List<T> out = new ArrayList<>();
        foreach(e -> {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        });
        return out;
    }

    /** Attribute references this expression reads. */
    default List<AttributeReference> references() {
        return collect(AttributeReference.class);
    }
}
