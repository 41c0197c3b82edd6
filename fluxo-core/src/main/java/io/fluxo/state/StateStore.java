package io.fluxo.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The versioned key-value state of one stateful operator in one partition, in its own folder of the checkpoint
 * ({@code state/<operator>/<partition>/}). Version {@code v} is the state after batch {@code v - 1}; version 0 is
 * empty. Each {@link #commit()} writes the changes of one version as {@code <v>.delta}; every
 * {@link StateStoreConf#snapshotInterval()} versions the whole state is also written as {@code <v>.snapshot}. Loading
 * version {@code v} takes the newest readable snapshot at or below it and applies the deltas after it, so a damaged
 * snapshot costs time, not data. Files older than what {@link StateStoreConf#minVersionsToRetain()} versions need are
 * deleted.
 *
 * <p>The map lives in memory between batches: a store is used by one batch at a time ({@link #get}, {@link #put},
 * {@link #remove}), then committed, which records the delta, or aborted, which undoes the batch's changes. A batch
 * that runs again after a crash loads the version before it and commits the same version again, replacing the file.
 */
public final class StateStore {
    private final Path dir;
    private final StateStoreConf conf;
    private StateMap map = new StateMap();
    private long version;
    /** Keys changed by the running batch, with their value before it ({@link #ABSENT}: none), for abort and the delta. */
    private final StateMap before = new StateMap();
    private static final byte[] ABSENT = new byte[0];
    private long updatedRows;
    private long removedRows;
    private long droppedByWatermark;
    private long lastCommitMillis;

    /** Visits one entry. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(byte[] key, byte[] value);
    }

    private StateStore(Path dir, StateStoreConf conf) {
        this.dir = dir;
        this.conf = conf;
    }

    /** The store of {@code dir} at {@code version} (0: empty, before the first batch). */
    public static StateStore load(Path dir, long version, StateStoreConf conf) {
        StateStore store = new StateStore(dir, conf);
        store.loadVersion(version);
        return store;
    }

    public long version() {
        return version;
    }

    public byte[] get(byte[] key) {
        return map.get(key);
    }

    /** The value of the key in {@code bytes[from, to)} (a row of an encoded batch), without copying the key. */
    public byte[] get(byte[] bytes, int from, int to) {
        return map.get(bytes, from, to);
    }

    public void put(byte[] key, byte[] value) {
        byte[] previous = map.put(key, value);
        before.putIfAbsent(key, previous == null ? ABSENT : previous);
        updatedRows++;
    }

    public void remove(byte[] key) {
        byte[] previous = map.remove(key);
        if (previous != null) {
            before.putIfAbsent(key, previous);
            removedRows++;
        }
    }

    public void forEach(EntryVisitor visitor) {
        map.forEach(visitor);
    }

    public long numKeys() {
        return map.size();
    }

    public long memoryUsedBytes() {
        return map.memoryBytes();
    }

    /** Rows put by the batch being run (or the last committed one, after its commit). */
    public long numRowsUpdated() {
        return updatedRows;
    }

    public long numRowsRemoved() {
        return removedRows;
    }

    /** Input rows the running batch dropped as older than the watermark (reported with the store's metrics). */
    public void countDroppedByWatermark(long rows) {
        droppedByWatermark += rows;
    }

    public long numRowsDroppedByWatermark() {
        return droppedByWatermark;
    }

    public long commitTimeMs() {
        return lastCommitMillis;
    }

    /**
     * Makes the batch's changes version {@code version() + 1}: writes its delta file (and a snapshot when one is
     * due), then deletes files no longer needed. Returns the new version.
     */
    public long commit() {
        long start = System.nanoTime();
        long next = version + 1;
        try {
            StateFiles.write(dir.resolve(next + ".delta"), writer -> {
                IOException[] failure = new IOException[1];
                before.forEach((key, previous) -> {
                    byte[] now = map.get(key);
                    try {
                        if (now != null) {
                            writer.put(key, now);
                        } else if (previous != ABSENT) {
                            writer.remove(key);
                        }
                    } catch (IOException e) {
                        failure[0] = failure[0] == null ? e : failure[0];
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
            });
            if (next % conf.snapshotInterval() == 0) {
                writeSnapshot(next);
            }
            version = next;
            before.clear();
            cleanUp();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit state version " + next + " in " + dir + ": "
                    + e.getMessage(), e);
        }
        lastCommitMillis = (System.nanoTime() - start) / 1_000_000;
        return version;
    }

    /** Undoes the running batch's changes: the store is again at {@link #version()}. */
    public void abort() {
        before.forEach((key, previous) -> {
            if (previous == ABSENT) {
                map.remove(key);
            } else {
                map.put(key, previous);
            }
        });
        before.clear();
        updatedRows = 0;
        removedRows = 0;
    }

    /** Starts a batch that will commit {@code version() + 1}: resets the per-batch counters. */
    public void beginBatch() {
        if (before.size() > 0) {
            throw new IllegalStateException("the previous batch of " + dir + " was neither committed nor aborted");
        }
        updatedRows = 0;
        removedRows = 0;
        droppedByWatermark = 0;
    }

    private void writeSnapshot(long v) throws IOException {
        StateFiles.write(dir.resolve(v + ".snapshot"), writer -> {
            IOException[] failure = new IOException[1];
            map.forEach((k, value) -> {
                if (failure[0] == null) {
                    try {
                        writer.put(k, value);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        });
    }

    // ---- loading ---------------------------------------------------------------------------------------------------

    private void loadVersion(long target) {
        version = target;
        if (target == 0) {
            return;
        }
        Map<Long, List<String>> files = filesByVersion();
        TreeSet<Long> snapshots = new TreeSet<>();
        files.forEach((v, kinds) -> {
            if (v <= target && kinds.contains("snapshot")) {
                snapshots.add(v);
            }
        });
        List<String> problems = new ArrayList<>();
        for (Long snapshot = snapshots.isEmpty() ? null : snapshots.last(); ; ) {
            long base = snapshot == null ? 0 : snapshot;
            StateMap attempt = new StateMap();
            try {
                if (snapshot != null) {
                    StateFiles.read(dir.resolve(snapshot + ".snapshot"), into(attempt));
                }
                for (long v = base + 1; v <= target; v++) {
                    Path delta = dir.resolve(v + ".delta");
                    if (!Files.exists(delta)) {
                        throw new StateStoreException("STATE_STORE_VERSION_MISSING", "The state in " + dir
                                + " cannot be loaded at version " + target + ": " + delta.getFileName()
                                + " is missing" + (snapshot == null ? "" : " after snapshot " + snapshot) + ".");
                    }
                    StateFiles.read(delta, into(attempt));
                }
                map = attempt;
                return;
            } catch (StateStoreException e) {
                problems.add(e.getMessage());
                if (snapshot == null) {
                    throw new StateStoreException("STATE_STORE_CORRUPT", "The state in " + dir + " cannot be loaded"
                            + " at version " + target + ": " + String.join(" Then: ", problems));
                }
                // A damaged or incomplete snapshot: fall back to an older one (or none) plus more deltas.
                snapshot = snapshots.lower(snapshot);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the state in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private static StateFiles.RecordVisitor into(StateMap target) {
        return new StateFiles.RecordVisitor() {
            @Override
            public void put(byte[] key, byte[] value) {
                target.put(key, value);
            }

            @Override
            public void remove(byte[] key) {
                target.remove(key);
            }
        };
    }

    /** Committed versions present in the folder, with the kinds of file each has ({@code delta}, {@code snapshot}). */
    private Map<Long, List<String>> filesByVersion() {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> p.getFileName().toString()).forEach(name -> {
                int dot = name.indexOf('.');
                if (dot > 0 && name.chars().limit(dot).allMatch(Character::isDigit)) {
                    out.computeIfAbsent(Long.parseLong(name.substring(0, dot)), v -> new ArrayList<>())
                            .add(name.substring(dot + 1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the state in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Deletes the files that no version to keep needs. The last {@code minVersionsToRetain} versions must stay
     * loadable even if their newest snapshot turns out damaged, so files go only below the second-newest snapshot at
     * or before the oldest version kept.
     */
    private void cleanUp() throws IOException {
        long oldestToKeep = version - conf.minVersionsToRetain() + 1;
        if (oldestToKeep <= 1) {
            return;
        }
        Map<Long, List<String>> files = filesByVersion();
        TreeSet<Long> snapshots = new TreeSet<>();
        files.forEach((v, kinds) -> {
            if (v <= oldestToKeep && kinds.contains("snapshot")) {
                snapshots.add(v);
            }
        });
        if (snapshots.size() < 2) {
            return;
        }
        long base = snapshots.lower(snapshots.last());
        for (Map.Entry<Long, List<String>> e : files.entrySet()) {
            if (e.getKey() < base) {
                for (String kind : e.getValue()) {
                    Files.deleteIfExists(dir.resolve(e.getKey() + "." + kind));
                }
            }
        }
    }
}
