package io.fluxo.plan.analysis;

import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.expr.AggregateCall;
import io.fluxo.plan.expr.Explode;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Generate;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import io.fluxo.types.DataType;
import io.fluxo.types.MapType;

/** Rules a resolved plan must satisfy; a violation is a user error, reported before anything runs. */
final class CheckAnalysis {
    private CheckAnalysis() {
    }

    static void check(LogicalPlan plan) {
        plan.transformUp(node -> {
            checkNode(node);
            return node;
        });
    }

    private static void checkNode(LogicalPlan node) {
        for (Expression e : node.expressions()) {
            if (!e.resolved()) {
                throw new AnalysisException("UNRESOLVED_EXPRESSION", "Cannot resolve \"" + e.sql() + "\" in "
                        + node.nodeString() + ".");
            }
            if (!(node instanceof Aggregate) && !(node instanceof io.fluxo.plan.logical.Window)
                    && e.anyMatch(x -> x instanceof AggregateCall)) {
                AggregateCall call = e.collect(AggregateCall.class).get(0);
                throw new AnalysisException("INVALID_WHERE_CONDITION", "The WHERE condition \"" + e.sql()
                        + "\" contains invalid expressions: " + call.sql() + ". Rewrite the query to avoid window "
                        + "functions, aggregate functions, and generator functions in the WHERE clause.");
            }
            if (!(node instanceof Generate) && !(node instanceof Project) && e.anyMatch(x -> x instanceof Explode)) {
                throw new AnalysisException("UNSUPPORTED_GENERATOR.OUTSIDE_SELECT", "The generator is not supported: "
                        + "outside the SELECT clause, found: " + e.sql() + ".");
            }
        }
        if (node instanceof Aggregate a) {
            for (Expression g : a.groupingExpressions()) {
                if (!orderable(g.dataType()) && g.dataType() instanceof MapType) {
                    throw new AnalysisException("GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE", "The expression \"" + g.sql()
                            + "\" cannot be used as a grouping expression because its data type \""
                            + g.dataType().sql() + "\" is not an orderable data type.");
                }
            }
        }
    }

    private static boolean orderable(DataType t) {
        return t.isOrderable();
    }
}
