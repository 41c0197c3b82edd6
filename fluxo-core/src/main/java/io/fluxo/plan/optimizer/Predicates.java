package io.fluxo.plan.optimizer;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.ExprId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Splitting and joining of AND chains, and which columns an expression reads. */
final class Predicates {
    private Predicates() {
    }

    static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expression e, List<Expression> out) {
        if (e instanceof And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else {
            out.add(e);
        }
    }

    static Expression and(List<Expression> parts) {
        Expression out = null;
        for (Expression p : parts) {
            out = out == null ? p : new And(out, p);
        }
        return out;
    }

    static Set<ExprId> ids(List<AttributeReference> attrs) {
        Set<ExprId> out = new HashSet<>();
        attrs.forEach(a -> out.add(a.exprId()));
        return out;
    }

    /** True when every column {@code e} reads is among {@code available}. */
    static boolean readsOnly(Expression e, Set<ExprId> available) {
        for (AttributeReference a : e.references()) {
            if (!available.contains(a.exprId())) {
                return false;
            }
        }
        return true;
    }
}
