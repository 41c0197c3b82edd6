package io.fluxo.plan.optimizer;

import io.fluxo.function.AggregateFunction;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.plan.expr.AggregateCall;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Deduplicate;
import io.fluxo.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch {@code dropDuplicates(keys)} keeps one row per key: group by the keys and take {@code first} of every
 * other column, keeping each column's identity so the plan above still refers to it.
 */
final class ReplaceDeduplicateWithAggregate implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(p -> {
            if (!(p instanceof Deduplicate d) || d.isStreaming()) {
                return p;
            }
            AggregateFunction first = FunctionRegistry.builtin().aggregate("first").orElseThrow();
            List<Expression> outputs = new ArrayList<>();
            for (AttributeReference a : d.child().output()) {
                boolean isKey = d.keys().stream().anyMatch(k -> k instanceof AttributeReference r && r.sameRef(a));
                if (isKey) {
                    outputs.add(a);
                } else {
                    AggregateCall call = AggregateCall.bind(first, List.of(a, Literal.FALSE), false);
                    outputs.add(new Alias(call, a.name(), a.exprId()));
                }
            }
            return new Aggregate(d.keys(), outputs, d.child());
        });
    }
}
