package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.stream.Collectors;

/** Text of plans for EXPLAIN: Spark's layout of {@code +- } branches and {@code name#id} attributes. */
final class PlanText {
    private PlanText() {
    }

    static void append(StringBuilder sb, LogicalPlan plan, int depth) {
        if (depth > 0) {
            sb.append("   ".repeat(depth - 1)).append("+- ");
        }
        sb.append(plan.nodeString()).append('\n');
        for (LogicalPlan c : plan.children()) {
            append(sb, c, depth + 1);
        }
    }

    static String exprs(List<? extends Expression> es) {
        return es.stream().map(PlanText::expr).collect(Collectors.joining(", "));
    }

    static String expr(Expression e) {
        if (e instanceof AttributeReference a) {
            return a.name() + a.exprId();
        }
        return e.resolved() ? e.sql() : "'" + e.sql();
    }

    static String attrs(List<AttributeReference> as) {
        return as.stream().map(a -> a.name() + a.exprId()).collect(Collectors.joining(", ", "[", "]"));
    }
}
