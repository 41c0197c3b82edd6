package io.fluxo.exec;

import io.fluxo.errors.InternalError;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.BoundReference;
import io.fluxo.plan.expr.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replaces attribute references by positions in an operator's input, the form evaluators run on. */
public final class Binder {
    private Binder() {
    }

    public static Expression bind(Expression e, List<AttributeReference> input) {
        Map<Long, Integer> ordinals = new HashMap<>();
        for (int i = 0; i < input.size(); i++) {
            ordinals.putIfAbsent(input.get(i).exprId().id(), i);
        }
        return e.transformUp(x -> {
            if (x instanceof AttributeReference a) {
                Integer ordinal = ordinals.get(a.exprId().id());
                if (ordinal == null) {
                    throw new InternalError("column " + a + " is not among the input " + input);
                }
                AttributeReference in = input.get(ordinal);
                return new BoundReference(ordinal, in.dataType(), in.nullable());
            }
            return x;
        });
    }

    public static List<Expression> bindAll(List<? extends Expression> es, List<AttributeReference> input) {
        return es.stream().map(e -> bind(e, input)).toList();
    }
}
