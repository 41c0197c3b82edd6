package io.fluxo.exec.operator;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.exec.hash.GroupByHashTable;
import io.fluxo.function.GroupsWithStateFunction;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.logical.FlatMapGroupsWithState;
import io.fluxo.state.KeyedState;
import io.fluxo.state.StateStore;
import io.fluxo.state.StateTimeout;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.row.BinaryRowCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * {@code [flat]mapGroupsWithState} for one partition (rows arrive exchanged on the keys): groups the partition's rows by
 * key, calls the user's function once per key with its rows and state, then once per stored key whose timeout expired.
 * On a stream the state of each key is kept in the partition's {@link StateStore} as {@code (groupState,
 * timeoutTimestamp)}; in a batch query (no {@code streaming}) every key starts without state and nothing is kept.
 */
public final class FlatMapGroupsWithStateExec implements PhysicalOperator {
    private final GroupsWithStateFunction function;
    private final List<Expression> boundKeys;
    private final List<String> keyNames;
    private final List<AttributeReference> output;
    private final StructType stateSchema;
    private final String operatorName;
    private final StateTimeout timeout;
    /** The watermarked event time in the child's rows when late rows must be dropped (event-time timeout), or -1. */
    private final int eventTimeOrdinal;
    private final PhysicalOperator child;
    private final FlatMapGroupsWithState.Streaming streaming;

    public FlatMapGroupsWithStateExec(GroupsWithStateFunction function, List<Expression> boundKeys,
            List<String> keyNames, List<AttributeReference> output, StructType stateSchema, String operatorName,
            StateTimeout timeout, int eventTimeOrdinal, PhysicalOperator child,
            FlatMapGroupsWithState.Streaming streaming) {
        this.function = function;
        this.boundKeys = List.copyOf(boundKeys);
        this.keyNames = List.copyOf(keyNames);
        this.output = List.copyOf(output);
        this.stateSchema = stateSchema;
        this.operatorName = operatorName;
        this.timeout = timeout;
        this.eventTimeOrdinal = eventTimeOrdinal;
        this.child = child;
        this.streaming = streaming;
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

    private StructType valueSchema() {
        return StructType.empty().add("groupState", stateSchema, true)
                .add("timeoutTimestamp", DataTypes.LongType, false);
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        StateStore store = null;
        if (streaming != null) {
            StructType keySchema = StructType.empty();
            for (int i = 0; i < boundKeys.size(); i++) {
                keySchema = keySchema.add(keyNames.get(i), boundKeys.get(i).dataType(), true);
            }
            streaming.stores().checkSchema(streaming.operatorId(), operatorName, keySchema.sql(),
                    valueSchema().sql());
            store = streaming.stores().acquire(streaming.operatorId(), partition, streaming.stateVersion());
        }
        StateStore acquired = store;
        return Operators.committing(store, () -> run(acquired, partition, context));
    }

    private List<ColumnBatch> run(StateStore store, int partition, TaskContext context) {
        VectorEvaluator[] keys = Operators.compile(boundKeys, context);
        List<DataType> keyTypes = boundKeys.stream().map(Expression::dataType).toList();
        GroupByHashTable groups = GroupByHashTable.create(keyTypes);
        List<ColumnBatch> input = new ArrayList<>();
        List<int[]> groupIds = new ArrayList<>();
        long late = 0;
        long lateBeforeMicros = streaming == null ? Long.MIN_VALUE : streaming.lateWatermarkMs() * 1000;
        try (BatchIterator in = child.open(partition, context)) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                if (eventTimeOrdinal >= 0 && streaming != null) {
                    int before = b.numRows();
                    b = Operators.withoutLateRows(b, eventTimeOrdinal, lateBeforeMicros);
                    late += before - b.numRows();
                }
                int n = b.numRows();
                if (n == 0) {
                    continue;
                }
                ColumnVector[] keyVectors = new ColumnVector[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    keyVectors[k] = keys[k].evaluate(b);
                }
                int[] ids = new int[n];
                groups.groupIds(keyVectors, n, ids);
                input.add(b);
                groupIds.add(ids);
            }
        }
        if (store != null) {
            store.countDroppedByWatermark(late);
        }
        int numGroups = groups.size();
        GroupedRows grouped = GroupedRows.of(groupIds, numGroups);
        int[] starts = grouped.starts();
        long[] rows = grouped.rows();
        ColumnVector[] groupKeys = Operators.allocate(keyTypes, Math.max(1, numGroups));
        groups.appendKeys(0, numGroups, groupKeys);
        BinaryRowCodec keyCodec = new BinaryRowCodec(keyTypes);
        BinaryRowCodec.Encoded encodedKeys = new BinaryRowCodec.Encoded();
        keyCodec.encode(groupKeys, numGroups, encodedKeys);
        ValueCodec values = new ValueCodec();
        OutputBuilder out = new OutputBuilder();
        long batchTimestampMs = streaming == null ? context.evalContext().currentTimestampMicros() / 1000
                : streaming.batchTimestampMs();
        long watermarkMs = streaming == null || !streaming.watermarkPresent() ? KeyedState.NO_TIMESTAMP
                : streaming.evictionWatermarkMs();
        boolean watermarkPresent = streaming != null && streaming.watermarkPresent();
        long started = System.nanoTime();
        for (int g = 0; g < numGroups; g++) {
            Object[] key = new Object[keyTypes.size()];
            for (int k = 0; k < key.length; k++) {
                key[k] = groupKeys[k].getObject(g);
            }
            int from = encodedKeys.offsets()[g];
            int to = encodedKeys.offsets()[g + 1];
            byte[] stored = store == null ? null : store.get(encodedKeys.bytes(), from, to);
            Object[] state = stored == null ? null : values.state(stored);
            KeyedState keyed = new KeyedState(state, timeout, batchTimestampMs, watermarkMs, watermarkPresent, false);
            call(key, new GroupRows(input, rows, starts[g], starts[g + 1]), keyed, out);
            if (store != null) {
                save(store, Arrays.copyOfRange(encodedKeys.bytes(), from, to), stored, keyed, values);
            }
        }
        long called = System.nanoTime();
        if (store != null && timeout != StateTimeout.NONE) {
            expireTimeouts(store, keyTypes, keyCodec, values, out, batchTimestampMs, watermarkMs, watermarkPresent);
        }
        if (store != null) {
            store.addUpdateTime(called - started);
            store.addRemovalTime(System.nanoTime() - called);
        }
        return out.batches();
    }

    /** Calls every stored key whose deadline has passed: processing time against the batch time, else the watermark. */
    private void expireTimeouts(StateStore store, List<DataType> keyTypes, BinaryRowCodec keyCodec, ValueCodec values,
            OutputBuilder out, long batchTimestampMs, long watermarkMs, boolean watermarkPresent) {
        long threshold;
        if (timeout == StateTimeout.PROCESSING_TIME) {
            threshold = batchTimestampMs;
        } else if (watermarkPresent) {
            threshold = watermarkMs;
        } else {
            return;
        }
        List<byte[]> expiredKeys = new ArrayList<>();
        List<byte[]> expiredValues = new ArrayList<>();
        store.forEach((key, value) -> {
            long deadline = values.timeout(value);
            if (deadline != KeyedState.NO_TIMESTAMP && deadline < threshold) {
                expiredKeys.add(key);
                expiredValues.add(value);
            }
        });
        ColumnVector[] keyVectors = Operators.allocate(keyTypes, 1);
        for (int i = 0; i < expiredKeys.size(); i++) {
            for (ColumnVector v : keyVectors) {
                v.truncate(0);
            }
            keyCodec.decode(expiredKeys.get(i), 0, keyVectors);
            Object[] key = new Object[keyVectors.length];
            for (int k = 0; k < key.length; k++) {
                key[k] = keyVectors[k].getObject(0);
            }
            byte[] stored = expiredValues.get(i);
            KeyedState keyed = new KeyedState(values.state(stored), timeout, batchTimestampMs, watermarkMs,
                    watermarkPresent, true);
            call(key, java.util.Collections.emptyIterator(), keyed, out);
            save(store, expiredKeys.get(i), stored, keyed, values);
        }
        if (timeout == StateTimeout.PROCESSING_TIME) {
            long[] next = {Long.MAX_VALUE};
            store.forEach((key, value) -> {
                long deadline = values.timeout(value);
                if (deadline != KeyedState.NO_TIMESTAMP) {
                    next[0] = Math.min(next[0], deadline);
                }
            });
            streaming.nextProcessingTimeoutMs().accumulate(next[0]);
        }
    }

    private void call(Object[] key, Iterator<Object[]> rows, KeyedState state, OutputBuilder out) {
        try {
            function.call(key, rows, state, out);
        } catch (UnsupportedOperationException e) {
            throw e; // a timeout or watermark the query did not enable: Spark reports these as they are
        } catch (FluxoRuntimeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FluxoRuntimeException("FLATMAPGROUPSWITHSTATE_USER_FUNCTION_ERROR", "An error occurred in the "
                    + "user provided function in " + operatorName + ". Reason: " + e.getMessage(), e);
        }
    }

    /** Spark's rule: a key's entry changes only if the call updated or removed the state or changed the timeout. */
    private static void save(StateStore store, byte[] key, byte[] stored, KeyedState state, ValueCodec values) {
        long storedTimeout = stored == null ? KeyedState.NO_TIMESTAMP : values.timeout(stored);
        if (state.isRemoved() && state.timeoutTimestampMs() == KeyedState.NO_TIMESTAMP) {
            if (stored != null) {
                store.remove(key);
            }
            return;
        }
        if (state.isUpdated() || state.isRemoved() || state.timeoutTimestampMs() != storedTimeout) {
            store.put(key, values.encode(state.exists() ? state.get() : null, state.timeoutTimestampMs()));
        }
    }

    /** The rows of one group, as internal values, read from the partition's batches on demand. */
    private static final class GroupRows implements Iterator<Object[]> {
        private final List<ColumnBatch> input;
        private final long[] rows;
        private int next;
        private final int end;

        GroupRows(List<ColumnBatch> input, long[] rows, int from, int to) {
            this.input = input;
            this.rows = rows;
            this.next = from;
            this.end = to;
        }

        @Override
        public boolean hasNext() {
            return next < end;
        }

        @Override
        public Object[] next() {
            if (next >= end) {
                throw new NoSuchElementException();
            }
            long ref = rows[next++];
            ColumnBatch b = input.get((int) (ref >>> 32));
            int r = (int) ref;
            Object[] row = new Object[b.numColumns()];
            for (int c = 0; c < row.length; c++) {
                row[c] = b.column(c).getObject(r);
            }
            return row;
        }
    }

    /** Encodes and decodes a stored value: the state row (or null) and the timeout deadline. */
    private final class ValueCodec {
        private final BinaryRowCodec codec = new BinaryRowCodec(List.of(stateSchema, DataTypes.LongType));
        private final ColumnVector[] scratch = {ColumnVector.allocate(stateSchema, 1),
            ColumnVector.allocate(DataTypes.LongType, 1)};
        private final BinaryRowCodec.Encoded encoded = new BinaryRowCodec.Encoded();

        private void decode(byte[] value) {
            for (ColumnVector v : scratch) {
                v.truncate(0);
            }
            codec.decode(value, 0, scratch);
        }

        Object[] state(byte[] value) {
            decode(value);
            return (Object[]) scratch[0].getObject(0);
        }

        /** The deadline without decoding: the last field is a non-null BIGINT, so its 8 bytes end the value. */
        long timeout(byte[] value) {
            long v = 0;
            for (int i = value.length - 1; i >= value.length - 8; i--) {
                v = (v << 8) | (value[i] & 0xFF);
            }
            return v;
        }

        byte[] encode(Object[] state, long timeoutMs) {
            ColumnVector[] v = {ColumnVector.allocate(stateSchema, 1), ColumnVector.allocate(DataTypes.LongType, 1)};
            v[0].appendObject(state);
            v[1].appendObject(timeoutMs);
            codec.encode(v, 1, encoded);
            return Arrays.copyOf(encoded.bytes(), encoded.offsets()[1]);
        }
    }

    /** Collects the function's output rows into column batches. */
    private final class OutputBuilder implements Consumer<Object[]> {
        private final RowBatchBuilder rows = new RowBatchBuilder(
                output.stream().map(AttributeReference::dataType).toList());

        @Override
        public void accept(Object[] row) {
            ColumnVector[] vectors = rows.row();
            for (int c = 0; c < vectors.length; c++) {
                vectors[c].appendObject(row[c]);
            }
            rows.rowDone();
        }

        List<ColumnBatch> batches() {
            return rows.batches();
        }
    }

    @Override
    public String nodeString() {
        return (operatorName.equals("mapGroupsWithState") ? "MapGroupsWithState" : "FlatMapGroupsWithState")
                + (streaming == null ? "" : "(operator " + streaming.operatorId() + ", version "
                        + streaming.stateVersion() + ")")
                + " keys=" + Operators.exprs(boundKeys) + ", timeout " + timeout;
    }
}
