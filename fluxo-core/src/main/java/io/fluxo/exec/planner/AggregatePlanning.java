package io.fluxo.exec.planner;

import io.fluxo.errors.AnalysisException;
import io.fluxo.exec.Binder;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.operator.GatherExec;
import io.fluxo.exec.operator.HashAggregateExec;
import io.fluxo.exec.operator.HashAggregateExec.AggregateSpec;
import io.fluxo.exec.operator.HashAggregateExec.Mode;
import io.fluxo.exec.operator.ProjectExec;
import io.fluxo.exec.operator.SessionWindowAggregateExec;
import io.fluxo.exec.operator.ShuffleExchangeExec;
import io.fluxo.exec.operator.StatefulAggregateExec;
import io.fluxo.function.scalar.TimeWindowFunctions;
import io.fluxo.plan.expr.AggregateCall;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.BoundReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.NamedExpression;
import io.fluxo.plan.expr.ScalarFunctionCall;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.StatefulAggregate;
import io.fluxo.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans an Aggregate as Spark does: a partial aggregation in every input partition, a hash exchange on the grouping
 * keys (a gather for a global aggregate), a final merge, then a projection computing the output expressions from
 * keys and aggregate results. A single input partition needs no exchange: one complete aggregation does it all.
 */
final class AggregatePlanning {
    private AggregatePlanning() {
    }

    /**
     * Plans {@code agg}; with {@code stateful} (a streaming aggregation) the final step merges with the state store
     * instead, after an exchange into the checkpoint's fixed number of state partitions.
     */
    static PhysicalOperator plan(Aggregate agg, PhysicalOperator child, PlannerSettings settings,
            StatefulAggregate stateful) {
        List<Expression> grouping = agg.groupingExpressions();
        List<AggregateCall> calls = new ArrayList<>();
        for (Expression e : agg.aggregateExpressions()) {
            for (AggregateCall c : e.collect(AggregateCall.class)) {
                if (!calls.contains(c)) {
                    calls.add(c);
                }
            }
        }
        List<AttributeReference> keyAttrs = new ArrayList<>();
        for (int i = 0; i < grouping.size(); i++) {
            Expression g = grouping.get(i);
            keyAttrs.add(g instanceof AttributeReference a ? a
                    : AttributeReference.create("_groupingexpression" + i, g.dataType(), g.nullable()));
        }
        List<AttributeReference> resultAttrs = new ArrayList<>();
        for (AggregateCall c : calls) {
            resultAttrs.add(AttributeReference.create(c.sql(), c.dataType(), c.nullable()));
        }
        List<Expression> boundKeys = Binder.bindAll(grouping, child.output());
        List<AggregateSpec> specs = new ArrayList<>();
        for (AggregateCall c : calls) {
            specs.add(new AggregateSpec(c.bound(), Binder.bindAll(c.arguments(), child.output()), c.sql()));
        }
        List<AttributeReference> finalOutput = new ArrayList<>(keyAttrs);
        finalOutput.addAll(resultAttrs);

        PhysicalOperator aggregated;
        int session = sessionWindowKey(grouping);
        if (session >= 0) {
            aggregated = planSessionWindows(grouping, session, specs, finalOutput, child, settings, stateful);
        } else if (stateful == null && child.numPartitions() == 1) {
            aggregated = new HashAggregateExec(Mode.COMPLETE, boundKeys, specs, finalOutput, settings.aggregateSpill(),
                    child);
        } else {
            List<AttributeReference> partialOutput = new ArrayList<>(keyAttrs);
            for (AggregateCall c : calls) {
                int i = 0;
                for (DataType t : c.bound().stateTypes()) {
                    partialOutput.add(AttributeReference.create(c.sql() + "_state" + i++, t, true));
                }
            }
            PhysicalOperator partial = new HashAggregateExec(Mode.PARTIAL, boundKeys, specs, partialOutput,
                    settings.aggregateSpill(), child);
            List<Expression> keyRefs = new ArrayList<>();
            for (int i = 0; i < keyAttrs.size(); i++) {
                keyRefs.add(new BoundReference(i, keyAttrs.get(i).dataType(), keyAttrs.get(i).nullable()));
            }
            int partitions = stateful != null ? stateful.numStatePartitions() : settings.shufflePartitions();
            PhysicalOperator exchanged = grouping.isEmpty() ? new GatherExec(partial)
                    : new ShuffleExchangeExec(keyRefs, partitions, settings.shuffleSpill(), partial);
            List<AggregateSpec> finalSpecs = specs.stream()
                    .map(s -> new AggregateSpec(s.function(), List.of(), s.description())).toList();
            aggregated = stateful == null
                    ? new HashAggregateExec(Mode.FINAL, keyRefs, finalSpecs, finalOutput, settings.aggregateSpill(),
                            exchanged)
                    : new StatefulAggregateExec(keyRefs.stream().map(Expression::dataType).toList(), finalSpecs,
                            finalOutput, exchanged, stateful.stores(), stateful.operatorId(),
                            stateful.stateVersion(), stateful.outputMode(), stateful.eventTimeKey(),
                            stateful.lateWatermarkMicros(), stateful.evictionWatermarkMicros());
        }

        return project(agg, grouping, calls, keyAttrs, resultAttrs, finalOutput, aggregated);
    }

    /** The grouping key that is a {@code session_window(ts, gap)} call, or -1. */
    private static int sessionWindowKey(List<Expression> grouping) {
        for (int i = 0; i < grouping.size(); i++) {
            if (grouping.get(i) instanceof ScalarFunctionCall c && c.name().equals("session_window")) {
                return i;
            }
        }
        return -1;
    }

    /** Sessions need every row of a key in one place: exchange raw rows on the other keys, then merge windows. */
    private static PhysicalOperator planSessionWindows(List<Expression> grouping, int session,
            List<AggregateSpec> specs, List<AttributeReference> finalOutput, PhysicalOperator child,
            PlannerSettings settings, StatefulAggregate stateful) {
        ScalarFunctionCall call = (ScalarFunctionCall) grouping.get(session);
        long gapMicros = -1;
        if (call.arguments().get(1) instanceof Literal gap) {
            if (gap.value() == null) {
                throw new AnalysisException("INVALID_WINDOW_DURATION", "The gap duration of session_window() is "
                        + "NULL: use an interval such as '10 minutes'.");
            }
            Object gapValue = gap.value();
            gapMicros = TimeWindowFunctions.sessionGapMicros(gapValue instanceof byte[] b
                    ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : gapValue.toString());
        }
        List<Expression> others = new ArrayList<>(grouping);
        others.remove(session);
        if (stateful != null && others.isEmpty()) {
            // As Spark, which fails the first batch of such a query.
            throw new AnalysisException("UNSUPPORTED_FEATURE.STREAMING_SESSION_WINDOW", "Global aggregation with "
                    + "session window in streaming query is not supported.");
        }
        List<Expression> boundOthers = Binder.bindAll(others, child.output());
        int partitions = stateful != null ? stateful.numStatePartitions() : settings.shufflePartitions();
        PhysicalOperator exchanged = others.isEmpty() ? new GatherExec(child)
                : new ShuffleExchangeExec(boundOthers, partitions, settings.shuffleSpill(), child);
        Expression time = Binder.bind(call.arguments().get(0), child.output());
        // A gap per row (an interval string expression) when it is not a constant.
        Expression gapPerRow = gapMicros < 0 ? Binder.bind(call.arguments().get(1), child.output()) : null;
        if (stateful == null) {
            return new SessionWindowAggregateExec(boundOthers, time, gapMicros, gapPerRow, session, specs,
                    finalOutput, exchanged, null, -1, 0, "complete", false, 0, 0);
        }
        return new SessionWindowAggregateExec(boundOthers, time, gapMicros, gapPerRow, session, specs, finalOutput,
                exchanged,
                stateful.stores(), stateful.operatorId(), stateful.stateVersion(), stateful.outputMode(),
                stateful.eventTimeKey() >= 0, stateful.lateWatermarkMicros(), stateful.evictionWatermarkMicros());
    }

    private static PhysicalOperator project(Aggregate agg, List<Expression> grouping, List<AggregateCall> calls,
            List<AttributeReference> keyAttrs, List<AttributeReference> resultAttrs,
            List<AttributeReference> finalOutput, PhysicalOperator aggregated) {
        List<Expression> projections = new ArrayList<>();
        for (Expression e : agg.aggregateExpressions()) {
            Expression rewritten = e.transformDown(x -> {
                int call = x instanceof AggregateCall c ? calls.indexOf(c) : -1;
                if (call >= 0) {
                    return resultAttrs.get(call);
                }
                int key = grouping.indexOf(x);
                if (key >= 0 && !(x instanceof NamedExpression && x == e)) {
                    return keyAttrs.get(key);
                }
                return x;
            });
            projections.add(Binder.bind(rewritten instanceof NamedExpression ? rewritten
                    : Alias.of(rewritten, e.sql()), finalOutput));
        }
        return new ProjectExec(projections, agg.output(), aggregated);
    }
}
