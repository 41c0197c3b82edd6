package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.NamedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small shared pieces of plan nodes. */
final class Nodes {
    private Nodes() {
    }

    static List<Expression> map(List<? extends Expression> es, UnaryOperator<Expression> rule) {
        List<Expression> out = new ArrayList<>(es.size());
        for (Expression e : es) {
            out.add(rule.apply(e));
        }
        return out;
    }

    static List<AttributeReference> toAttributes(List<Expression> named) {
        List<AttributeReference> out = new ArrayList<>(named.size());
        for (Expression e : named) {
            if (!(e instanceof NamedExpression n)) {
                throw new io.fluxo.errors.InternalError("unnamed expression in output: " + e.sql());
            }
            out.add(n.toAttribute());
        }
        return out;
    }

    static LogicalPlan leaf(LogicalPlan self, List<LogicalPlan> children) {
        if (!children.isEmpty()) {
            throw new IllegalArgumentException(self.getClass().getSimpleName() + " is a leaf");
        }
        return self;
    }
}
