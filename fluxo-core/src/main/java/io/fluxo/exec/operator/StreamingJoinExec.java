package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.PredicateEvaluator;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.exec.hash.GroupByHashTable;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.state.StateStore;
import io.fluxo.state.StateStoreRegistry;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.row.BinaryRowCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An inner join of two streams for one state partition (both sides exchanged on the join keys): the rows of each side
 * are kept in that side's state store under their join key, so this batch's left rows meet the right rows of this and
 * every earlier batch, and this batch's right rows meet the left rows of earlier batches — each pair once. Rows with a
 * NULL in the key never match; only a side an outer join keeps stores them, to emit them unmatched.
 *
 * <p>Each batch runs in two passes. The first pairs the new rows with each other and with the stored rows of their
 * key and evaluates the residual condition on those candidate pairs, batch by batch, noting which rows (new or
 * stored) found a match. The second writes each key's rows back with their matched flags. Then the watermark
 * evicts: whole keys when a join key is event time, single rows when a time range bounds a side; an outer join
 * emits the evicted rows that never matched.
 */
public final class StreamingJoinExec implements PhysicalOperator {
    private static final java.lang.invoke.VarHandle INTS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, ByteOrder.LITTLE_ENDIAN);
    private final PhysicalOperator left;
    private final PhysicalOperator right;
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;
    private final Optional<Expression> residual;
    private final List<AttributeReference> output;
    private final StateStoreRegistry stores;
    private final int leftOperatorId;
    private final long stateVersion;
    private final Watermarks watermarks;
    private final Preserved preserved;

    /**
     * Where each side's watermarked event time is ({@code -1}: none; its rows at or before {@code lateMicros} are
     * dropped as late), and which join key is event time on both sides ({@code -1}: none; keys at or before
     * {@code evictionMicros} — a window by its end — leave both states, since no later row can match them).
     */
    public record Watermarks(int leftTime, int rightTime, int timeKey, long lateMicros, long evictionMicros,
            ValueBound leftBound, ValueBound rightBound) {
    }

    /**
     * A side's state value watermark (from a time-range condition): its rows whose column {@code timeOrdinal} is at or
     * before {@code thresholdMicros} can no longer match and leave the state.
     */
    public record ValueBound(int timeOrdinal, long thresholdMicros) {
    }

    /**
     * Which sides an outer join keeps when they find no match (emitted with NULLs once their key is evicted), or, for
     * a left semi join ({@code semi}), that a left row is emitted alone, once, when it first finds a match.
     */
    public record Preserved(boolean left, boolean right, boolean semi) {
    }

    public StreamingJoinExec(PhysicalOperator left, PhysicalOperator right, List<Expression> leftKeys,
            List<Expression> rightKeys, Optional<Expression> residual, List<AttributeReference> output,
            StateStoreRegistry stores, int leftOperatorId, long stateVersion, Watermarks watermarks,
            Preserved preserved) {
        this.left = left;
        this.right = right;
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.residual = residual;
        this.output = List.copyOf(output);
        this.stores = stores;
        this.leftOperatorId = leftOperatorId;
        this.stateVersion = stateVersion;
        this.watermarks = watermarks;
        this.preserved = preserved;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(left, right);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int numPartitions() {
        return left.numPartitions();
    }

    /** One side: its input, key expressions, column types and state store. */
    private final class Side {
        final PhysicalOperator input;
        final List<Expression> keys;
        final List<DataType> types;
        /** A row of the side as this batch has it, and as stored: the same with whether it has matched. */
        final BinaryRowCodec rowCodec;
        final BinaryRowCodec storedCodec;
        final List<DataType> storedTypes;
        final StateStore store;
        final int timeOrdinal;
        final boolean keptUnmatched;
        final ValueBound bound;
        final List<ColumnBatch> batches = new ArrayList<>();
        final List<BinaryRowCodec.Encoded> encoded = new ArrayList<>();
        final List<int[]> groupIds = new ArrayList<>();
        int[] starts;
        long[] rows;

        /** Stored rows of the keys this batch touches, decoded one after another; a key's run starts at storedBase. */
        ColumnVector[] stored;
        int storedCount;
        int[] storedBase;
        byte[][] storedValue;
        /** Which stored rows (by index in {@link #stored}) and new rows (by position in {@link #rows}) matched now. */
        boolean[] storedMatchedNow = new boolean[16];
        boolean[] newMatched;

        Side(PhysicalOperator input, List<Expression> keys, StateStore store, int timeOrdinal, boolean keptUnmatched,
                ValueBound bound) {
            this.input = input;
            this.timeOrdinal = timeOrdinal;
            this.keptUnmatched = keptUnmatched;
            this.bound = bound;
            this.keys = keys;
            this.types = input.output().stream().map(AttributeReference::dataType).toList();
            this.rowCodec = new BinaryRowCodec(types);
            List<DataType> withMatched = new ArrayList<>(types);
            withMatched.add(io.fluxo.types.DataTypes.BooleanType);
            this.storedTypes = List.copyOf(withMatched);
            this.storedCodec = new BinaryRowCodec(storedTypes);
            this.store = store;
        }

        /** Reads the side's rows of this batch, giving each the group id of its key. */
        void read(int partition, TaskContext context, GroupByHashTable groups) {
            VectorEvaluator[] keyEvals = Operators.compile(keys, context);
            try (BatchIterator in = input.open(partition, context)) {
                ColumnBatch b;
                long late = 0;
                while ((b = in.next()) != null) {
                    if (timeOrdinal >= 0) {
                        int before = b.numRows();
                        b = Operators.withoutLateRows(b, timeOrdinal, watermarks.lateMicros());
                        late += before - b.numRows();
                        if (b.numRows() == 0) {
                            continue;
                        }
                    }
                    int n = b.numRows();
                    ColumnVector[] keyVectors = new ColumnVector[keyEvals.length];
                    for (int k = 0; k < keyEvals.length; k++) {
                        keyVectors[k] = keyEvals[k].evaluate(b);
                    }
                    int[] ids = new int[n];
                    groups.groupIds(keyVectors, n, ids);
                    BinaryRowCodec.Encoded e = new BinaryRowCodec.Encoded();
                    rowCodec.encode(b.columns(), n, e);
                    batches.add(b);
                    encoded.add(e);
                    groupIds.add(ids);
                }
                store.countDroppedByWatermark(late);
            }
        }

        /** Orders the side's rows of this batch by group. */
        void index(int numGroups) {
            GroupedRows grouped = GroupedRows.of(groupIds, numGroups);
            starts = grouped.starts();
            rows = grouped.rows();
            newMatched = new boolean[rows.length];
            storedBase = new int[numGroups + 1];
            storedValue = new byte[numGroups][];
            stored = storedVectors();
        }

        boolean hasNew(int g) {
            return starts[g + 1] > starts[g];
        }

        /** The columns and row index of a new row, by its position in {@link #rows}. */
        ColumnVector[] newColumns(int position) {
            return batches.get((int) (rows[position] >>> 32)).columns();
        }

        int newIndex(int position) {
            return (int) rows[position];
        }

        /** Decodes the stored rows of group {@code g} after those of earlier groups; returns how many. */
        int loadStored(int g, byte[] value) {
            storedBase[g] = storedCount;
            storedValue[g] = value;
            int count = decodeStored(value, stored);
            storedCount += count;
            if (storedMatchedNow.length < storedCount) {
                storedMatchedNow = Arrays.copyOf(storedMatchedNow, Math.max(storedCount, storedMatchedNow.length * 2));
            }
            return count;
        }

        boolean storedMatchedBefore(int index) {
            return ((io.fluxo.vector.BooleanVector) stored[types.size()]).values()[index];
        }

        void markMatched(int ref) {
            if (ref >= 0) {
                newMatched[ref] = true;
            } else {
                storedMatchedNow[~ref] = true;
            }
        }

        /**
         * Group {@code g}'s value to store: its stored rows with the flags of this batch's matches, then its new rows
         * (but not, in a left semi join, new left rows that matched: they were emitted and need no memory, as Spark).
         */
        byte[] updated(int g, int count, boolean dropMatchedNew) {
            byte[] value = storedValue[g];
            if (value != null) {
                value = withMatches(value, storedBase[g], count);
            }
            return appended(value, g, dropMatchedNew);
        }

        /** Fresh vectors for stored rows: the side's columns, then whether each row has matched. */
        ColumnVector[] storedVectors() {
            return Operators.allocate(storedTypes, 16);
        }

        /** The stored rows of a key, decoded into {@code into} (appended); returns how many. */
        int decodeStored(byte[] value, ColumnVector[] into) {
            if (value == null) {
                return 0;
            }
            int count = ByteBuffer.wrap(value, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int p = 5;
            for (int i = 0; i < count; i++) {
                p = storedCodec.decode(value, p + 1, into);
            }
            return count;
        }

        /** A stored value with the rows that matched in this batch flagged (the flag is each row's last byte). */
        byte[] withMatches(byte[] value, int base, int count) {
            byte[] copy = null;
            ColumnVector[] scratch = null;
            int p = 5;
            for (int i = 0; i < count; i++) {
                if (scratch == null) {
                    scratch = storedVectors();
                }
                p = storedCodec.decode(value, p + 1, scratch);
                if (storedMatchedNow[base + i] && value[p - 1] == 0) {
                    if (copy == null) {
                        copy = value.clone();
                    }
                    copy[p - 1] = 1;
                }
            }
            return copy == null ? value : copy;
        }

        /**
         * The key's stored value with this batch's rows of group {@code g} appended, flagged {@code matched}: one row
         * of {@link StreamingJoinExec#valueSchema} in the binary row format (the array's null byte and count, then
         * each row with its null byte; a row is the side's columns, then its matched flag).
         */
        byte[] appended(byte[] value, int g, boolean dropMatched) {
            int count = value == null ? 0 : ByteBuffer.wrap(value, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int size = value == null ? 5 : value.length;
            int added = 0;
            for (int i = starts[g]; i < starts[g + 1]; i++) {
                if (dropMatched && newMatched[i]) {
                    continue;
                }
                BinaryRowCodec.Encoded e = encoded.get((int) (rows[i] >>> 32));
                int r = (int) rows[i];
                size += 3 + e.offsets()[r + 1] - e.offsets()[r];
                added++;
            }
            if (added == 0) {
                return value;
            }
            ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            if (value == null) {
                out.put((byte) 0).putInt(0);
            } else {
                out.put(value);
            }
            out.putInt(1, count + added);
            for (int i = starts[g]; i < starts[g + 1]; i++) {
                if (dropMatched && newMatched[i]) {
                    continue;
                }
                BinaryRowCodec.Encoded e = encoded.get((int) (rows[i] >>> 32));
                int r = (int) rows[i];
                out.put((byte) 0).put(e.bytes(), e.offsets()[r], e.offsets()[r + 1] - e.offsets()[r]);
                out.put((byte) 0).put((byte) (newMatched[i] ? 1 : 0));
            }
            return out.array();
        }

        /**
         * Forgets the keys whose event time the watermark has passed; for a side an outer join keeps, emits their
         * rows that never matched, with NULLs for the other side.
         */
        void evict(List<DataType> keyTypes, Output out, boolean isLeft) {
            BinaryRowCodec codec = new BinaryRowCodec(keyTypes);
            List<byte[]> passed = new ArrayList<>();
            List<byte[]> passedValues = new ArrayList<>();
            ColumnVector[] key = Operators.allocate(keyTypes, 1);
            store.forEach((k, v) -> {
                for (ColumnVector c : key) {
                    c.truncate(0);
                }
                codec.decode(k, 0, key);
                ColumnVector time = key[watermarks.timeKey()];
                if (time instanceof io.fluxo.vector.StructVector window) {
                    time = window.field(1);
                }
                if (!time.isNull(0) && ((io.fluxo.vector.LongVector) time).values()[0] <= watermarks.evictionMicros()) {
                    passed.add(k);
                    passedValues.add(v);
                }
            });
            for (int i = 0; i < passed.size(); i++) {
                if (keptUnmatched) {
                    ColumnVector[] stored = storedVectors();
                    int count = decodeStored(passedValues.get(i), stored);
                    ColumnVector[] columns = Arrays.copyOf(stored, types.size());
                    boolean[] matched = ((io.fluxo.vector.BooleanVector) stored[types.size()]).values();
                    for (int row = 0; row < count; row++) {
                        if (!matched[row]) {
                            out.alone(columns, row, isLeft);
                        }
                    }
                }
                store.remove(passed.get(i));
            }
        }

        /**
         * Drops the stored rows whose event time is at or before this side's value bound (Spark's state value
         * watermark); for a side an outer join keeps, emits those that never matched, with NULLs for the other side.
         */
        void evictRows(Output out, boolean isLeft) {
            // A scan in place finds the keys with a passed row; only those are decoded and rewritten.
            List<byte[]> passedKeys = new ArrayList<>();
            List<byte[]> passedValues = new ArrayList<>();
            int fields = storedTypes.size();
            int timeField = bound.timeOrdinal();
            long threshold = bound.thresholdMicros();
            store.scan((b, keyOffset, keyLength, valueOffset, valueLength) -> {
                int count = (int) INTS.get(b, valueOffset + 1);
                int p = valueOffset + 5;
                for (int i = 0; i < count; i++) {
                    int time = storedCodec.skip(b, p + 1, 0, timeField);
                    if (b[time] == 0 && (long) LONGS.get(b, time + 1) <= threshold) {
                        passedKeys.add(Arrays.copyOfRange(b, keyOffset, keyOffset + keyLength));
                        passedValues.add(Arrays.copyOfRange(b, valueOffset, valueOffset + valueLength));
                        return;
                    }
                    p = storedCodec.skip(b, time, timeField, fields);
                }
            });
            ColumnVector[] scratch = storedVectors();
            for (int k = 0; k < passedKeys.size(); k++) {
                byte[] v = passedValues.get(k);
                for (ColumnVector c : scratch) {
                    c.truncate(0);
                }
                int count = (int) INTS.get(v, 1);
                int[] bounds = new int[count + 1];
                bounds[0] = 5;
                for (int i = 0; i < count; i++) {
                    bounds[i + 1] = storedCodec.decode(v, bounds[i] + 1, scratch);
                }
                io.fluxo.vector.LongVector time = (io.fluxo.vector.LongVector) scratch[timeField];
                boolean[] matched = ((io.fluxo.vector.BooleanVector) scratch[types.size()]).values();
                ColumnVector[] columns = Arrays.copyOf(scratch, types.size());
                int kept = 0;
                int keptBytes = 5;
                for (int i = 0; i < count; i++) {
                    if (time.isNull(i) || time.values()[i] > threshold) {
                        kept++;
                        keptBytes += bounds[i + 1] - bounds[i];
                    } else if (keptUnmatched && !matched[i]) {
                        out.alone(columns, i, isLeft);
                    }
                }
                if (kept == 0) {
                    store.remove(passedKeys.get(k));
                    continue;
                }
                ByteBuffer rest = ByteBuffer.allocate(keptBytes).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0)
                        .putInt(kept);
                for (int i = 0; i < count; i++) {
                    if (time.isNull(i) || time.values()[i] > threshold) {
                        rest.put(v, bounds[i], bounds[i + 1] - bounds[i]);
                    }
                }
                store.put(passedKeys.get(k), rest.array());
            }
        }
    }

    /** A side's stored value, as the state reader shows it: every kept row of the key. */
    private static StructType valueSchema(PhysicalOperator side) {
        StructType row = StructType.empty();
        for (AttributeReference a : side.output()) {
            row = row.add(a.name(), a.dataType(), true);
        }
        row = row.add("matched", io.fluxo.types.DataTypes.BooleanType, true);
        return StructType.empty().add("rows", new ArrayType(row, false), false);
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        StructType keySchema = StructType.empty();
        for (int i = 0; i < leftKeys.size(); i++) {
            keySchema = keySchema.add("key" + i, leftKeys.get(i).dataType(), true);
        }
        StateStore leftStore = null;
        StateStore rightStore = null;
        try {
            stores.checkSchema(leftOperatorId, "stream-stream join, left side", keySchema.sql(),
                    valueSchema(left).sql());
            stores.checkSchema(leftOperatorId + 1, "stream-stream join, right side", keySchema.sql(),
                    valueSchema(right).sql());
            leftStore = stores.acquire(leftOperatorId, partition, stateVersion);
            rightStore = stores.acquire(leftOperatorId + 1, partition, stateVersion);
            List<ColumnBatch> out = run(new Side(left, leftKeys, leftStore, watermarks.leftTime(), preserved.left(),
                    watermarks.leftBound()), new Side(right, rightKeys, rightStore, watermarks.rightTime(),
                    preserved.right(), watermarks.rightBound()), partition, context);
            leftStore.commit();
            rightStore.commit();
            return BatchIterator.of(out);
        } catch (RuntimeException | Error e) {
            if (leftStore != null) {
                leftStore.abort();
            }
            if (rightStore != null) {
                rightStore.abort();
            }
            throw e;
        }
    }

    private List<ColumnBatch> run(Side l, Side r, int partition, TaskContext context) {
        long started = System.nanoTime();
        List<DataType> keyTypes = leftKeys.stream().map(Expression::dataType).toList();
        GroupByHashTable groups = GroupByHashTable.create(keyTypes);
        l.read(partition, context, groups);
        r.read(partition, context, groups);
        int numGroups = groups.size();
        l.index(numGroups);
        r.index(numGroups);
        ColumnVector[] groupKeys = Operators.allocate(keyTypes, Math.max(1, numGroups));
        groups.appendKeys(0, numGroups, groupKeys);
        BinaryRowCodec.Encoded keyBytes = new BinaryRowCodec.Encoded();
        new BinaryRowCodec(keyTypes).encode(groupKeys, numGroups, keyBytes);
        boolean[] nullKey = new boolean[numGroups];
        int[] leftCounts = new int[numGroups];
        int[] rightCounts = new int[numGroups];

        // Pass 1: candidate pairs of each key — new left × stored right, stored left × new right, new × new.
        Output out = new Output(context, l, r);
        for (int g = 0; g < numGroups; g++) {
            if (!l.hasNew(g) && !r.hasNew(g)) {
                continue;
            }
            if (hasNull(groupKeys, g)) {
                nullKey[g] = true;
                continue;
            }
            int from = keyBytes.offsets()[g];
            int to = keyBytes.offsets()[g + 1];
            int leftCount = l.loadStored(g, l.store.get(keyBytes.bytes(), from, to));
            int rightCount = r.loadStored(g, r.store.get(keyBytes.bytes(), from, to));
            leftCounts[g] = leftCount;
            rightCounts[g] = rightCount;
            int leftBase = l.storedBase[g];
            int rightBase = r.storedBase[g];
            for (int i = l.starts[g]; i < l.starts[g + 1]; i++) {
                for (int s = 0; s < rightCount; s++) {
                    out.candidate(l.newColumns(i), l.newIndex(i), i, r.stored, rightBase + s, ~(rightBase + s));
                }
            }
            for (int j = r.starts[g]; j < r.starts[g + 1]; j++) {
                ColumnVector[] rightRow = r.newColumns(j);
                int rightIndex = r.newIndex(j);
                for (int s = 0; s < leftCount; s++) {
                    out.candidate(l.stored, leftBase + s, ~(leftBase + s), rightRow, rightIndex, j);
                }
                for (int i = l.starts[g]; i < l.starts[g + 1]; i++) {
                    out.candidate(l.newColumns(i), l.newIndex(i), i, rightRow, rightIndex, j);
                }
            }
        }
        out.evaluatePairs();

        // Pass 2: each key's rows go back with their matched flags; a semi join emits left rows matched first now.
        for (int g = 0; g < numGroups; g++) {
            if (!l.hasNew(g) && !r.hasNew(g)) {
                continue;
            }
            byte[] key = key(keyBytes, keyBytes.offsets()[g], keyBytes.offsets()[g + 1]);
            if (nullKey[g]) {
                // A NULL in the key never matches; an outer join keeps such rows to emit them unmatched.
                if (l.hasNew(g) && l.keptUnmatched) {
                    l.store.put(key, l.appended(l.store.get(key), g, false));
                }
                if (r.hasNew(g) && r.keptUnmatched) {
                    r.store.put(key.clone(), r.appended(r.store.get(key), g, false));
                }
                continue;
            }
            if (preserved.semi()) {
                for (int s = l.storedBase[g]; s < l.storedBase[g] + leftCounts[g]; s++) {
                    if (l.storedMatchedNow[s] && !l.storedMatchedBefore(s)) {
                        out.alone(l.stored, s, true);
                    }
                }
                for (int i = l.starts[g]; i < l.starts[g + 1]; i++) {
                    if (l.newMatched[i]) {
                        out.alone(l.newColumns(i), l.newIndex(i), true);
                    }
                }
            }
            byte[] leftValue = l.updated(g, leftCounts[g], preserved.semi());
            if (leftValue != l.storedValue[g]) {
                l.store.put(key, leftValue);
            }
            byte[] rightValue = r.updated(g, rightCounts[g], false);
            if (rightValue != r.storedValue[g]) {
                r.store.put(key.clone(), rightValue);
            }
        }
        long joined = System.nanoTime();
        l.store.addUpdateTime(joined - started);
        if (watermarks.timeKey() >= 0) {
            l.evict(keyTypes, out, true);
            r.evict(keyTypes, out, false);
        }
        if (l.bound != null) {
            l.evictRows(out, true);
        }
        if (r.bound != null) {
            r.evictRows(out, false);
        }
        l.store.addRemovalTime(System.nanoTime() - joined);
        return out.batches();
    }

    private static boolean hasNull(ColumnVector[] keys, int row) {
        for (ColumnVector k : keys) {
            if (k.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] key(BinaryRowCodec.Encoded keyBytes, int from, int to) {
        return Arrays.copyOfRange(keyBytes.bytes(), from, to);
    }

    /**
     * The join's output: candidate pairs, kept when the residual condition holds (each kept pair marks its two rows
     * matched, by reference: {@code >= 0} a new row's position, {@code < 0} the complement of a stored row's index),
     * and rows of one side alone (unmatched rows of an outer join, left rows of a semi join).
     */
    private final class Output {
        private final Side l;
        private final Side r;
        private final RowBatchBuilder pairs;
        private final RowBatchBuilder alone;
        private final boolean emitPairs;
        private final boolean conditional;
        private int[] leftRefs = new int[ColumnBatch.DEFAULT_SIZE];
        private int[] rightRefs = new int[ColumnBatch.DEFAULT_SIZE];
        private int pending;

        Output(TaskContext context, Side l, Side r) {
            this.l = l;
            this.r = r;
            this.emitPairs = !preserved.semi();
            this.conditional = residual.isPresent();
            PredicateEvaluator condition = residual.map(e -> ExpressionCompiler.compilePredicate(e,
                    context.evalContext())).orElse(null);
            List<DataType> types = output.stream().map(AttributeReference::dataType).toList();
            List<DataType> pairTypes = new ArrayList<>(left.output().stream().map(AttributeReference::dataType)
                    .toList());
            right.output().forEach(a -> pairTypes.add(a.dataType()));
            pairs = new RowBatchBuilder(pairTypes, b -> {
                int[] selection = new int[b.numRows()];
                int kept = condition.select(b, selection);
                for (int k = 0; k < kept; k++) {
                    l.markMatched(leftRefs[selection[k]]);
                    r.markMatched(rightRefs[selection[k]]);
                }
                pending = 0;
                if (!emitPairs) {
                    return b.gather(selection, 0);
                }
                return kept == b.numRows() ? b : b.gather(selection, kept);
            });
            alone = new RowBatchBuilder(types);
        }

        /** A left row and a right row of one key; without a residual condition they match outright. */
        void candidate(ColumnVector[] leftRow, int leftIndex, int leftRef, ColumnVector[] rightRow, int rightIndex,
                int rightRef) {
            if (!conditional) {
                l.markMatched(leftRef);
                r.markMatched(rightRef);
                if (emitPairs) {
                    append(alone, leftRow, leftIndex, rightRow, rightIndex);
                }
                return;
            }
            leftRefs[pending] = leftRef;
            rightRefs[pending] = rightRef;
            pending++;
            append(pairs, leftRow, leftIndex, rightRow, rightIndex);
        }

        private void append(RowBatchBuilder into, ColumnVector[] leftRow, int leftIndex, ColumnVector[] rightRow,
                int rightIndex) {
            ColumnVector[] current = into.row();
            for (int c = 0; c < leftRow.length && c < l.types.size(); c++) {
                current[c].appendFrom(leftRow[c], leftIndex);
            }
            int leftWidth = l.types.size();
            for (int c = 0; c < r.types.size(); c++) {
                current[leftWidth + c].appendFrom(rightRow[c], rightIndex);
            }
            into.rowDone();
        }

        /** Evaluates the pairs still waiting for the residual condition, so every match is flagged. */
        void evaluatePairs() {
            pairs.batches();
        }

        /** A row of one side that found no match (NULLs for the other side's columns), or a semi join's left row. */
        void alone(ColumnVector[] row, int index, boolean isLeft) {
            ColumnVector[] current = alone.row();
            if (preserved.semi()) {
                for (int c = 0; c < current.length; c++) {
                    current[c].appendFrom(row[c], index);
                }
                alone.rowDone();
                return;
            }
            int leftWidth = l.types.size();
            for (int c = 0; c < current.length; c++) {
                boolean ours = isLeft ? c < leftWidth : c >= leftWidth;
                if (ours) {
                    current[c].appendFrom(row[isLeft ? c : c - leftWidth], index);
                } else {
                    current[c].appendNull();
                }
            }
            alone.rowDone();
        }

        List<ColumnBatch> batches() {
            List<ColumnBatch> all = new ArrayList<>(pairs.batches());
            all.addAll(alone.batches());
            return all;
        }
    }

    @Override
    public String nodeString() {
        return "StreamingJoin(operators " + leftOperatorId + "-" + (leftOperatorId + 1) + ", version " + stateVersion
                + ", keys=" + Operators.exprs(leftKeys) + " = " + Operators.exprs(rightKeys)
                + residual.map(e -> ", condition=" + e.sql()).orElse("") + ")";
    }
}
