package io.fluxo.sql;

import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.ExprId;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.plan.expr.UnresolvedFunction;
import java.util.List;

/** Short constructors for expected trees, and a comparable form of trees that contain aliases. */
final class ExpressionTrees {
    private static final ExprId SAME_ID = new ExprId(0);

    private ExpressionTrees() {
    }

    static UnresolvedAttribute col(String... parts) {
        return UnresolvedAttribute.of(parts);
    }

    static Literal lit(Object value) {
        return Literal.of(value);
    }

    static UnresolvedFunction fn(String name, Expression... args) {
        return UnresolvedFunction.of(name, args);
    }

    static UnresolvedFunction distinctFn(String name, Expression... args) {
        return new UnresolvedFunction(name, List.of(args), true);
    }

    static Alias alias(Expression child, String name) {
        return new Alias(child, name, SAME_ID);
    }

    /** The tree with every alias given the same id, so that two parses compare by child and name only. */
    static Expression comparable(Expression e) {
        return e.transformUp(node -> node instanceof Alias a ? new Alias(a.child(), a.name(), SAME_ID) : node);
    }
}
