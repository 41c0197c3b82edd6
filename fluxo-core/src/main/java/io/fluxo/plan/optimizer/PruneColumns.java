package io.fluxo.plan.optimizer;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.ExprId;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.NamedExpression;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.DataSourceRelation;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.Generate;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.Sort;
import io.fluxo.plan.logical.Limit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads only the columns a query uses: walks down from the root with the set of columns still needed, dropping unused
 * projections and aggregates and narrowing scans, so a reader never parses a column nobody asked for.
 */
final class PruneColumns implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return prune(plan, Predicates.ids(plan.output()));
    }

    private LogicalPlan prune(LogicalPlan p, Set<ExprId> required) {
        if (p instanceof Project proj) {
            List<Expression> kept = new ArrayList<>();
            for (Expression e : proj.projectList()) {
                if (required.contains(((NamedExpression) e).exprId())) {
                    kept.add(e);
                }
            }
            return new Project(kept, prune(proj.child(), refs(kept)));
        }
        if (p instanceof Filter f) {
            return new Filter(f.condition(), prune(f.child(), union(required, refs(List.of(f.condition())))));
        }
        if (p instanceof Sort s) {
            return new Sort(s.order(), s.global(), prune(s.child(), union(required, refs(s.order()))));
        }
        if (p instanceof Limit l) {
            return new Limit(l.limit(), prune(l.child(), required));
        }
        if (p instanceof Aggregate a) {
            List<Expression> kept = new ArrayList<>();
            for (Expression e : a.aggregateExpressions()) {
                if (required.contains(((NamedExpression) e).exprId())) {
                    kept.add(e);
                }
            }
            List<Expression> all = new ArrayList<>(a.groupingExpressions());
            all.addAll(kept);
            return new Aggregate(a.groupingExpressions(), kept, prune(a.child(), refs(all)));
        }
        if (p instanceof Join j) {
            Set<ExprId> need = union(required, refs(j.expressions()));
            return j.withNewChildren(List.of(prune(j.left(), need), prune(j.right(), need)));
        }
        if (p instanceof Generate g) {
            Set<ExprId> need = union(required, refs(List.of(g.generator())));
            return g.withNewChildren(List.of(prune(g.child(), need)));
        }
        if (p instanceof DataSourceRelation d) {
            List<AttributeReference> out = new ArrayList<>();
            for (AttributeReference a : d.fullOutput()) {
                if (required.contains(a.exprId())) {
                    out.add(a);
                }
            }
            return d.withOutput(out);
        }
        // Anything else (union, local data, range) keeps all of its children's columns.
        List<LogicalPlan> children = new ArrayList<>();
        for (LogicalPlan c : p.children()) {
            children.add(prune(c, Predicates.ids(c.output())));
        }
        return children.isEmpty() ? p : p.withNewChildren(children);
    }

    private static Set<ExprId> refs(List<Expression> es) {
        Set<ExprId> out = new HashSet<>();
        for (Expression e : es) {
            e.references().forEach(a -> out.add(a.exprId()));
        }
        return out;
    }

    private static Set<ExprId> union(Set<ExprId> a, Set<ExprId> b) {
        Set<ExprId> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
