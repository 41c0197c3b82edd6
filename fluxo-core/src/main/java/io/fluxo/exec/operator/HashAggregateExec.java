package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.exec.hash.GroupByHashTable;
import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation in one of three modes. PARTIAL folds raw rows into per-group states and emits keys + states;
 * FINAL merges such states (after a hash exchange on the keys) and emits keys + results; COMPLETE does both at once
 * when all rows of a group are already in one partition. Keys map to dense group ids in a {@link GroupByHashTable};
 * states live in each aggregate's columnar {@link GroupedAggregator}.
 *
 * <p>With grouping keys, a task whose table and states pass the spill threshold writes its groups (keys and partial
 * states) to spill files by a hash of the keys ({@link SpillFile.Partitioned}) and starts over with an empty table; at
 * the end each file is read back and merged on its own, so a task holds a small part of its groups at a time.
 */
public final class HashAggregateExec implements PhysicalOperator {
    /** Which half of a two-phase aggregation this operator runs. */
    public enum Mode {
        PARTIAL, FINAL, COMPLETE
    }

    /** One aggregate: its bound function and, for PARTIAL/COMPLETE, its bound argument expressions. */
    public record AggregateSpec(BoundAggregateFunction function, List<Expression> boundArguments, String description) {
        public AggregateSpec {
            boundArguments = List.copyOf(boundArguments);
        }
    }

    private final Mode mode;
    private final List<Expression> boundKeys;
    private final List<DataType> keyTypes;
    private final List<AggregateSpec> aggregates;
    private final List<AttributeReference> output;
    private final SpillFile.Settings spill;
    private final PhysicalOperator child;

    public HashAggregateExec(Mode mode, List<Expression> boundKeys, List<AggregateSpec> aggregates,
            List<AttributeReference> output, PhysicalOperator child) {
        this(mode, boundKeys, aggregates, output, SpillFile.Settings.NEVER, child);
    }

    public HashAggregateExec(Mode mode, List<Expression> boundKeys, List<AggregateSpec> aggregates,
            List<AttributeReference> output, SpillFile.Settings spill, PhysicalOperator child) {
        this.spill = spill;
        this.mode = mode;
        this.boundKeys = List.copyOf(boundKeys);
        this.keyTypes = boundKeys.stream().map(Expression::dataType).toList();
        this.aggregates = List.copyOf(aggregates);
        this.output = List.copyOf(output);
        this.child = child;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int numPartitions() {
        return child.numPartitions();
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        VectorEvaluator[] keys = Operators.compile(boundKeys, context);
        List<VectorEvaluator[]> args = new ArrayList<>();
        for (AggregateSpec a : aggregates) {
            args.add(Operators.compile(a.boundArguments(), context));
        }
        GroupByHashTable table = GroupByHashTable.create(keyTypes);
        GroupedAggregator[] states = newStates();
        Grace grace = null;
        try (BatchIterator in = child.open(partition, context)) {
            int[] groupIds = new int[ColumnBatch.DEFAULT_SIZE];
            ColumnBatch b;
            while ((b = in.next()) != null) {
                int n = b.numRows();
                if (groupIds.length < n) {
                    groupIds = new int[n];
                }
                ColumnVector[] keyVectors = new ColumnVector[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    keyVectors[k] = keys[k].evaluate(b);
                }
                table.groupIds(keyVectors, n, groupIds);
                if (mode == Mode.FINAL) {
                    mergeStates(states, table.size(), groupIds, b, keys.length);
                } else {
                    for (int i = 0; i < states.length; i++) {
                        states[i].ensureCapacity(table.size());
                        VectorEvaluator[] a = args.get(i);
                        ColumnVector[] argVectors = new ColumnVector[a.length];
                        for (int k = 0; k < a.length; k++) {
                            argVectors[k] = a[k].evaluate(b);
                        }
                        states[i].update(groupIds, argVectors, n);
                    }
                }
                if (!keyTypes.isEmpty() && held(table, states) >= spill.thresholdBytes()) {
                    if (grace == null) {
                        grace = new Grace(context);
                    }
                    grace.spill(table, states);
                    table = GroupByHashTable.create(keyTypes);
                    states = newStates();
                }
            }
        }
        if (grace == null) {
            return emit(table, states, partition, mode == Mode.PARTIAL);
        }
        grace.spill(table, states);
        return grace.merged(partition);
    }

    /** Folds the partial states of {@code b} (from column {@code firstState} on) into their groups' states. */
    private void mergeStates(GroupedAggregator[] states, int groups, int[] groupIds, ColumnBatch b, int firstState) {
        int column = firstState;
        for (int i = 0; i < states.length; i++) {
            states[i].ensureCapacity(groups);
            int width = aggregates.get(i).function().stateTypes().size();
            ColumnVector[] stateVectors = new ColumnVector[width];
            for (int w = 0; w < width; w++) {
                stateVectors[w] = b.column(column + w);
            }
            column += width;
            states[i].merge(groupIds, stateVectors, b.numRows());
        }
    }

    private GroupedAggregator[] newStates() {
        GroupedAggregator[] states = new GroupedAggregator[aggregates.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = aggregates.get(i).function().newGroupedAggregator();
        }
        return states;
    }

    private static long held(GroupByHashTable table, GroupedAggregator[] states) {
        long bytes = table.sizeInBytes();
        for (GroupedAggregator s : states) {
            bytes += s.sizeInBytes();
        }
        return bytes;
    }

    /** Keys then every aggregate's state columns: what a partial aggregation emits, and what a spill file holds. */
    private List<DataType> stateRowTypes() {
        List<DataType> types = new ArrayList<>(keyTypes);
        for (AggregateSpec a : aggregates) {
            types.addAll(a.function().stateTypes());
        }
        return types;
    }

    /** A task's spilled groups (keys and partial states), in spill files by a hash of the keys. */
    private final class Grace {
        private final SpillFile.Partitioned files;

        Grace(TaskContext context) {
            this.files = new SpillFile.Partitioned(spill, "fluxo-aggregate-", stateRowTypes(), context);
        }

        void spill(GroupByHashTable table, GroupedAggregator[] states) {
            try (BatchIterator groups = emit(table, states, -1, true)) {
                ColumnBatch b;
                while ((b = groups.next()) != null) {
                    files.append(b, keyColumns(b));
                }
            }
        }

        /** The groups of every spill file, each file merged on its own, as this operator emits them. */
        BatchIterator merged(int partition) {
            files.finish();
            return BatchIterator.concat(HashPartitioning.SPILL_PARTITIONS, p -> mergeFile(p, partition));
        }

        private BatchIterator mergeFile(int p, int partition) {
            GroupByHashTable table = GroupByHashTable.create(keyTypes);
            GroupedAggregator[] states = newStates();
            int[] groupIds = new int[ColumnBatch.DEFAULT_SIZE];
            try (BatchIterator in = files.read(p)) {
                ColumnBatch b;
                while ((b = in.next()) != null) {
                    table.groupIds(keyColumns(b), b.numRows(), groupIds);
                    mergeStates(states, table.size(), groupIds, b, keyTypes.size());
                }
            }
            return emit(table, states, partition, mode == Mode.PARTIAL);
        }

        private ColumnVector[] keyColumns(ColumnBatch b) {
            ColumnVector[] keys = new ColumnVector[keyTypes.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = b.column(k);
            }
            return keys;
        }
    }

    /** The groups with their partial states ({@code asStates}: what PARTIAL emits and a spill holds) or results. */
    private BatchIterator emit(GroupByHashTable table, GroupedAggregator[] states, int partition, boolean asStates) {
        // A global aggregate yields one row even over no input (count = 0), from its final (or only) step.
        boolean global = boundKeys.isEmpty();
        int groups = table.size();
        if (global && !asStates && groups == 0 && partition == 0) {
            groups = 1;
            for (GroupedAggregator s : states) {
                s.ensureCapacity(1);
            }
        }
        int total = groups;
        return new BatchIterator() {
            private int next;

            @Override
            public ColumnBatch next() {
                if (next >= total) {
                    return null;
                }
                int count = Math.min(ColumnBatch.DEFAULT_SIZE, total - next);
                List<ColumnVector> cols = new ArrayList<>();
                ColumnVector[] keyOut = new ColumnVector[keyTypes.size()];
                for (int k = 0; k < keyOut.length; k++) {
                    keyOut[k] = ColumnVector.allocate(keyTypes.get(k), count);
                }
                if (keyOut.length > 0) {
                    table.appendKeys(next, count, keyOut);
                }
                cols.addAll(List.of(keyOut));
                for (int i = 0; i < states.length; i++) {
                    BoundAggregateFunction f = aggregates.get(i).function();
                    if (asStates) {
                        ColumnVector[] out = new ColumnVector[f.stateTypes().size()];
                        for (int w = 0; w < out.length; w++) {
                            out[w] = ColumnVector.allocate(f.stateTypes().get(w), count);
                        }
                        states[i].writeStates(next, count, out);
                        cols.addAll(List.of(out));
                    } else {
                        ColumnVector out = ColumnVector.allocate(f.resultType(), count);
                        states[i].writeResults(next, count, out);
                        cols.add(out);
                    }
                }
                next += count;
                return new ColumnBatch(cols.toArray(ColumnVector[]::new), count);
            }
        };
    }

    @Override
    public String nodeString() {
        return "HashAggregate(" + mode.name().toLowerCase(java.util.Locale.ROOT) + ", keys=" + Operators.exprs(boundKeys)
                + ", functions=" + aggregates.stream().map(AggregateSpec::description).toList() + ")";
    }
}
