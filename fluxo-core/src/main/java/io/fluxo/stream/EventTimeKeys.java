package io.fluxo.stream;

import io.fluxo.function.scalar.TimeWindowFunctions;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.ExprId;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.NamedExpression;
import io.fluxo.plan.expr.ScalarFunctionCall;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Deduplicate;
import io.fluxo.plan.logical.EventTimeWatermark;
import io.fluxo.plan.logical.FlatMapGroupsWithState;
import io.fluxo.plan.logical.Generate;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.StatefulAggregate;
import io.fluxo.plan.logical.StatefulJoin;
import io.fluxo.state.StateTimeout;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds which grouping key of a streaming aggregation carries a watermarked event time, as Spark does: the event-time
 * column itself, a {@code window()} over it, or the window column a sliding window was expanded into. Only such a key
 * lets the aggregation close groups when the watermark passes them.
 */
final class EventTimeKeys {
    private EventTimeKeys() {
    }

    /**
     * The event-time columns under {@code plan} that carry a watermark: the columns of {@code withWatermark}, and, as
     * Spark 3.5+ propagates watermarks, the event-time key an aggregation emits (its window or time column) and
     * aliases or {@code window_time()} of such columns.
     */
    static List<AttributeReference> watermarked(LogicalPlan plan) {
        List<AttributeReference> out = new ArrayList<>();
        plan.transformUp(p -> {
            if (p instanceof EventTimeWatermark w && w.eventTime() instanceof AttributeReference a) {
                out.add(a);
            }
            // The micro-batch runner may already have made the aggregation stateful.
            Aggregate a = p instanceof Aggregate agg ? agg : p instanceof StatefulAggregate s ? s.aggregate() : null;
            if (a != null && a.child().isStreaming()) {
                int key = keyIndex(a);
                if (key >= 0) {
                    Expression g = a.groupingExpressions().get(key);
                    for (Expression e : a.aggregateExpressions()) {
                        if (e instanceof NamedExpression n && (stripAlias(e).equals(g)
                                || g instanceof AttributeReference r && n.exprId().equals(r.exprId()))) {
                            out.add(n.toAttribute());
                        }
                    }
                }
            }
            if (p instanceof Project proj) {
                List<ExprId> times = out.stream().map(AttributeReference::exprId).toList();
                for (Expression e : proj.projectList()) {
                    if (e instanceof Alias alias && carriesEventTime(alias.child(), times)) {
                        out.add(alias.toAttribute());
                    }
                }
            }
            return p;
        });
        return out;
    }

    /** A watermarked column itself, its {@code window_time()}, or a {@code window()} of it. */
    private static boolean carriesEventTime(Expression e, List<ExprId> times) {
        if (e instanceof AttributeReference a) {
            return times.contains(a.exprId());
        }
        return e instanceof ScalarFunctionCall call
                && (call.name().equals("window_time") || call.name().equals("window"))
                && call.arguments().get(0) instanceof AttributeReference a && times.contains(a.exprId());
    }

    private static Expression stripAlias(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }

    /** What the watermark means for a join of two streams in a batch with these watermarks (microseconds). */
    static StatefulJoin.Watermarks joinWatermarks(Join join, long lateMicros, long evictionMicros) {
        java.util.Set<ExprId> times = new java.util.HashSet<>();
        watermarked(join.left()).forEach(a -> times.add(a.exprId()));
        watermarked(join.right()).forEach(a -> times.add(a.exprId()));
        return new StatefulJoin.Watermarks(firstIn(join.left(), times), firstIn(join.right(), times), times,
                lateMicros, evictionMicros, stateTimeBound(join, true, evictionMicros).orElse(null),
                stateTimeBound(join, false, evictionMicros).orElse(null));
    }

    /**
     * Spark's state value watermark for one side of a join of streams: for each conjunct that bounds this side's
     * time from below by the other side's watermarked time ({@code l.t > r.t + c}, {@code r.t - c <= l.t}, …), no
     * future row of the other side (all after {@code watermarkMicros}) can match a row at or before
     * {@code watermarkMicros + c}; a non-strict bound keeps one more millisecond, and of several bounds the lowest
     * wins, as in Spark.
     */
    static java.util.Optional<StatefulJoin.TimeBound> stateTimeBound(Join join, boolean leftSide,
            long watermarkMicros) {
        if (join.condition().isEmpty()) {
            return java.util.Optional.empty();
        }
        LogicalPlan state = leftSide ? join.left() : join.right();
        LogicalPlan other = leftSide ? join.right() : join.left();
        List<ExprId> stateIds = state.output().stream().map(AttributeReference::exprId).toList();
        List<ExprId> otherTimes = watermarked(other).stream().map(AttributeReference::exprId).toList();
        StatefulJoin.TimeBound best = null;
        for (Expression e : conjuncts(join.condition().get())) {
            if (!(e instanceof io.fluxo.plan.expr.Comparison c)) {
                continue;
            }
            io.fluxo.plan.expr.Comparison.Op op = c.op();
            boolean less = op == io.fluxo.plan.expr.Comparison.Op.LESS_THAN
                    || op == io.fluxo.plan.expr.Comparison.Op.LESS_THAN_OR_EQUAL;
            boolean greater = op == io.fluxo.plan.expr.Comparison.Op.GREATER_THAN
                    || op == io.fluxo.plan.expr.Comparison.Op.GREATER_THAN_OR_EQUAL;
            if (!less && !greater) {
                continue;
            }
            boolean strict = op == io.fluxo.plan.expr.Comparison.Op.LESS_THAN
                    || op == io.fluxo.plan.expr.Comparison.Op.GREATER_THAN;
            // Read as "low < high" (or <=): the state time must be on the high side, the watermarked time low.
            Expression low = less ? c.left() : c.right();
            Expression high = less ? c.right() : c.left();
            TimeTerm lo = TimeTerm.of(low);
            TimeTerm hi = TimeTerm.of(high);
            if (lo == null || hi == null || !stateIds.contains(hi.time().exprId())
                    || !otherTimes.contains(lo.time().exprId())) {
                continue;
            }
            // otherTime + lo.offset < stateTime + hi.offset, with otherTime > watermark.
            long threshold = watermarkMicros + lo.offsetMicros() - hi.offsetMicros() - (strict ? 0 : 1000);
            if (best == null || threshold < best.thresholdMicros()) {
                best = new StatefulJoin.TimeBound(hi.time(), threshold);
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** A timestamp column shifted by constant day-time intervals: {@code ts}, {@code ts + INTERVAL 1 HOUR - …}. */
    private record TimeTerm(AttributeReference time, long offsetMicros) {
        static TimeTerm of(Expression e) {
            if (e instanceof AttributeReference a && a.dataType() instanceof io.fluxo.types.TimestampType) {
                return new TimeTerm(a, 0);
            }
            if (e instanceof io.fluxo.plan.expr.DateTimeArithmetic d
                    && d.right() instanceof io.fluxo.plan.expr.Literal lit && lit.value() instanceof Long micros
                    && (d.kind() == io.fluxo.plan.expr.DateTimeArithmetic.Kind.TIMESTAMP_PLUS_DAY_TIME
                            || d.kind() == io.fluxo.plan.expr.DateTimeArithmetic.Kind.TIMESTAMP_MINUS_DAY_TIME)) {
                TimeTerm inner = of(d.left());
                if (inner == null) {
                    return null;
                }
                long shift = d.kind() == io.fluxo.plan.expr.DateTimeArithmetic.Kind.TIMESTAMP_PLUS_DAY_TIME
                        ? micros : -micros;
                return new TimeTerm(inner.time(), inner.offsetMicros() + shift);
            }
            return null;
        }
    }

    private static AttributeReference firstIn(LogicalPlan side, java.util.Set<ExprId> times) {
        return side.output().stream().filter(a -> times.contains(a.exprId())
                && (a.dataType() instanceof io.fluxo.types.TimestampType || TimeWindowFunctions.isWindow(a.dataType())))
                .findFirst().orElse(null);
    }

    /** True when a stateful operator of {@code plan} can emit or forget state as the watermark moves. */
    static boolean hasWatermarkedState(LogicalPlan plan) {
        return plan.anyNode(p -> p instanceof Aggregate a && a.child().isStreaming() && keyIndex(a) >= 0
                || p instanceof Deduplicate && p.children().get(0).isStreaming()
                        && !watermarked(p.children().get(0)).isEmpty()
                || p instanceof FlatMapGroupsWithState g && g.child().isStreaming()
                        && g.timeout() == StateTimeout.EVENT_TIME && !watermarked(g.child()).isEmpty()
                || p instanceof Join j && j.left().isStreaming() && j.right().isStreaming() && boundsState(j));
    }

    /**
     * Whether a join of two streams can forget state as the watermark moves, which is when Spark runs a batch without
     * new data: its condition compares event times of both sides (an equal window or time, or a time range).
     */
    private static boolean boundsState(Join join) {
        List<ExprId> left = watermarked(join.left()).stream().map(AttributeReference::exprId).toList();
        List<ExprId> right = watermarked(join.right()).stream().map(AttributeReference::exprId).toList();
        if (left.isEmpty() && right.isEmpty() || join.condition().isEmpty()) {
            return false;
        }
        return join.condition().get().anyMatch(e -> e instanceof io.fluxo.plan.expr.Comparison c
                && (readsEventTime(c.left(), left) && readsEventTime(c.right(), right)
                        || readsEventTime(c.left(), right) && readsEventTime(c.right(), left)));
    }

    /** Whether a join of two streams is on an event-time column (or window) of each side: Spark's "watermark in the keys". */
    static boolean hasEventTimeKey(Join join) {
        List<ExprId> left = watermarked(join.left()).stream().map(AttributeReference::exprId).toList();
        List<ExprId> right = watermarked(join.right()).stream().map(AttributeReference::exprId).toList();
        return join.condition().isPresent() && conjuncts(join.condition().get()).stream().anyMatch(e ->
                e instanceof io.fluxo.plan.expr.Comparison c && c.op() == io.fluxo.plan.expr.Comparison.Op.EQUAL
                        && (carriesEventTime(c.left(), left) && carriesEventTime(c.right(), right)
                                || carriesEventTime(c.left(), right) && carriesEventTime(c.right(), left)));
    }

    private static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e instanceof io.fluxo.plan.expr.And a) {
            out.addAll(conjuncts(a.left()));
            out.addAll(conjuncts(a.right()));
        } else {
            out.add(e);
        }
        return out;
    }

    private static boolean readsEventTime(Expression e, List<ExprId> times) {
        return e.references().stream().anyMatch(a -> times.contains(a.exprId()));
    }

    /** The index of the grouping expression of {@code aggregate} that holds event time, or -1. */
    static int keyIndex(Aggregate aggregate) {
        List<ExprId> times = watermarked(aggregate.child()).stream().map(AttributeReference::exprId).toList();
        if (times.isEmpty()) {
            return -1;
        }
        List<ExprId> windowColumns = new ArrayList<>();
        aggregate.child().transformUp(p -> {
            if (p instanceof Generate g
                    && g.generator().references().stream().anyMatch(r -> times.contains(r.exprId()))) {
                g.generatorOutput().forEach(a -> windowColumns.add(a.exprId()));
            }
            return p;
        });
        List<Expression> grouping = aggregate.groupingExpressions();
        for (int i = 0; i < grouping.size(); i++) {
            Expression g = grouping.get(i);
            if (g instanceof AttributeReference a && (times.contains(a.exprId())
                    || windowColumns.contains(a.exprId()))) {
                return i;
            }
            if (g instanceof ScalarFunctionCall call
                    && (call.name().equals("window") || call.name().equals("session_window"))
                    && carriesEventTime(call.arguments().get(0), times)) {
                return i;
            }
        }
        return -1;
    }
}
