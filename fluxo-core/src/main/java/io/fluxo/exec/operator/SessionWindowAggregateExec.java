package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.exec.hash.GroupByHashTable;
import io.fluxo.exec.operator.HashAggregateExec.AggregateSpec;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.function.scalar.TimeWindowFunctions;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.state.StateStore;
import io.fluxo.state.StateStoreRegistry;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;
import io.fluxo.vector.row.BinaryRowCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Aggregation by {@code session_window(ts, gap)} and other keys, per partition (rows arrive exchanged on the other
 * keys): each row opens the window {@code [ts, ts + gap)}, and the overlapping windows of one key merge into a
 * session. In a streaming query ({@code stores} set) the open sessions of each key, with their partial aggregates,
 * are kept in the state store and merged with the new rows of every batch; append mode emits a session once the
 * watermark passes its end, update mode emits the sessions a batch changed, complete mode all of them.
 */
public final class SessionWindowAggregateExec implements PhysicalOperator {
    private final List<Expression> otherKeys;
    private final Expression eventTime;
    private final long gap;
    /** The gap of each row (an interval string expression), or null when every row has {@link #gap}. */
    private final Expression gapPerRow;
    private final int sessionKey;
    private final List<AggregateSpec> aggregates;
    private final List<DataType> stateTypes;
    private final List<AttributeReference> output;
    private final PhysicalOperator child;
    private final StateStoreRegistry stores;
    private final int operatorId;
    private final long stateVersion;
    private final String outputMode;
    private final long lateWatermark;
    private final long evictionWatermark;

    /**
     * @param sessionKey where the session window stands among the grouping keys of the output
     * @param stores null in a batch query
     */
    public SessionWindowAggregateExec(List<Expression> otherKeys, Expression eventTime, long gap,
            Expression gapPerRow, int sessionKey,
            List<AggregateSpec> aggregates, List<AttributeReference> output, PhysicalOperator child,
            StateStoreRegistry stores, int operatorId, long stateVersion, String outputMode, boolean watermarked,
            long lateWatermark, long evictionWatermark) {
        this.otherKeys = List.copyOf(otherKeys);
        this.eventTime = eventTime;
        this.gap = gap;
        this.gapPerRow = gapPerRow;
        this.sessionKey = sessionKey;
        this.aggregates = List.copyOf(aggregates);
        List<DataType> states = new ArrayList<>();
        aggregates.forEach(a -> states.addAll(a.function().stateTypes()));
        this.stateTypes = List.copyOf(states);
        this.output = List.copyOf(output);
        this.child = child;
        this.stores = stores;
        this.operatorId = operatorId;
        this.stateVersion = stateVersion;
        this.outputMode = outputMode;
        this.lateWatermark = watermarked ? lateWatermark : Long.MIN_VALUE;
        this.evictionWatermark = watermarked && !outputMode.equals("complete") ? evictionWatermark : Long.MIN_VALUE;
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

    /** A window to merge: a stored session (with its state at {@code stateRow}) or a new row's window. */
    private record Item(int group, long start, long end, int stateRow, int batch, int row) {
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        StateStore store = null;
        if (stores != null) {
            StructType key = StructType.empty();
            for (int i = 0, k = 0; i < otherKeys.size() + 1; i++) {
                if (i != sessionKey) {
                    key = key.add(output.get(i).name(), otherKeys.get(k++).dataType(), true);
                }
            }
            stores.checkSchema(operatorId, "session window aggregate "
                    + aggregates.stream().map(AggregateSpec::description).toList(), key.sql(), valueSchema().sql());
            store = stores.acquire(operatorId, partition, stateVersion);
        }
        StateStore acquired = store;
        return Operators.committing(store, () -> {
            long started = System.nanoTime();
            List<ColumnBatch> out = run(acquired, partition, context);
            if (acquired != null) {
                // Sessions are merged, emitted and evicted in one pass: it all counts as updating.
                acquired.addUpdateTime(System.nanoTime() - started);
            }
            return out;
        });
    }

    private List<ColumnBatch> run(StateStore store, int partition, TaskContext context) {
        List<DataType> keyTypes = otherKeys.stream().map(Expression::dataType).toList();
        BinaryRowCodec keyCodec = new BinaryRowCodec(keyTypes);
        List<DataType> sessionTypes = new ArrayList<>(List.of(DataTypes.TimestampType, DataTypes.TimestampType));
        sessionTypes.addAll(stateTypes);
        BinaryRowCodec sessionCodec = new BinaryRowCodec(sessionTypes);
        GroupByHashTable keys = GroupByHashTable.create(keyTypes);
        List<Item> items = new ArrayList<>();

        // Stored sessions of every key come first: the watermark may close sessions of keys without new rows.
        ColumnVector[] storedSessions = Operators.allocate(sessionTypes, 16);
        if (store != null) {
            List<byte[][]> entries = new ArrayList<>();
            store.forEach((k, v) -> entries.add(new byte[][] {k, v}));
            ColumnVector[] storedKeys = Operators.allocate(keyTypes, Math.max(1, entries.size()));
            for (byte[][] entry : entries) {
                keyCodec.decode(entry[0], 0, storedKeys);
            }
            int[] ids = new int[entries.size()];
            keys.groupIds(storedKeys, entries.size(), ids);
            int stateRow = 0;
            for (int e = 0; e < entries.size(); e++) {
                byte[] value = entries.get(e)[1];
                // The value is one row of valueSchema(): a non-null array of non-null session structs.
                int count = ByteBuffer.wrap(value, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                int p = 5;
                for (int s = 0; s < count; s++) {
                    p = sessionCodec.decode(value, p + 1, storedSessions);
                    long start = ((LongVector) storedSessions[0]).values()[stateRow];
                    long end = ((LongVector) storedSessions[1]).values()[stateRow];
                    items.add(new Item(ids[e], start, end, stateRow++, -1, -1));
                }
            }
        }

        VectorEvaluator[] keyEvals = Operators.compile(otherKeys, context);
        VectorEvaluator timeEval = ExpressionCompiler.compile(eventTime, context.evalContext());
        VectorEvaluator gapEval = gapPerRow == null ? null : ExpressionCompiler.compile(gapPerRow,
                context.evalContext());
        TimeWindowFunctions.SessionGaps gapTexts = new TimeWindowFunctions.SessionGaps();
        long[] gaps = null;
        List<VectorEvaluator[]> argEvals = new ArrayList<>();
        for (AggregateSpec a : aggregates) {
            argEvals.add(Operators.compile(a.boundArguments(), context));
        }
        List<ColumnBatch> batches = new ArrayList<>();
        long late = 0;
        try (BatchIterator in = child.open(partition, context)) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                int n = b.numRows();
                ColumnVector times = timeEval.evaluate(b);
                long[] t = ((LongVector) times).values();
                ColumnVector[] keyVectors = new ColumnVector[keyEvals.length];
                for (int k = 0; k < keyEvals.length; k++) {
                    keyVectors[k] = keyEvals[k].evaluate(b);
                }
                int[] ids = new int[n];
                keys.groupIds(keyVectors, n, ids);
                int batch = batches.size();
                batches.add(b);
                if (gapEval != null) {
                    gaps = gaps == null || gaps.length < n ? new long[Math.max(n, 16)] : gaps;
                    gapTexts.micros(gapEval.evaluate(b), n, gaps);
                }
                for (int i = 0; i < n; i++) {
                    long rowGap = gapEval == null ? gap : gaps[i];
                    if (times.isNull(i) || rowGap <= 0) {
                        continue; // a row without a time or a positive gap is in no session, as in Spark
                    }
                    if (t[i] + rowGap <= lateWatermark) {
                        late++;
                        continue;
                    }
                    items.add(new Item(ids[i], t[i], t[i] + rowGap, -1, batch, i));
                }
            }
        }
        if (store != null) {
            store.countDroppedByWatermark(late);
        }

        // Merge the windows of each key into sessions: sorted by start, a window that starts before the current
        // session ends joins it.
        items.sort(Comparator.comparingInt(Item::group).thenComparingLong(Item::start));
        int[] sessionOf = new int[items.size()];
        List<long[]> sessions = new ArrayList<>(); // {key group, start, end, touched}
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            long[] current = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
            if (current == null || current[0] != item.group() || item.start() >= current[2]) {
                current = new long[] {item.group(), item.start(), item.end(), 0};
                sessions.add(current);
            } else {
                current[2] = Math.max(current[2], item.end());
            }
            if (item.batch() >= 0) {
                current[3] = 1;
            }
            sessionOf[i] = sessions.size() - 1;
        }

        GroupedAggregator[] aggs = new GroupedAggregator[aggregates.size()];
        for (int a = 0; a < aggs.length; a++) {
            aggs[a] = aggregates.get(a).function().newGroupedAggregator();
            aggs[a].ensureCapacity(sessions.size());
        }
        mergeStoredStates(items, sessionOf, storedSessions, aggs);
        updateWithNewRows(items, sessionOf, batches, argEvals, aggs);
        return emitAndSave(store, keys, keyTypes, keyCodec, sessionCodec, sessionTypes, sessions, aggs);
    }

    private void mergeStoredStates(List<Item> items, int[] sessionOf, ColumnVector[] storedSessions,
            GroupedAggregator[] aggs) {
        int[] rows = new int[items.size()];
        int[] ids = new int[items.size()];
        int count = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).stateRow() >= 0) {
                rows[count] = items.get(i).stateRow();
                ids[count++] = sessionOf[i];
            }
        }
        if (count == 0) {
            return;
        }
        int column = 2;
        for (int a = 0; a < aggs.length; a++) {
            int width = aggregates.get(a).function().stateTypes().size();
            ColumnVector[] states = new ColumnVector[width];
            for (int w = 0; w < width; w++) {
                states[w] = storedSessions[column + w].gather(rows, count);
            }
            aggs[a].merge(ids, states, count);
            column += width;
        }
    }

    private void updateWithNewRows(List<Item> items, int[] sessionOf, List<ColumnBatch> batches,
            List<VectorEvaluator[]> argEvals, GroupedAggregator[] aggs) {
        for (int batch = 0; batch < batches.size(); batch++) {
            int[] rows = new int[items.size()];
            int[] ids = new int[items.size()];
            int count = 0;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).batch() == batch) {
                    rows[count] = items.get(i).row();
                    ids[count++] = sessionOf[i];
                }
            }
            if (count == 0) {
                continue;
            }
            ColumnBatch kept = batches.get(batch).gather(rows, count);
            for (int a = 0; a < aggs.length; a++) {
                VectorEvaluator[] evals = argEvals.get(a);
                ColumnVector[] args = new ColumnVector[evals.length];
                for (int k = 0; k < evals.length; k++) {
                    args[k] = evals[k].evaluate(kept);
                }
                aggs[a].update(ids, args, count);
            }
        }
    }

    private List<ColumnBatch> emitAndSave(StateStore store, GroupByHashTable keys, List<DataType> keyTypes,
            BinaryRowCodec keyCodec, BinaryRowCodec sessionCodec, List<DataType> sessionTypes,
            List<long[]> sessions, GroupedAggregator[] aggs) {
        int total = sessions.size();
        boolean append = outputMode.equals("append");
        boolean complete = outputMode.equals("complete") || store == null;
        ColumnVector[] allKeys = Operators.allocate(keyTypes, Math.max(1, keys.size()));
        if (!keyTypes.isEmpty()) {
            keys.appendKeys(0, keys.size(), allKeys);
        }
        int[] keyOfSession = new int[total];
        long[] starts = new long[Math.max(1, total)];
        long[] ends = new long[Math.max(1, total)];
        int[] emitted = new int[total];
        int numEmitted = 0;
        for (int s = 0; s < total; s++) {
            long[] session = sessions.get(s);
            keyOfSession[s] = (int) session[0];
            starts[s] = session[1];
            ends[s] = session[2];
            boolean closed = ends[s] <= evictionWatermark;
            if (complete || (append ? closed : session[3] == 1)) {
                emitted[numEmitted++] = s;
            }
        }
        if (store != null) {
            save(store, keys.size(), allKeys, keyCodec, sessionCodec, sessionTypes, sessions, starts, ends, aggs);
        }
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < numEmitted; from += ColumnBatch.DEFAULT_SIZE) {
            int count = Math.min(ColumnBatch.DEFAULT_SIZE, numEmitted - from);
            int[] picked = Arrays.copyOfRange(emitted, from, from + count);
            int[] keyRows = new int[count];
            long[] s = new long[count];
            long[] e = new long[count];
            for (int i = 0; i < count; i++) {
                keyRows[i] = keyOfSession[picked[i]];
                s[i] = starts[picked[i]];
                e[i] = ends[picked[i]];
            }
            List<ColumnVector> columns = new ArrayList<>();
            int other = 0;
            for (int k = 0; k <= otherKeys.size(); k++) {
                if (k == sessionKey) {
                    columns.add(StructVector.wrap(TimeWindowFunctions.WINDOW_TYPE, new ColumnVector[] {
                        LongVector.wrap(DataTypes.TimestampType, s, count, null),
                        LongVector.wrap(DataTypes.TimestampType, e, count, null)}, count, null));
                } else {
                    columns.add(allKeys[other++].gather(keyRows, count));
                }
            }
            for (int a = 0; a < aggs.length; a++) {
                ColumnVector all = ColumnVector.allocate(aggregates.get(a).function().resultType(), total);
                aggs[a].writeResults(0, total, all);
                columns.add(all.gather(picked, count));
            }
            out.add(new ColumnBatch(columns.toArray(ColumnVector[]::new), count));
        }
        return out;
    }

    /** Writes each key's sessions that stay open (all of them but those the watermark closed) back to the store. */
    private void save(StateStore store, int numKeys, ColumnVector[] allKeys, BinaryRowCodec keyCodec,
            BinaryRowCodec sessionCodec, List<DataType> sessionTypes, List<long[]> sessions, long[] starts,
            long[] ends, GroupedAggregator[] aggs) {
        int total = sessions.size();
        ColumnVector[] stateColumns = Operators.allocate(stateTypes, Math.max(1, total));
        int column = 0;
        for (int a = 0; a < aggs.length; a++) {
            int width = aggregates.get(a).function().stateTypes().size();
            aggs[a].writeStates(0, total, Arrays.copyOfRange(stateColumns, column, column + width));
            column += width;
        }
        ColumnVector[] sessionColumns = new ColumnVector[sessionTypes.size()];
        sessionColumns[0] = LongVector.wrap(DataTypes.TimestampType, starts, total, null);
        sessionColumns[1] = LongVector.wrap(DataTypes.TimestampType, ends, total, null);
        System.arraycopy(stateColumns, 0, sessionColumns, 2, stateColumns.length);
        BinaryRowCodec.Encoded encodedSessions = new BinaryRowCodec.Encoded();
        sessionCodec.encode(sessionColumns, total, encodedSessions);
        BinaryRowCodec.Encoded encodedKeys = new BinaryRowCodec.Encoded();
        keyCodec.encode(allKeys, numKeys, encodedKeys);
        int s = 0;
        for (int key = 0; key < numKeys; key++) {
            List<Integer> open = new ArrayList<>();
            while (s < total && sessions.get(s)[0] == key) {
                if (ends[s] > evictionWatermark) {
                    open.add(s);
                }
                s++;
            }
            byte[] keyBytes = Arrays.copyOfRange(encodedKeys.bytes(), encodedKeys.offsets()[key],
                    encodedKeys.offsets()[key + 1]);
            if (open.isEmpty()) {
                store.remove(keyBytes);
                continue;
            }
            // One row of valueSchema() in the binary row format: the array's null byte and count, then each session
            // struct with its null byte.
            int size = 5;
            for (int o : open) {
                size += 1 + encodedSessions.offsets()[o + 1] - encodedSessions.offsets()[o];
            }
            ByteBuffer value = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0)
                    .putInt(open.size());
            for (int o : open) {
                value.put((byte) 0).put(encodedSessions.bytes(), encodedSessions.offsets()[o],
                        encodedSessions.offsets()[o + 1] - encodedSessions.offsets()[o]);
            }
            store.put(keyBytes, value.array());
        }
    }

    /** What a key's state holds, as the state reader shows it: its open sessions with their partial aggregates. */
    private StructType valueSchema() {
        StructType session = StructType.empty().add("start", DataTypes.TimestampType, false)
                .add("end", DataTypes.TimestampType, false);
        for (AggregateSpec a : aggregates) {
            List<DataType> types = a.function().stateTypes();
            for (int w = 0; w < types.size(); w++) {
                session = session.add(a.description() + "_state" + w, types.get(w), true);
            }
        }
        return StructType.empty().add("sessions", new io.fluxo.types.ArrayType(session, false), false);
    }

    @Override
    public String nodeString() {
        return "SessionWindowAggregate(gap " + (gapPerRow == null ? gap + " us" : gapPerRow.sql()) + ", keys=" + Operators.exprs(otherKeys) + ", functions="
                + aggregates.stream().map(AggregateSpec::description).toList() + ")";
    }
}
