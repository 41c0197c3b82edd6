package io.fluxo.plan.optimizer;

import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.ExprId;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.GetStructField;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a projection into the one below it by substituting the lower aliases, and drops a projection that passes
 * its child's columns through unchanged. Only deterministic lower expressions are substituted, and not when a costly
 * one would then be computed more than once per row.
 */
final class CollapseProjects implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(p -> {
            if (!(p instanceof Project upper)) {
                return p;
            }
            if (upper.child() instanceof Project lower && lower.projectList().stream().allMatch(Expression::deterministic)
                    && !recomputesCostly(upper, lower)) {
                Map<ExprId, Expression> defs = new HashMap<>();
                for (Expression e : lower.projectList()) {
                    if (e instanceof Alias a) {
                        defs.put(a.exprId(), a.child());
                    }
                }
                List<Expression> merged = new ArrayList<>();
                for (Expression e : upper.projectList()) {
                    Expression s = e.transformUp(x -> x instanceof AttributeReference a && defs.containsKey(a.exprId())
                            ? defs.get(a.exprId()) : x);
                    if (e instanceof AttributeReference a && s != e) {
                        s = new Alias(s, a.name(), a.exprId());
                    }
                    merged.add(s);
                }
                return new Project(merged, lower.child());
            }
            if (upper.projectList().equals(new ArrayList<Expression>(upper.child().output()))) {
                return upper.child();
            }
            return upper;
        });
    }

    /**
     * Whether merging would compute a costly lower expression more than once: {@code SELECT e.a, e.b FROM (SELECT
     * from_json(…) AS e)} must parse each record once, as Spark keeps such projections apart.
     */
    private static boolean recomputesCostly(Project upper, Project lower) {
        Map<ExprId, Integer> uses = new HashMap<>();
        for (Expression e : upper.projectList()) {
            e.foreach(x -> {
                if (x instanceof AttributeReference a) {
                    uses.merge(a.exprId(), 1, Integer::sum);
                }
            });
        }
        for (Expression e : lower.projectList()) {
            if (e instanceof Alias a && uses.getOrDefault(a.exprId(), 0) > 1 && !cheap(a.child())) {
                return true;
            }
        }
        return false;
    }

    /** Column references, constants and field extractions from them: as cheap to repeat as to keep. */
    private static boolean cheap(Expression e) {
        return e instanceof AttributeReference || e instanceof Literal
                || e instanceof GetStructField g && cheap(g.child())
                || e instanceof Alias a && cheap(a.child());
    }
}
