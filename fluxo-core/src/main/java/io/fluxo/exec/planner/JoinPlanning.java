package io.fluxo.exec.planner;

import io.fluxo.exec.Binder;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.operator.GatherExec;
import io.fluxo.exec.operator.HashJoinExec;
import io.fluxo.exec.operator.HashJoinExec.Kind;
import io.fluxo.exec.operator.ShuffleExchangeExec;
import io.fluxo.exec.operator.StreamingJoinExec;
import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.ExprId;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.JoinType;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.Range;
import io.fluxo.plan.logical.StatefulJoin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a Join: splits the condition into equi-join keys (left = right pairs) and a residual; picks the build side
 * (the side an outer join does not preserve); broadcasts it when it is known to be small, else hash-partitions both
 * sides on the keys. A join without keys pairs every row with every build row, the build side broadcast.
 */
final class JoinPlanning {
    private JoinPlanning() {
    }

    /**
     * A join condition split into equi-join key pairs and what remains; {@code nullSafe} marks the pairs compared with
     * {@code <=>} (a NULL key matches a NULL key), as INTERSECT and EXCEPT compare rows.
     */
    record Keys(List<Expression> left, List<Expression> right, List<Boolean> nullSafe, List<Expression> residual) {
        boolean[] nullSafeArray() {
            boolean[] out = new boolean[nullSafe.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = nullSafe.get(i);
            }
            return out;
        }
    }

    /** The keys of a batch join: {@code =} and {@code <=>} pairs. */
    static Keys keys(Join join) {
        return keys(join, true);
    }

    /** With {@code nullSafeKeys} false, {@code <=>} comparisons stay in the residual (joins of two streams). */
    static Keys keys(Join join, boolean nullSafeKeys) {
        Set<ExprId> leftIds = ids(join.left().output());
        Set<ExprId> rightIds = ids(join.right().output());
        List<Expression> leftKeys = new ArrayList<>();
        List<Expression> rightKeys = new ArrayList<>();
        List<Boolean> nullSafe = new ArrayList<>();
        List<Expression> residual = new ArrayList<>();
        for (Expression c : join.condition().map(JoinPlanning::conjuncts).orElse(List.of())) {
            if (c instanceof Comparison cmp && (cmp.op() == Comparison.Op.EQUAL
                    || (nullSafeKeys && cmp.op() == Comparison.Op.NULL_SAFE_EQUAL))) {
                if (readsOnly(cmp.left(), leftIds) && readsOnly(cmp.right(), rightIds)) {
                    leftKeys.add(cmp.left());
                    rightKeys.add(cmp.right());
                    nullSafe.add(cmp.op() == Comparison.Op.NULL_SAFE_EQUAL);
                    continue;
                }
                if (readsOnly(cmp.left(), rightIds) && readsOnly(cmp.right(), leftIds)) {
                    leftKeys.add(cmp.right());
                    rightKeys.add(cmp.left());
                    nullSafe.add(cmp.op() == Comparison.Op.NULL_SAFE_EQUAL);
                    continue;
                }
            }
            residual.add(c);
        }
        return new Keys(leftKeys, rightKeys, nullSafe, residual);
    }

    /** A join of two streams: both sides exchanged on the keys into the state partitions, joined with their state. */
    static PhysicalOperator planStreaming(StatefulJoin s, Planner planner) {
        Join join = s.join();
        Keys keys = keys(join, false);
        PhysicalOperator left = planner.plan(join.left());
        PhysicalOperator right = planner.plan(join.right());
        List<Expression> leftKeys = Binder.bindAll(keys.left(), left.output());
        List<Expression> rightKeys = Binder.bindAll(keys.right(), right.output());
        Optional<Expression> residual = keys.residual().isEmpty() ? Optional.empty()
                : Optional.of(Binder.bind(and(keys.residual()), joinedInput(join)));
        int n = s.numStatePartitions();
        StatefulJoin.Watermarks w = s.watermarks();
        for (LogicalPlan side : join.children()) {
            List<String> times = side.output().stream().filter(a -> w.eventTimes().contains(a.exprId()))
                    .map(AttributeReference::name).toList();
            if (times.size() > 1) {
                // As Spark, which fails the first batch of such a query.
                throw new io.fluxo.errors.AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION",
                        "More than one event time columns are available. Please ensure there is at most one event "
                                + "time column per stream. event time columns: (" + String.join(",", times) + ")");
            }
        }
        int timeKey = -1;
        for (int k = 0; k < keys.left().size() && timeKey < 0; k++) {
            if (carriesEventTime(keys.left().get(k), w) && carriesEventTime(keys.right().get(k), w)) {
                timeKey = k;
            }
        }
        return new StreamingJoinExec(new ShuffleExchangeExec(leftKeys, n, left),
                new ShuffleExchangeExec(rightKeys, n, right), leftKeys, rightKeys, residual, join.output(),
                s.stores(), s.leftOperatorId(), s.stateVersion(),
                new StreamingJoinExec.Watermarks(w.leftTime() == null ? -1 : left.output().indexOf(w.leftTime()),
                        w.rightTime() == null ? -1 : right.output().indexOf(w.rightTime()), timeKey, w.lateMicros(),
                        w.evictionMicros(), bound(w.leftBound(), left), bound(w.rightBound(), right)),
                new StreamingJoinExec.Preserved(
                        join.joinType() == JoinType.LEFT_OUTER || join.joinType() == JoinType.FULL_OUTER,
                        join.joinType() == JoinType.RIGHT_OUTER || join.joinType() == JoinType.FULL_OUTER,
                        join.joinType() == JoinType.LEFT_SEMI));
    }

    private static StreamingJoinExec.ValueBound bound(StatefulJoin.TimeBound b, PhysicalOperator side) {
        return b == null ? null : new StreamingJoinExec.ValueBound(side.output().indexOf(b.time()), b.thresholdMicros());
    }

    /** A watermarked column, or a {@code window()} of one. */
    private static boolean carriesEventTime(Expression e, StatefulJoin.Watermarks w) {
        if (e instanceof AttributeReference a) {
            return w.eventTimes().contains(a.exprId());
        }
        return e instanceof io.fluxo.plan.expr.ScalarFunctionCall call && call.name().equals("window")
                && call.arguments().get(0) instanceof AttributeReference a && w.eventTimes().contains(a.exprId());
    }

    static PhysicalOperator plan(Join join, Planner planner, PlannerSettings settings) {
        LogicalPlan leftPlan = join.left();
        LogicalPlan rightPlan = join.right();
        Keys split = keys(join);
        List<Expression> leftKeys = split.left();
        List<Expression> rightKeys = split.right();
        List<Expression> residual = split.residual();
        JoinType type = join.joinType();
        boolean buildOnLeft = type == JoinType.RIGHT_OUTER;
        Kind kind = switch (type) {
            case LEFT_OUTER, RIGHT_OUTER -> Kind.PROBE_OUTER;
            case FULL_OUTER -> Kind.FULL_OUTER;
            case LEFT_SEMI -> Kind.SEMI;
            case LEFT_ANTI -> Kind.ANTI;
            default -> Kind.INNER;
        };
        LogicalPlan buildPlan = buildOnLeft ? leftPlan : rightPlan;
        PhysicalOperator left = planner.plan(leftPlan);
        PhysicalOperator right = planner.plan(rightPlan);
        PhysicalOperator probe = buildOnLeft ? right : left;
        PhysicalOperator build = buildOnLeft ? left : right;
        List<Expression> probeKeys = Binder.bindAll(buildOnLeft ? rightKeys : leftKeys, probe.output());
        List<Expression> buildKeys = Binder.bindAll(buildOnLeft ? leftKeys : rightKeys, build.output());
        List<AttributeReference> output = join.output();
        Optional<Expression> boundResidual = residual.isEmpty() ? Optional.empty()
                : Optional.of(Binder.bind(and(residual), joinedInput(join)));
        boolean small = estimatedRows(buildPlan) <= settings.broadcastThresholdRows();
        boolean broadcast = probeKeys.isEmpty() || (small && kind != Kind.FULL_OUTER);
        if (broadcast) {
            if (kind == Kind.FULL_OUTER && probe.numPartitions() > 1) {
                // Unmatched build rows are known only once every probe row was seen: one probe task.
                probe = new GatherExec(probe);
            }
            return new HashJoinExec(kind, probe, new GatherExec(build), true, buildOnLeft, probeKeys, buildKeys,
                    split.nullSafeArray(), boundResidual, output);
        }
        int n = settings.shufflePartitions();
        return new HashJoinExec(kind, new ShuffleExchangeExec(probeKeys, n, settings.shuffleSpill(), probe),
                new ShuffleExchangeExec(buildKeys, n, settings.shuffleSpill(), build), false, buildOnLeft, probeKeys,
                buildKeys, split.nullSafeArray(), boundResidual, output, settings.joinSpill());
    }

    /** Columns the residual sees: left then right, as the joined rows are assembled (semi and anti joins too). */
    private static List<AttributeReference> joinedInput(Join join) {
        List<AttributeReference> in = new ArrayList<>(join.left().output());
        in.addAll(join.right().output());
        return in;
    }

    /** Rows a plan produces when that is known without running it; otherwise unbounded. */
    static long estimatedRows(LogicalPlan plan) {
        if (plan instanceof LocalRelation l) {
            return l.numRows();
        }
        if (plan instanceof Range r) {
            return r.count();
        }
        if (plan instanceof Project || plan instanceof Filter || plan instanceof Aggregate) {
            return estimatedRows(plan.children().get(0));
        }
        return Long.MAX_VALUE;
    }

    private static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e instanceof And a) {
            out.addAll(conjuncts(a.left()));
            out.addAll(conjuncts(a.right()));
        } else {
            out.add(e);
        }
        return out;
    }

    private static Expression and(List<Expression> parts) {
        Expression out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = new And(out, parts.get(i));
        }
        return out;
    }

    private static Set<ExprId> ids(List<AttributeReference> attrs) {
        Set<ExprId> out = new HashSet<>();
        attrs.forEach(a -> out.add(a.exprId()));
        return out;
    }

    private static boolean readsOnly(Expression e, Set<ExprId> ids) {
        List<AttributeReference> refs = e.references();
        return !refs.isEmpty() && refs.stream().allMatch(a -> ids.contains(a.exprId()));
    }
}
