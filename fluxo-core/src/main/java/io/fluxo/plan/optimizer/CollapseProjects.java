package io.fluxo.plan.optimizer;

import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.ExprId;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a projection into the one below it by substituting the lower aliases, and drops a projection that passes
 * its child's columns through unchanged. Only deterministic lower expressions are substituted (each is computed once).
 */
final class CollapseProjects implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(p -> {
            if (!(p instanceof Project upper)) {
                return p;
            }
            if (upper.child() instanceof Project lower && lower.projectList().stream().allMatch(Expression::deterministic)) {
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
}
