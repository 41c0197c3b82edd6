package io.fluxo.function.aggregate;

import io.fluxo.function.AggregateFunction;
import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Drives bound aggregates in tests: one aggregator, or partial aggregators merged into a final one. */
final class AggregateRunner {
    private AggregateRunner() {
    }

    static AggregateFunction function(String name) {
        return FunctionRegistry.builtin().aggregate(name).orElseThrow();
    }

    static BoundAggregateFunction bind(String name, boolean distinct, DataType... argTypes) {
        List<FunctionArg> args = new ArrayList<>();
        for (DataType t : argTypes) {
            args.add(FunctionArg.of(t, true));
        }
        return function(name).bind(args, distinct);
    }

    static BoundAggregateFunction bind(String name, DataType... argTypes) {
        return bind(name, false, argTypes);
    }

    static ColumnVector vector(DataType type, Object... values) {
        ColumnVector v = ColumnVector.allocate(type, values.length);
        for (Object o : values) {
            v.appendObject(o);
        }
        return v;
    }

    static ColumnVector vector(DataType type, List<?> values) {
        return vector(type, values.toArray());
    }

    /** The results of one aggregator over {@code args} with rows in groups {@code groupIds}. */
    static List<Object> run(BoundAggregateFunction f, int numGroups, int[] groupIds, ColumnVector... args) {
        GroupedAggregator a = f.newGroupedAggregator();
        a.ensureCapacity(numGroups);
        a.update(groupIds, args, groupIds.length);
        return results(f, a, numGroups);
    }

    /** The result of a global aggregate (one group) over {@code args}. */
    static Object global(BoundAggregateFunction f, ColumnVector... args) {
        int rows = args.length == 0 ? 0 : args[0].size();
        return run(f, 1, new int[rows], args).get(0);
    }

    static List<Object> results(BoundAggregateFunction f, GroupedAggregator a, int numGroups) {
        ColumnVector out = ColumnVector.allocate(f.resultType(), numGroups);
        a.writeResults(0, numGroups, out);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            values.add(out.getObject(i));
        }
        return values;
    }

    /**
     * Two-phase aggregation: rows {@code [cuts[k], cuts[k+1])} go to partial aggregator {@code k}; each appends its
     * states to shared state vectors, which merge (partition order kept) into a fresh aggregator.
     */
    static List<Object> runTwoPhase(BoundAggregateFunction f, int numGroups, int[] groupIds, int[] cuts,
            ColumnVector... args) {
        List<DataType> stateTypes = f.stateTypes();
        ColumnVector[] states = new ColumnVector[stateTypes.size()];
        for (int s = 0; s < states.length; s++) {
            states[s] = ColumnVector.allocate(stateTypes.get(s), numGroups);
        }
        int partitions = cuts.length - 1;
        for (int k = 0; k < partitions; k++) {
            int from = cuts[k];
            int count = cuts[k + 1] - from;
            GroupedAggregator partial = f.newGroupedAggregator();
            // Partitions see the groups in a local dense numbering; here the global ids are reused.
            partial.ensureCapacity(numGroups);
            ColumnVector[] slice = new ColumnVector[args.length];
            for (int c = 0; c < args.length; c++) {
                slice[c] = args[c].slice(from, count);
            }
            partial.update(Arrays.copyOfRange(groupIds, from, from + count), slice, count);
            partial.writeStates(0, numGroups, states);
        }
        // All partitions' states merge in one call, in partition order, as rows of one exchanged batch would.
        int[] ids = new int[numGroups * Math.max(partitions, 0)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % numGroups;
        }
        GroupedAggregator fin = f.newGroupedAggregator();
        fin.ensureCapacity(numGroups);
        fin.merge(ids, states, ids.length);
        return results(f, fin, numGroups);
    }
}
