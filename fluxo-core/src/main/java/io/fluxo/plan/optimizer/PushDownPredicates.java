package io.fluxo.plan.optimizer;

import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.ExprId;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.JoinType;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.Sort;
import io.fluxo.plan.logical.Union;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves filters toward the data: through projections (substituting aliases), below sorts, into the inputs of a union,
 * below an aggregate when they test grouping columns only, and into the side of a join whose columns they read —
 * where the join type allows it without changing which rows are null-extended.
 */
final class PushDownPredicates implements Rule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformDown(p -> p instanceof Filter f && f.condition().deterministic() ? push(f) : p);
    }

    private LogicalPlan push(Filter f) {
        LogicalPlan child = f.child();
        if (child instanceof Project proj && proj.projectList().stream().allMatch(Expression::deterministic)) {
            Map<ExprId, Expression> aliases = new HashMap<>();
            for (Expression e : proj.projectList()) {
                if (e instanceof Alias a) {
                    aliases.put(a.exprId(), a.child());
                }
            }
            Expression substituted = f.condition().transformUp(e -> e instanceof AttributeReference a
                    && aliases.containsKey(a.exprId()) ? aliases.get(a.exprId()) : e);
            return new Project(proj.projectList(), new Filter(substituted, proj.child()));
        }
        if (child instanceof Sort s) {
            return new Sort(s.order(), s.global(), new Filter(f.condition(), s.child()));
        }
        if (child instanceof Union u) {
            List<LogicalPlan> inputs = new ArrayList<>();
            List<AttributeReference> out = u.output();
            for (LogicalPlan in : u.inputs()) {
                Map<ExprId, AttributeReference> byPosition = new HashMap<>();
                for (int i = 0; i < out.size(); i++) {
                    byPosition.put(out.get(i).exprId(), in.output().get(i));
                }
                inputs.add(new Filter(f.condition().transformUp(e -> e instanceof AttributeReference a
                        && byPosition.containsKey(a.exprId()) ? byPosition.get(a.exprId()) : e), in));
            }
            return new Union(inputs, false, false);
        }
        if (child instanceof Aggregate a && !a.groupingExpressions().isEmpty()) {
            return pushBelowAggregate(f, a);
        }
        if (child instanceof Join j) {
            return pushIntoJoin(f, j);
        }
        return f;
    }

    private static LogicalPlan pushBelowAggregate(Filter f, Aggregate a) {
        Set<ExprId> groupingColumns = new java.util.HashSet<>();
        for (Expression g : a.groupingExpressions()) {
            if (g instanceof AttributeReference r) {
                groupingColumns.add(r.exprId());
            }
        }
        // Only output columns that pass a grouping column straight through may be tested below the aggregate.
        Set<ExprId> passThrough = new java.util.HashSet<>();
        for (Expression e : a.aggregateExpressions()) {
            if (e instanceof AttributeReference r && groupingColumns.contains(r.exprId())) {
                passThrough.add(r.exprId());
            }
        }
        List<Expression> below = new ArrayList<>();
        List<Expression> above = new ArrayList<>();
        for (Expression c : Predicates.conjuncts(f.condition())) {
            (Predicates.readsOnly(c, passThrough) ? below : above).add(c);
        }
        if (below.isEmpty()) {
            return f;
        }
        LogicalPlan pushed = new Aggregate(a.groupingExpressions(), a.aggregateExpressions(),
                new Filter(Predicates.and(below), a.child()));
        return above.isEmpty() ? pushed : new Filter(Predicates.and(above), pushed);
    }

    private static LogicalPlan pushIntoJoin(Filter f, Join j) {
        Set<ExprId> left = Predicates.ids(j.left().output());
        Set<ExprId> right = Predicates.ids(j.right().output());
        boolean canLeft = j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS
                || j.joinType() == JoinType.LEFT_OUTER || j.joinType() == JoinType.LEFT_SEMI
                || j.joinType() == JoinType.LEFT_ANTI;
        boolean canRight = j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS
                || j.joinType() == JoinType.RIGHT_OUTER;
        List<Expression> toLeft = new ArrayList<>();
        List<Expression> toRight = new ArrayList<>();
        List<Expression> toJoin = new ArrayList<>();
        List<Expression> stay = new ArrayList<>();
        for (Expression c : Predicates.conjuncts(f.condition())) {
            if (canLeft && Predicates.readsOnly(c, left)) {
                toLeft.add(c);
            } else if (canRight && Predicates.readsOnly(c, right)) {
                toRight.add(c);
            } else if (j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS) {
                toJoin.add(c);
            } else {
                stay.add(c);
            }
        }
        if (toLeft.isEmpty() && toRight.isEmpty() && toJoin.isEmpty()) {
            return f;
        }
        LogicalPlan l = toLeft.isEmpty() ? j.left() : new Filter(Predicates.and(toLeft), j.left());
        LogicalPlan r = toRight.isEmpty() ? j.right() : new Filter(Predicates.and(toRight), j.right());
        Optional<Expression> condition = j.condition();
        if (!toJoin.isEmpty()) {
            List<Expression> all = new ArrayList<>();
            condition.ifPresent(all::add);
            all.addAll(toJoin);
            condition = Optional.of(Predicates.and(all));
        }
        JoinType type = j.joinType() == JoinType.CROSS && condition.isPresent() ? JoinType.INNER : j.joinType();
        LogicalPlan joined = new Join(l, r, type, condition, List.of());
        return stay.isEmpty() ? joined : new Filter(Predicates.and(stay), joined);
    }
}
