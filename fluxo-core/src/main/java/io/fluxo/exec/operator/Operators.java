package io.fluxo.exec.operator;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.List;
import java.util.stream.Collectors;

/** Text pieces shared by the operators' EXPLAIN lines. */
final class Operators {
    private Operators() {
    }

    static String attrs(List<AttributeReference> attrs) {
        return attrs.stream().map(a -> a.name() + a.exprId()).collect(Collectors.joining(", ", "[", "]"));
    }

    static String exprs(List<? extends Expression> es) {
        return es.stream().map(Expression::sql).collect(Collectors.joining(", ", "[", "]"));
    }
}
