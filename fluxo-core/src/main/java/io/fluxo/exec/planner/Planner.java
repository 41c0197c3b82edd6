package io.fluxo.exec.planner;

import io.fluxo.errors.InternalError;
import io.fluxo.exec.Binder;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.operator.EventTimeWatermarkExec;
import io.fluxo.exec.operator.FilterExec;
import io.fluxo.exec.operator.FlatMapGroupsWithStateExec;
import io.fluxo.exec.operator.GatherExec;
import io.fluxo.exec.operator.GenerateExec;
import io.fluxo.exec.operator.LimitExec;
import io.fluxo.exec.operator.LocalTableExec;
import io.fluxo.exec.operator.ProjectExec;
import io.fluxo.exec.operator.RangeExec;
import io.fluxo.exec.operator.ScanExec;
import io.fluxo.exec.operator.ShuffleExchangeExec;
import io.fluxo.exec.operator.SortExec;
import io.fluxo.exec.operator.SpillFile;
import io.fluxo.exec.operator.StatefulDeduplicateExec;
import io.fluxo.exec.operator.UnionExec;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Explode;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.DataSourceRelation;
import io.fluxo.plan.logical.EventTimeWatermark;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.FlatMapGroupsWithState;
import io.fluxo.plan.logical.Generate;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.Limit;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.Range;
import io.fluxo.plan.logical.Sort;
import io.fluxo.plan.logical.StatefulAggregate;
import io.fluxo.plan.logical.StatefulDeduplicate;
import io.fluxo.plan.logical.StatefulJoin;
import io.fluxo.plan.logical.SubqueryAlias;
import io.fluxo.plan.logical.Union;
import io.fluxo.state.StateTimeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an optimized logical plan into physical operators: picks the algorithm for each node (hash or broadcast join,
 * partial and final aggregation around a hash exchange, top-N for a sorted limit) and binds expressions to input
 * positions.
 */
public final class Planner {
    private final PlannerSettings settings;

    public Planner(PlannerSettings settings) {
        this.settings = settings;
    }

    public PhysicalOperator plan(LogicalPlan plan) {
        if (plan instanceof DataSourceRelation d) {
            try {
                return new ScanExec(d.scan(), d.scan().planInputPartitions(), d.requiredColumns(), d.output());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plan " + d.scan().description() + ": " + e.getMessage(), e);
            }
        }
        if (plan instanceof LocalRelation l) {
            return new LocalTableExec(l.output(), l.batches(), settings.parallelism());
        }
        if (plan instanceof Range r) {
            int parts = r.numPartitions() > 0 ? r.numPartitions() : settings.parallelism();
            return new RangeExec(r.start(), r.step(), r.count(), parts, r.id());
        }
        if (plan instanceof Project p) {
            PhysicalOperator child = plan(p.child());
            return new ProjectExec(Binder.bindAll(p.projectList(), child.output()), p.output(), child);
        }
        if (plan instanceof StatefulDeduplicate d) {
            PhysicalOperator child = plan(d.deduplicate().child());
            List<Expression> keys = Binder.bindAll(d.deduplicate().keys(), child.output());
            PhysicalOperator exchanged = new ShuffleExchangeExec(keys, d.numStatePartitions(), settings.shuffleSpill(), child);
            int eventTime = d.eventTime() == null ? -1 : child.output().indexOf(d.eventTime());
            boolean eventTimeIsKey = d.eventTime() != null && d.deduplicate().keys().stream()
                    .anyMatch(k -> k instanceof AttributeReference a && a.exprId().equals(d.eventTime().exprId()));
            List<String> keyNames = d.deduplicate().keys().stream()
                    .map(k -> k instanceof AttributeReference a ? a.name() : k.sql()).toList();
            return new StatefulDeduplicateExec(keys, keyNames, eventTime, eventTimeIsKey,
                    d.withinWatermarkDelayMicros(),
                    d.lateWatermarkMicros(), d.evictionWatermarkMicros(), exchanged, d.stores(), d.operatorId(),
                    d.stateVersion());
        }
        if (plan instanceof FlatMapGroupsWithState g) {
            return planGroupsWithState(g);
        }
        if (plan instanceof EventTimeWatermark w) {
            PhysicalOperator child = plan(w.child());
            if (w.maxEventTime() == null) {
                return child; // a batch query: the watermark means nothing
            }
            return new EventTimeWatermarkExec(child.output().indexOf(w.attribute()), w.maxEventTime(), child);
        }
        if (plan instanceof Filter f) {
            PhysicalOperator child = plan(f.child());
            return new FilterExec(Binder.bind(f.condition(), child.output()), child);
        }
        if (plan instanceof Limit l && l.child() instanceof Sort s && s.global()) {
            // ORDER BY … LIMIT n: each partition keeps its first n, then one task sorts those.
            PhysicalOperator child = plan(s.child());
            List<SortOrder> order = bindOrder(s, child);
            SpillFile.Settings spill = settings.sortSpill();
            if (child.numPartitions() == 1) {
                return new SortExec(order, l.limit(), spill, child);
            }
            return new SortExec(order, l.limit(), spill, new GatherExec(new SortExec(order, l.limit(), spill, child)));
        }
        if (plan instanceof Sort s) {
            PhysicalOperator child = plan(s.child());
            List<SortOrder> order = bindOrder(s, child);
            return new SortExec(order, -1, settings.sortSpill(), s.global() && child.numPartitions() > 1
                    ? new GatherExec(child, settings.shuffleSpill()) : child);
        }
        if (plan instanceof Join j) {
            return JoinPlanning.plan(j, this, settings);
        }
        if (plan instanceof StatefulJoin s) {
            return JoinPlanning.planStreaming(s, this);
        }
        if (plan instanceof Limit l) {
            PhysicalOperator child = plan(l.child());
            if (child.numPartitions() == 1) {
                return new LimitExec(l.limit(), child);
            }
            return new LimitExec(l.limit(), new GatherExec(new LimitExec(l.limit(), child)));
        }
        if (plan instanceof Union u) {
            List<PhysicalOperator> inputs = new ArrayList<>();
            for (LogicalPlan in : u.inputs()) {
                inputs.add(plan(in));
            }
            return new UnionExec(inputs, u.output());
        }
        if (plan instanceof Aggregate a) {
            return AggregatePlanning.plan(a, plan(a.child()), settings, null);
        }
        if (plan instanceof StatefulAggregate s) {
            return AggregatePlanning.plan(s.aggregate(), plan(s.aggregate().child()), settings, s);
        }
        if (plan instanceof Generate g) {
            PhysicalOperator child = plan(g.child());
            return new GenerateExec((Explode) Binder.bind(g.generator(), child.output()), g.output(), child);
        }
        if (plan instanceof io.fluxo.plan.logical.ScalarSubquery s) {
            PhysicalOperator child = plan(s.child());
            return new io.fluxo.exec.operator.ScalarSubqueryExec(child.numPartitions() > 1 ? new GatherExec(child)
                    : child, s.value());
        }
        if (plan instanceof io.fluxo.plan.logical.Window w) {
            PhysicalOperator child = plan(w.child());
            if (child.numPartitions() > 1) {
                child = new GatherExec(child);
            }
            return new io.fluxo.exec.operator.WindowExec(Binder.bindAll(w.windowExpressions(), child.output()),
                    w.output(), child);
        }
        if (plan instanceof SubqueryAlias s) {
            return plan(s.child());
        }
        throw new InternalError("no physical plan for " + plan.nodeString());
    }

    private PhysicalOperator planGroupsWithState(FlatMapGroupsWithState g) {
        PhysicalOperator child = plan(g.child());
        List<Expression> keys = Binder.bindAll(g.keys(), child.output());
        FlatMapGroupsWithState.Streaming streaming = g.streaming();
        int partitions = streaming != null ? streaming.numStatePartitions() : settings.parallelism();
        PhysicalOperator exchanged = new ShuffleExchangeExec(keys, partitions, settings.shuffleSpill(), child);
        // Spark drops rows behind the watermark here only when the function's timeouts run on event time.
        int eventTime = streaming != null && streaming.eventTime() != null && g.timeout() == StateTimeout.EVENT_TIME
                ? child.output().indexOf(streaming.eventTime()) : -1;
        List<String> keyNames = g.keys().stream().map(k -> k instanceof AttributeReference a ? a.name() : k.sql())
                .toList();
        return new FlatMapGroupsWithStateExec(g.function(), keys, keyNames, g.output(), g.stateSchema(),
                g.operatorName(), g.timeout(), eventTime, exchanged, streaming);
    }

    private static List<SortOrder> bindOrder(Sort s, PhysicalOperator child) {
        List<SortOrder> out = new ArrayList<>();
        for (Expression o : s.order()) {
            out.add((SortOrder) Binder.bind(o, child.output()));
        }
        return out;
    }
}
