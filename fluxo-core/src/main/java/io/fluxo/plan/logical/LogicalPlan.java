package io.fluxo.plan.logical;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A node of an immutable logical plan. The DataFrame API and the SQL parser build unresolved plans; the analyzer
 * resolves them; the optimizer rewrites them; the planner turns them into physical operators. The same plan describes
 * a batch query and, when a leaf is a streaming source, a streaming one.
 */
public sealed interface LogicalPlan
        permits UnresolvedRelation, DataSourceRelation, LocalRelation, Range, Project, Filter, Aggregate, Join, Sort,
                Limit, Union, Distinct, Deduplicate, SubqueryAlias, Generate, StreamingRelation, StatefulAggregate,
                EventTimeWatermark, StatefulDeduplicate, FlatMapGroupsWithState, StatefulJoin, SetOperation,
                StreamingRead, UnresolvedFileRead, PredicateSubquery, Window, ScalarSubquery {

    List<LogicalPlan> children();

    LogicalPlan withNewChildren(List<LogicalPlan> children);

    /** The columns this node produces; only meaningful once {@link #resolved()}. */
    List<AttributeReference> output();

    /** The expressions this node holds itself (not those of its children). */
    List<Expression> expressions();

    /** The same node with {@code rule} applied to each of its own expressions. */
    LogicalPlan mapExpressions(UnaryOperator<Expression> rule);

    /** One line for EXPLAIN: node name and its arguments, without children. */
    String nodeString();

    default boolean resolved() {
        for (Expression e : expressions()) {
            if (!e.resolved()) {
                return false;
            }
        }
        for (LogicalPlan c : children()) {
            if (!c.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** True when some leaf is an unbounded (streaming) source. */
    default boolean isStreaming() {
        for (LogicalPlan c : children()) {
            if (c.isStreaming()) {
                return true;
            }
        }
        return false;
    }

    default LogicalPlan transformUp(UnaryOperator<LogicalPlan> rule) {
        List<LogicalPlan> cs = children();
        LogicalPlan node = this;
        if (!cs.isEmpty()) {
            List<LogicalPlan> out = new ArrayList<>(cs.size());
            boolean changed = false;
            for (LogicalPlan c : cs) {
                LogicalPlan n = c.transformUp(rule);
                changed |= n != c;
                out.add(n);
            }
            if (changed) {
                node = withNewChildren(out);
            }
        }
        return rule.apply(node);
    }

    default LogicalPlan transformDown(UnaryOperator<LogicalPlan> rule) {
        LogicalPlan node = rule.apply(this);
        List<LogicalPlan> cs = node.children();
        if (cs.isEmpty()) {
            return node;
        }
        List<LogicalPlan> out = new ArrayList<>(cs.size());
        boolean changed = false;
        for (LogicalPlan c : cs) {
            LogicalPlan n = c.transformDown(rule);
            changed |= n != c;
            out.add(n);
        }
        return changed ? node.withNewChildren(out) : node;
    }

    /** Applies {@code rule} bottom-up to every expression of every node. */
    default LogicalPlan transformAllExpressions(UnaryOperator<Expression> rule) {
        return transformUp(p -> p.mapExpressions(e -> e.transformUp(rule)));
    }

    default boolean anyNode(java.util.function.Predicate<LogicalPlan> predicate) {
        if (predicate.test(this)) {
            return true;
        }
        for (LogicalPlan c : children()) {
            if (c.anyNode(predicate)) {
                return true;
            }
        }
        return false;
    }

    /** The indented tree, as EXPLAIN prints it. */
    default String treeString() {
        StringBuilder sb = new StringBuilder();
        PlanText.append(sb, this, 0);
        return sb.toString();
    }
}
