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
 */
public final class StreamingJoinExec implements PhysicalOperator {
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
    public record Watermarks(int leftTime, int rightTime, int timeKey, long lateMicros, long evictionMicros) {
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
        final List<ColumnBatch> batches = new ArrayList<>();
        final List<BinaryRowCodec.Encoded> encoded = new ArrayList<>();
        final List<int[]> groupIds = new ArrayList<>();
        int[] starts;
        long[] rows;

        Side(PhysicalOperator input, List<Expression> keys, StateStore store, int timeOrdinal, boolean keptUnmatched) {
            this.input = input;
            this.timeOrdinal = timeOrdinal;
            this.keptUnmatched = keptUnmatched;
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

        /** A copy of a stored value with every row marked matched (the flag is each row's last byte). */
        byte[] allMatched(byte[] value) {
            byte[] copy = value.clone();
            ColumnVector[] scratch = storedVectors();
            int count = ByteBuffer.wrap(value, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int p = 5;
            for (int i = 0; i < count; i++) {
                p = storedCodec.decode(value, p + 1, scratch);
                copy[p - 1] = 1;
            }
            return copy;
        }

        /**
         * The key's stored value with this batch's rows of group {@code g} appended, flagged {@code matched}: one row
         * of {@link StreamingJoinExec#valueSchema} in the binary row format (the array's null byte and count, then
         * each row with its null byte; a row is the side's columns, then its matched flag).
         */
        byte[] appended(byte[] value, int g, boolean matched) {
            int count = value == null ? 0 : ByteBuffer.wrap(value, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int size = value == null ? 5 : value.length;
            for (int i = starts[g]; i < starts[g + 1]; i++) {
                BinaryRowCodec.Encoded e = encoded.get((int) (rows[i] >>> 32));
                int r = (int) rows[i];
                size += 3 + e.offsets()[r + 1] - e.offsets()[r];
            }
            ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            if (value == null) {
                out.put((byte) 0).putInt(0);
            } else {
                out.put(value);
            }
            out.putInt(1, count + starts[g + 1] - starts[g]);
            for (int i = starts[g]; i < starts[g + 1]; i++) {
                BinaryRowCodec.Encoded e = encoded.get((int) (rows[i] >>> 32));
                int r = (int) rows[i];
                out.put((byte) 0).put(e.bytes(), e.offsets()[r], e.offsets()[r + 1] - e.offsets()[r]);
                out.put((byte) 0).put((byte) (matched ? 1 : 0));
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
            List<ColumnBatch> out = run(new Side(left, leftKeys, leftStore, watermarks.leftTime(), preserved.left()),
                    new Side(right, rightKeys, rightStore, watermarks.rightTime(), preserved.right()), partition,
                    context);
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

        Output out = new Output(context);
        for (int g = 0; g < numGroups; g++) {
            int from = keyBytes.offsets()[g];
            int to = keyBytes.offsets()[g + 1];
            boolean newLeft = l.starts[g + 1] > l.starts[g];
            boolean newRight = r.starts[g + 1] > r.starts[g];
            if (!newLeft && !newRight) {
                continue;
            }
            if (hasNull(groupKeys, g)) {
                // A NULL in the key never matches; an outer join keeps such rows to emit them unmatched.
                byte[] key = key(keyBytes, from, to);
                if (newLeft && l.keptUnmatched) {
                    l.store.put(key, l.appended(l.store.get(key), g, false));
                }
                if (newRight && r.keptUnmatched) {
                    r.store.put(key.clone(), r.appended(r.store.get(key), g, false));
                }
                continue;
            }
            byte[] leftStored = l.store.get(keyBytes.bytes(), from, to);
            byte[] rightStored = r.store.get(keyBytes.bytes(), from, to);
            if (preserved.semi()) {
                semi(l, r, g, key(keyBytes, from, to), leftStored, rightStored, out);
                continue;
            }
            if (newLeft && rightStored != null) {
                ColumnVector[] stored = r.storedVectors();
                int count = r.decodeStored(rightStored, stored);
                ColumnVector[] columns = Arrays.copyOf(stored, r.types.size());
                for (int i = l.starts[g]; i < l.starts[g + 1]; i++) {
                    for (int s = 0; s < count; s++) {
                        out.pair(l.batches.get((int) (l.rows[i] >>> 32)).columns(), (int) l.rows[i], columns, s);
                    }
                }
            }
            if (newRight) {
                ColumnVector[] stored = l.storedVectors();
                int count = l.decodeStored(leftStored, stored);
                ColumnVector[] columns = Arrays.copyOf(stored, l.types.size());
                for (int j = r.starts[g]; j < r.starts[g + 1]; j++) {
                    ColumnVector[] rightRow = r.batches.get((int) (r.rows[j] >>> 32)).columns();
                    int rightIndex = (int) r.rows[j];
                    for (int s = 0; s < count; s++) {
                        out.pair(columns, s, rightRow, rightIndex);
                    }
                    for (int i = l.starts[g]; i < l.starts[g + 1]; i++) {
                        out.pair(l.batches.get((int) (l.rows[i] >>> 32)).columns(), (int) l.rows[i], rightRow,
                                rightIndex);
                    }
                }
            }
            // Without a residual condition every row of a key matches every row of the other side, and a key is
            // stored only with rows: a row has matched once the other side has any row of its key. A kept side's
            // stored rows become matched when the other side's new rows arrive.
            byte[] key = key(keyBytes, from, to);
            boolean markLeft = newRight && leftStored != null && l.keptUnmatched;
            if (newLeft || markLeft) {
                l.store.put(key, l.appended(markLeft ? l.allMatched(leftStored) : leftStored, g,
                        rightStored != null || newRight));
            }
            boolean markRight = newLeft && rightStored != null && r.keptUnmatched;
            if (newRight || markRight) {
                r.store.put(key.clone(), r.appended(markRight ? r.allMatched(rightStored) : rightStored, g,
                        leftStored != null || newLeft));
            }
        }
        long joined = System.nanoTime();
        l.store.addUpdateTime(joined - started);
        if (watermarks.timeKey() >= 0) {
            l.evict(keyTypes, out, true);
            r.evict(keyTypes, out, false);
            l.store.addRemovalTime(System.nanoTime() - joined);
        }
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
     * One key of a left semi join: a left row is emitted the first time the right side has a row of its key (at once
     * if it already has one), and kept with its matched flag so it is never emitted twice.
     */
    private void semi(Side l, Side r, int g, byte[] key, byte[] leftStored, byte[] rightStored, Output out) {
        boolean rightHasRows = rightStored != null || r.starts[g + 1] > r.starts[g];
        if (rightHasRows) {
            for (int i = l.starts[g]; i < l.starts[g + 1]; i++) {
                out.alone(l.batches.get((int) (l.rows[i] >>> 32)).columns(), (int) l.rows[i], true);
            }
        }
        byte[] leftBase = leftStored;
        if (r.starts[g + 1] > r.starts[g] && leftStored != null) {
            ColumnVector[] stored = l.storedVectors();
            int count = l.decodeStored(leftStored, stored);
            ColumnVector[] columns = Arrays.copyOf(stored, l.types.size());
            boolean[] matched = ((io.fluxo.vector.BooleanVector) stored[l.types.size()]).values();
            for (int row = 0; row < count; row++) {
                if (!matched[row]) {
                    out.alone(columns, row, true);
                }
            }
            leftBase = l.allMatched(leftStored);
        }
        if (l.starts[g + 1] > l.starts[g] || leftBase != leftStored) {
            l.store.put(key, l.appended(leftBase, g, rightHasRows));
        }
        if (r.starts[g + 1] > r.starts[g]) {
            r.store.put(key.clone(), r.appended(rightStored, g, false));
        }
    }

    /** Joined rows, left columns then right, filtered by the residual condition batch by batch. */
    private final class Output {
        private final RowBatchBuilder rows;

        Output(TaskContext context) {
            PredicateEvaluator condition = residual.map(e -> ExpressionCompiler.compilePredicate(e,
                    context.evalContext())).orElse(null);
            rows = new RowBatchBuilder(output.stream().map(AttributeReference::dataType).toList(), b -> {
                if (condition == null) {
                    return b;
                }
                int[] selection = new int[b.numRows()];
                int kept = condition.select(b, selection);
                return kept == b.numRows() ? b : b.gather(selection, kept);
            });
        }

        void pair(ColumnVector[] leftRow, int leftIndex, ColumnVector[] rightRow, int rightIndex) {
            ColumnVector[] current = rows.row();
            for (int c = 0; c < leftRow.length; c++) {
                current[c].appendFrom(leftRow[c], leftIndex);
            }
            for (int c = 0; c < rightRow.length; c++) {
                current[leftRow.length + c].appendFrom(rightRow[c], rightIndex);
            }
            rows.rowDone();
        }

        /** A row of one side that found no match, NULLs for the other side's columns. */
        void alone(ColumnVector[] row, int index, boolean isLeft) {
            ColumnVector[] current = rows.row();
            int leftWidth = left.output().size();
            for (int c = 0; c < current.length; c++) {
                boolean ours = isLeft ? c < leftWidth : c >= leftWidth;
                if (ours) {
                    current[c].appendFrom(row[isLeft ? c : c - leftWidth], index);
                } else {
                    current[c].appendNull();
                }
            }
            rows.rowDone();
        }

        List<ColumnBatch> batches() {
            return rows.batches();
        }
    }

    @Override
    public String nodeString() {
        return "StreamingJoin(operators " + leftOperatorId + "-" + (leftOperatorId + 1) + ", version " + stateVersion
                + ", keys=" + Operators.exprs(leftKeys) + " = " + Operators.exprs(rightKeys)
                + residual.map(e -> ", condition=" + e.sql()).orElse("") + ")";
    }
}
