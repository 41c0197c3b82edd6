package io.fluxo.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state stores of one running query, kept open between batches so that a batch loads nothing from disk when the
 * store in memory is at the version it needs; any other version (a batch run again after a failure) is loaded from
 * the files. Stores live in {@code <state folder>/<operator>/<partition>/}. Their commits do not force files to disk
 * in the batch's tasks: the query calls {@link #syncCommitted} before it writes the batch's commit log entry, off the
 * batch's path.
 */
public final class StateStoreRegistry {
    private final Path stateDir;
    private final StateStoreConf conf;
    private final Map<List<Integer>, StateStore> stores = new ConcurrentHashMap<>();

    public StateStoreRegistry(Path stateDir, StateStoreConf conf) {
        this.stateDir = stateDir;
        this.conf = conf;
    }

    /** The store of ({@code operator}, {@code partition}) at {@code version}, ready for a batch. */
    public StateStore acquire(int operator, int partition, long version) {
        List<Integer> id = List.of(operator, partition);
        StateStore store = stores.get(id);
        if (store == null || store.version() != version) {
            if (store != null) {
                store.abort();
                store.syncFiles();
            }
            store = StateStore.load(stateDir.resolve(Integer.toString(operator)).resolve(Integer.toString(partition)),
                    version, conf, true);
            stores.put(id, store);
        }
        store.beginBatch();
        return store;
    }

    /** Forces the files every store committed since the last call to disk. */
    public void syncCommitted() {
        for (StateStore store : stores.values()) {
            store.syncFiles();
        }
    }

    private final Map<Integer, String> checkedSchemas = new ConcurrentHashMap<>();

    /**
     * Records what operator {@code operator} keeps (its kind, key and value schemas) with its state on first use, and
     * refuses a query whose operator at that position keeps something else: its state would be misread.
     */
    public void checkSchema(int operator, String kind, String keySchema, String valueSchema) {
        String text = "operator: " + kind + "\nkey: " + keySchema + "\nvalue: " + valueSchema + "\n";
        if (text.equals(checkedSchemas.get(operator))) {
            return;
        }
        Path file = stateDir.resolve(Integer.toString(operator)).resolve("_schema");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling("._schema." + java.util.UUID.randomUUID() + ".tmp");
                Files.writeString(tmp, text);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                String recorded = Files.readString(file);
                if (!recorded.equals(text)) {
                    throw new StateStoreException("STATE_STORE_SCHEMA_MISMATCH", "The state of stateful operator "
                            + operator + " in " + file.getParent() + " was written by a different operator:\n"
                            + recorded.strip() + "\nbut this query's operator " + operator + " is:\n" + text.strip()
                            + "\nA changed stateful query cannot reuse its state: start it on a new checkpoint "
                            + "location.");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot check the state schema in " + file + ": " + e.getMessage(),
                    e);
        }
        checkedSchemas.put(operator, text);
        kinds.put(operator, kind);
    }

    private final Map<Integer, String> kinds = new ConcurrentHashMap<>();

    /** What one stateful operator holds after the last batch, summed over its partitions. */
    public record OperatorMetrics(int operator, String kind, long numRowsTotal, long numRowsUpdated, long numRowsRemoved,
            long numRowsDroppedByWatermark, long memoryUsedBytes, long commitTimeMs, long allUpdatesTimeMs,
            long allRemovalsTimeMs, int numPartitions) {
    }

    public List<OperatorMetrics> metrics() {
        Map<Integer, long[]> byOperator = new TreeMap<>();
        stores.forEach((id, store) -> {
            long[] m = byOperator.computeIfAbsent(id.get(0), k -> new long[9]);
            m[0] += store.numKeys();
            m[1] += store.numRowsUpdated();
            m[2] += store.numRowsRemoved();
            m[3] += store.numRowsDroppedByWatermark();
            m[4] += store.memoryUsedBytes();
            m[5] = Math.max(m[5], store.commitTimeMs());
            m[6]++;
            m[7] += store.updateTimeMs();
            m[8] += store.removalTimeMs();
        });
        List<OperatorMetrics> out = new ArrayList<>();
        byOperator.forEach((op, m) -> out.add(new OperatorMetrics(op, kinds.getOrDefault(op, ""), m[0], m[1], m[2],
                m[3], m[4], m[5], m[7], m[8], (int) m[6])));
        return out;
    }
}
