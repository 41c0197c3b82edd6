package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.hash.GroupByHashTable;
import io.fluxo.exec.operator.HashAggregateExec.AggregateSpec;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.state.StateStore;
import io.fluxo.state.StateStoreRegistry;
import io.fluxo.types.DataType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;
import io.fluxo.vector.row.BinaryRowCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stateful half of a streaming aggregation, per state partition: merges this batch's partial aggregates (keys +
 * states, already exchanged on the keys) with the states of earlier batches from the partition's {@link StateStore},
 * writes the changed states back as a new version, and emits keys + results: every key in complete mode, the keys
 * this batch changed in update mode. Keys and states are stored in the binary row format.
 */
public final class StatefulAggregateExec implements PhysicalOperator {
    private final List<DataType> keyTypes;
    private final List<AggregateSpec> aggregates;
    private final List<DataType> stateTypes;
    private final List<AttributeReference> output;
    private final PhysicalOperator child;
    private final StateStoreRegistry stores;
    private final int operatorId;
    private final long stateVersion;
    private final boolean completeMode;
    private final boolean appendMode;
    /** The grouping key holding the event time (a window struct or a timestamp), or -1 without a watermark. */
    private final int eventTimeKey;
    private final long lateWatermark;
    private final long evictionWatermark;

    public StatefulAggregateExec(List<DataType> keyTypes, List<AggregateSpec> aggregates,
            List<AttributeReference> output, PhysicalOperator child, StateStoreRegistry stores, int operatorId,
            long stateVersion, String outputMode, int eventTimeKey, long lateWatermark, long evictionWatermark) {
        this.keyTypes = List.copyOf(keyTypes);
        this.aggregates = List.copyOf(aggregates);
        List<DataType> states = new ArrayList<>();
        aggregates.forEach(a -> states.addAll(a.function().stateTypes()));
        this.stateTypes = List.copyOf(states);
        this.output = List.copyOf(output);
        this.child = child;
        this.stores = stores;
        this.operatorId = operatorId;
        this.stateVersion = stateVersion;
        this.completeMode = outputMode.equals("complete");
        this.appendMode = outputMode.equals("append");
        // Complete mode keeps every key forever, as Spark: the watermark only matters in append and update modes.
        this.eventTimeKey = completeMode ? -1 : eventTimeKey;
        this.lateWatermark = lateWatermark;
        this.evictionWatermark = evictionWatermark;
    }

    /** Per row, the time a key's event time ends: a window's end, or the timestamp itself. */
    private static long[] eventTimes(ColumnVector key) {
        ColumnVector times = key instanceof StructVector s ? s.field(1) : key;
        return ((LongVector) times).values();
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
        stores.checkSchema(operatorId, "aggregate " + aggregates.stream().map(AggregateSpec::description).toList(),
                keySchema().sql(), valueSchema().sql());
        StateStore store = stores.acquire(operatorId, partition, stateVersion);
        try {
            return run(store, partition, context);
        } catch (RuntimeException | Error e) {
            store.abort();
            throw e;
        }
    }

    private BatchIterator run(StateStore store, int partition, TaskContext context) {
        BinaryRowCodec keyCodec = new BinaryRowCodec(keyTypes);
        BinaryRowCodec stateCodec = new BinaryRowCodec(stateTypes);
        GroupByHashTable table = GroupByHashTable.create(keyTypes);
        GroupedAggregator[] aggs = new GroupedAggregator[aggregates.size()];
        for (int i = 0; i < aggs.length; i++) {
            aggs[i] = aggregates.get(i).function().newGroupedAggregator();
        }
        if (completeMode) {
            loadAllStates(store, keyCodec, stateCodec, table, aggs);
        }
        long started = System.nanoTime();
        boolean[] touched = new boolean[Math.max(16, table.size())];
        BinaryRowCodec.Encoded encoded = new BinaryRowCodec.Encoded();
        int[] groupIds = new int[ColumnBatch.DEFAULT_SIZE];
        try (BatchIterator in = child.open(partition, context)) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                int n = b.numRows();
                if (groupIds.length < n) {
                    groupIds = new int[n];
                }
                if (eventTimeKey >= 0) {
                    b = withoutLateRows(b, store);
                    n = b.numRows();
                    if (n == 0) {
                        continue;
                    }
                }
                ColumnVector[] keys = Arrays.copyOfRange(b.columns(), 0, keyTypes.size());
                int known = table.size();
                table.groupIds(keys, n, groupIds);
                if (!completeMode && table.size() > known) {
                    loadStatesOfNewGroups(store, keys, n, groupIds, known, table.size() - known, keyCodec, stateCodec,
                            encoded, aggs);
                }
                int groups = table.size();
                if (touched.length < groups) {
                    touched = Arrays.copyOf(touched, Math.max(groups, touched.length * 2));
                }
                int column = keyTypes.size();
                for (int i = 0; i < aggs.length; i++) {
                    aggs[i].ensureCapacity(groups);
                    int width = aggregates.get(i).function().stateTypes().size();
                    aggs[i].merge(groupIds, Arrays.copyOfRange(b.columns(), column, column + width), n);
                    column += width;
                }
                for (int r = 0; r < n; r++) {
                    touched[groupIds[r]] = true;
                }
            }
        }
        long read = System.nanoTime();
        if (eventTimeKey >= 0) {
            loadExpiredStates(store, keyCodec, stateCodec, table, aggs);
            if (touched.length < table.size()) {
                touched = Arrays.copyOf(touched, table.size());
            }
        }
        long expired = System.nanoTime();
        List<ColumnBatch> results = saveAndEmit(store, table, aggs, touched, keyCodec, stateCodec, encoded);
        store.addUpdateTime(read - started + System.nanoTime() - expired);
        store.addRemovalTime(expired - read);
        store.commit();
        return BatchIterator.of(results);
    }

    /** Drops the rows whose key ended at or before the watermark for late rows, counting them. */
    private ColumnBatch withoutLateRows(ColumnBatch b, StateStore store) {
        ColumnBatch kept = Operators.withoutLateRows(b, eventTimeKey, lateWatermark);
        store.countDroppedByWatermark(b.numRows() - kept.numRows());
        return kept;
    }

    /**
     * Brings in the stored keys that the watermark now closes and that this batch did not touch: append mode emits
     * them, and every mode removes them from the state.
     */
    private void loadExpiredStates(StateStore store, BinaryRowCodec keyCodec, BinaryRowCodec stateCodec,
            GroupByHashTable table, GroupedAggregator[] aggs) {
        List<byte[][]> entries = new ArrayList<>();
        store.forEach((k, v) -> entries.add(new byte[][] {k, v}));
        for (int from = 0; from < entries.size(); from += ColumnBatch.DEFAULT_SIZE) {
            int count = Math.min(ColumnBatch.DEFAULT_SIZE, entries.size() - from);
            ColumnVector[] keys = Operators.allocate(keyTypes, count);
            ColumnVector[] states = Operators.allocate(stateTypes, count);
            for (int i = 0; i < count; i++) {
                byte[][] entry = entries.get(from + i);
                keyCodec.decode(entry[0], 0, keys);
                stateCodec.decode(entry[1], 0, states);
            }
            long[] times = eventTimes(keys[eventTimeKey]);
            int[] present = new int[count];
            table.lookup(keys, count, present);
            int[] pick = new int[count];
            int picked = 0;
            for (int i = 0; i < count; i++) {
                if (present[i] < 0 && !keys[eventTimeKey].isNull(i) && times[i] <= evictionWatermark) {
                    pick[picked++] = i;
                }
            }
            if (picked == 0) {
                continue;
            }
            ColumnVector[] pickedKeys = new ColumnVector[keys.length];
            for (int k = 0; k < keys.length; k++) {
                pickedKeys[k] = keys[k].gather(pick, picked);
            }
            ColumnVector[] pickedStates = new ColumnVector[states.length];
            for (int k = 0; k < states.length; k++) {
                pickedStates[k] = states[k].gather(pick, picked);
            }
            int[] ids = new int[picked];
            table.groupIds(pickedKeys, picked, ids);
            mergeStates(aggs, table.size(), ids, pickedStates, picked);
        }
    }

    /** Complete mode emits every key: all of the state comes in before the batch's rows. */
    private void loadAllStates(StateStore store, BinaryRowCodec keyCodec, BinaryRowCodec stateCodec,
            GroupByHashTable table, GroupedAggregator[] aggs) {
        List<byte[][]> pending = new ArrayList<>();
        store.forEach((k, v) -> pending.add(new byte[][] {k, v}));
        for (int from = 0; from < pending.size(); from += ColumnBatch.DEFAULT_SIZE) {
            int count = Math.min(ColumnBatch.DEFAULT_SIZE, pending.size() - from);
            ColumnVector[] keys = Operators.allocate(keyTypes, count);
            ColumnVector[] states = Operators.allocate(stateTypes, count);
            for (int i = 0; i < count; i++) {
                byte[][] entry = pending.get(from + i);
                keyCodec.decode(entry[0], 0, keys);
                stateCodec.decode(entry[1], 0, states);
            }
            int[] ids = new int[count];
            table.groupIds(keys, count, ids);
            mergeStates(aggs, table.size(), ids, states, count);
        }
    }

    /** Update mode reads the state of just the keys this batch brings: the groups numbered from {@code known}. */
    private void loadStatesOfNewGroups(StateStore store, ColumnVector[] keys, int n, int[] groupIds, int known,
            int newGroups, BinaryRowCodec keyCodec, BinaryRowCodec stateCodec, BinaryRowCodec.Encoded encoded,
            GroupedAggregator[] aggs) {
        keyCodec.encode(keys, n, encoded);
        byte[] bytes = encoded.bytes();
        int[] offsets = encoded.offsets();
        boolean[] seen = new boolean[newGroups];
        ColumnVector[] states = Operators.allocate(stateTypes, 16);
        int[] ids = new int[16];
        int count = 0;
        for (int r = 0; r < n; r++) {
            int g = groupIds[r] - known;
            if (g < 0 || seen[g]) {
                continue;
            }
            seen[g] = true;
            byte[] state = store.get(bytes, offsets[r], offsets[r + 1]);
            if (state != null) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                stateCodec.decode(state, 0, states);
                ids[count++] = groupIds[r];
            }
        }
        if (count > 0) {
            mergeStates(aggs, known + seen.length, ids, states, count);
        }
    }

    private void mergeStates(GroupedAggregator[] aggs, int groups, int[] ids, ColumnVector[] states, int count) {
        int column = 0;
        for (int i = 0; i < aggs.length; i++) {
            aggs[i].ensureCapacity(groups);
            int width = aggregates.get(i).function().stateTypes().size();
            aggs[i].merge(ids, Arrays.copyOfRange(states, column, column + width), count);
            column += width;
        }
    }

    /** Puts the changed groups' states in the store and builds the output: keys then finished results. */
    private List<ColumnBatch> saveAndEmit(StateStore store, GroupByHashTable table, GroupedAggregator[] aggs,
            boolean[] touched, BinaryRowCodec keyCodec, BinaryRowCodec stateCodec, BinaryRowCodec.Encoded encoded) {
        List<ColumnBatch> out = new ArrayList<>();
        int total = table.size();
        BinaryRowCodec.Encoded stateBytes = new BinaryRowCodec.Encoded();
        for (int from = 0; from < total; from += ColumnBatch.DEFAULT_SIZE) {
            int count = Math.min(ColumnBatch.DEFAULT_SIZE, total - from);
            ColumnVector[] keys = Operators.allocate(keyTypes, count);
            if (!keyTypes.isEmpty()) {
                table.appendKeys(from, count, keys);
            }
            ColumnVector[] states = Operators.allocate(stateTypes, count);
            int column = 0;
            for (int i = 0; i < aggs.length; i++) {
                int width = aggregates.get(i).function().stateTypes().size();
                aggs[i].writeStates(from, count, Arrays.copyOfRange(states, column, column + width));
                column += width;
            }
            keyCodec.encode(keys, count, encoded);
            stateCodec.encode(states, count, stateBytes);
            long[] times = eventTimeKey >= 0 ? eventTimes(keys[eventTimeKey]) : null;
            int[] emitted = new int[count];
            int numEmitted = 0;
            for (int i = 0; i < count; i++) {
                boolean wasTouched = touched[from + i];
                boolean expired = times != null && !keys[eventTimeKey].isNull(i) && times[i] <= evictionWatermark;
                byte[] key = Arrays.copyOfRange(encoded.bytes(), encoded.offsets()[i], encoded.offsets()[i + 1]);
                if (expired) {
                    store.remove(key);
                } else if (wasTouched) {
                    store.put(key, Arrays.copyOfRange(stateBytes.bytes(), stateBytes.offsets()[i],
                            stateBytes.offsets()[i + 1]));
                }
                if (completeMode || (appendMode ? expired : wasTouched)) {
                    emitted[numEmitted++] = i;
                }
            }
            List<ColumnVector> columns = new ArrayList<>(List.of(keys));
            for (int i = 0; i < aggs.length; i++) {
                ColumnVector result = ColumnVector.allocate(aggregates.get(i).function().resultType(), count);
                aggs[i].writeResults(from, count, result);
                columns.add(result);
            }
            ColumnBatch batch = new ColumnBatch(columns.toArray(ColumnVector[]::new), count);
            if (numEmitted < count) {
                batch = batch.gather(emitted, numEmitted);
            }
            if (batch.numRows() > 0) {
                out.add(batch);
            }
        }
        return out;
    }

    /** The stored key: the grouping keys, named as in the output. */
    private StructType keySchema() {
        StructType schema = StructType.empty();
        for (int i = 0; i < keyTypes.size(); i++) {
            schema = schema.add(output.get(i).name(), keyTypes.get(i), true);
        }
        return schema;
    }

    /** The stored value: each aggregate's partial state columns. */
    private StructType valueSchema() {
        StructType schema = StructType.empty();
        for (AggregateSpec a : aggregates) {
            List<DataType> types = a.function().stateTypes();
            for (int w = 0; w < types.size(); w++) {
                schema = schema.add(a.description() + "_state" + w, types.get(w), true);
            }
        }
        return schema;
    }

    @Override
    public String nodeString() {
        return "StatefulAggregate(operator " + operatorId + ", version " + stateVersion + ", "
                + (completeMode ? "complete" : appendMode ? "append" : "update") + ", functions="
                + aggregates.stream().map(AggregateSpec::description).toList() + ")";
    }
}
