package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.VectorEvaluator;
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
import io.fluxo.vector.row.BinaryRowCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stateful half of a streaming {@code dropDuplicates}, per state partition (rows arrive exchanged on the keys):
 * keeps a row only if its key is new, remembers the key in the partition's {@link StateStore} with the time at which
 * it may be forgotten, drops rows that are late for the watermark, and forgets keys the watermark has passed.
 */
public final class StatefulDeduplicateExec implements PhysicalOperator {
    /** A key that is never forgotten (no watermark on it). */
    private static final long FOREVER = Long.MAX_VALUE;
    /** The stored value: when the key may be forgotten (event-time microseconds). */
    static final StructType VALUE_SCHEMA = StructType.empty().add("forget_at", DataTypes.TimestampType, true);
    private static final BinaryRowCodec VALUE_CODEC = new BinaryRowCodec(List.of(DataTypes.TimestampType));

    private final List<Expression> boundKeys;
    private final List<String> keyNames;
    private final int eventTimeOrdinal;
    private final boolean eventTimeIsKey;
    private final long withinWatermarkDelay;
    private final long lateWatermark;
    private final long evictionWatermark;
    private final PhysicalOperator child;
    private final StateStoreRegistry stores;
    private final int operatorId;
    private final long stateVersion;

    /**
     * @param eventTimeOrdinal the watermarked event-time column in the child's rows, or -1
     * @param eventTimeIsKey whether that column is one of the keys (then a key is forgotten when the watermark
     *     passes its event time)
     * @param withinWatermarkDelay for {@code dropDuplicatesWithinWatermark}: how long after its event time a key is
     *     remembered; -1 otherwise
     */
    public StatefulDeduplicateExec(List<Expression> boundKeys, List<String> keyNames, int eventTimeOrdinal,
            boolean eventTimeIsKey,
            long withinWatermarkDelay, long lateWatermark, long evictionWatermark, PhysicalOperator child,
            StateStoreRegistry stores, int operatorId, long stateVersion) {
        this.boundKeys = List.copyOf(boundKeys);
        this.keyNames = List.copyOf(keyNames);
        this.eventTimeOrdinal = eventTimeOrdinal;
        this.eventTimeIsKey = eventTimeIsKey;
        this.withinWatermarkDelay = withinWatermarkDelay;
        this.lateWatermark = lateWatermark;
        this.evictionWatermark = evictionWatermark;
        this.child = child;
        this.stores = stores;
        this.operatorId = operatorId;
        this.stateVersion = stateVersion;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public int numPartitions() {
        return child.numPartitions();
    }

    private boolean forgets() {
        return eventTimeOrdinal >= 0 && (eventTimeIsKey || withinWatermarkDelay >= 0);
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        StructType keySchema = StructType.empty();
        for (int i = 0; i < boundKeys.size(); i++) {
            keySchema = keySchema.add(keyNames.get(i), boundKeys.get(i).dataType(), true);
        }
        stores.checkSchema(operatorId, "dropDuplicates", keySchema.sql(), VALUE_SCHEMA.sql());
        StateStore store = stores.acquire(operatorId, partition, stateVersion);
        return Operators.committing(store, () -> {
            long started = System.nanoTime();
            List<ColumnBatch> out = run(store, partition, context);
            long read = System.nanoTime();
            if (forgets()) {
                forgetPassedKeys(store);
            }
            store.addUpdateTime(read - started);
            store.addRemovalTime(System.nanoTime() - read);
            return out;
        });
    }

    private List<ColumnBatch> run(StateStore store, int partition, TaskContext context) {
        VectorEvaluator[] keys = Operators.compile(boundKeys, context);
        List<DataType> keyTypes = boundKeys.stream().map(Expression::dataType).toList();
        BinaryRowCodec codec = new BinaryRowCodec(keyTypes);
        BinaryRowCodec.Encoded encoded = new BinaryRowCodec.Encoded();
        List<ColumnBatch> out = new ArrayList<>();
        try (BatchIterator in = child.open(partition, context)) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                int n = b.numRows();
                ColumnVector[] keyVectors = new ColumnVector[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    keyVectors[k] = keys[k].evaluate(b);
                }
                codec.encode(keyVectors, n, encoded);
                ColumnVector times = eventTimeOrdinal >= 0 ? b.column(eventTimeOrdinal) : null;
                long[] timeValues = times == null ? null : ((LongVector) times).values();
                int[] keep = new int[n];
                int kept = 0;
                long late = 0;
                for (int i = 0; i < n; i++) {
                    boolean hasTime = times != null && !times.isNull(i);
                    if (hasTime && timeValues[i] <= lateWatermark) {
                        late++;
                        continue;
                    }
                    int from = encoded.offsets()[i];
                    int to = encoded.offsets()[i + 1];
                    if (store.get(encoded.bytes(), from, to) != null) {
                        continue;
                    }
                    byte[] key = Arrays.copyOfRange(encoded.bytes(), from, to);
                    long forgetAt = !hasTime || !forgets() ? FOREVER
                            : withinWatermarkDelay >= 0 ? timeValues[i] + withinWatermarkDelay : timeValues[i];
                    store.put(key, forgetAtBytes(forgetAt));
                    keep[kept++] = i;
                }
                store.countDroppedByWatermark(late);
                if (kept > 0) {
                    out.add(kept == n ? b : b.gather(keep, kept));
                }
            }
        }
        return out;
    }

    private void forgetPassedKeys(StateStore store) {
        List<byte[]> passed = new ArrayList<>();
        store.forEach((key, value) -> {
            if (forgetAt(value) <= evictionWatermark) {
                passed.add(key);
            }
        });
        passed.forEach(store::remove);
    }

    private static byte[] forgetAtBytes(long forgetAt) {
        BinaryRowCodec.Encoded encoded = new BinaryRowCodec.Encoded();
        VALUE_CODEC.encode(new ColumnVector[] {LongVector.wrap(DataTypes.TimestampType, new long[] {forgetAt}, 1,
                null)}, 1, encoded);
        return Arrays.copyOf(encoded.bytes(), encoded.offsets()[1]);
    }

    private static long forgetAt(byte[] value) {
        ColumnVector[] out = {ColumnVector.allocate(DataTypes.TimestampType, 1)};
        VALUE_CODEC.decode(value, 0, out);
        return ((LongVector) out[0]).values()[0];
    }

    @Override
    public String nodeString() {
        return "StatefulDeduplicate(operator " + operatorId + ", version " + stateVersion + ", keys="
                + Operators.exprs(boundKeys) + ")";
    }
}
