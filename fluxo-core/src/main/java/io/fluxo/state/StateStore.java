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
    /** Whether commits leave forcing their files to disk to {@link #syncFiles} (a query's registry calls it). */
    private final boolean deferSync;
    /** Files committed but not yet forced, when syncs are deferred. */
    private final List<Path> unsynced = new ArrayList<>();
    private StateMap map = new StateMap();
    private long version;
    /** The running batch's puts and removals, in order: what its delta records. */
    private final ChangeLog changed = new ChangeLog();
    private long updatedRows;
    private long removedRows;
    private long droppedByWatermark;
    private long updateNanos;
    private long removalNanos;
    private long lastCommitMillis;

    /** Visits one entry. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(byte[] key, byte[] value);
    }

    /** Reads one entry where it lies: {@code bytes[keyOffset, +keyLength)} and {@code bytes[valueOffset, +valueLength)}. */
    @FunctionalInterface
    public interface EntryReader {
        void read(byte[] bytes, int keyOffset, int keyLength, int valueOffset, int valueLength);
    }

    private StateStore(Path dir, StateStoreConf conf, boolean deferSync) {
        this.dir = dir;
        this.conf = conf;
        this.deferSync = deferSync;
    }

    /** The store of {@code dir} at {@code version} (0: empty, before the first batch); each commit is durable. */
    public static StateStore load(Path dir, long version, StateStoreConf conf) {
        return load(dir, version, conf, false);
    }

    /**
     * As {@link #load(Path, long, StateStoreConf)}; with {@code deferSync}, a commit writes its files without forcing
     * them to disk, and {@link #syncFiles} must make them durable before the version is recorded as committed.
     */
    static StateStore load(Path dir, long version, StateStoreConf conf, boolean deferSync) {
        StateStore store = new StateStore(dir, conf, deferSync);
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
        map.put(key, value);
        changed.put(key, value);
        updatedRows++;
    }

    public void remove(byte[] key) {
        if (map.remove(key)) {
            changed.remove(key);
            removedRows++;
        }
    }

    public void forEach(EntryVisitor visitor) {
        map.forEach(visitor);
    }

    /** Reads every entry in place, without copies, in no particular order; the reader must not change the store. */
    public void scan(EntryReader reader) {
        map.scan(reader);
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

    /** Time the running batch spent reading its rows into the state (allUpdatesTimeMs), added by the operator. */
    public void addUpdateTime(long nanos) {
        updateNanos += nanos;
    }

    /** Time the running batch spent evicting state (allRemovalsTimeMs), added by the operator. */
    public void addRemovalTime(long nanos) {
        removalNanos += nanos;
    }

    public long updateTimeMs() {
        return updateNanos / 1_000_000;
    }

    public long removalTimeMs() {
        return removalNanos / 1_000_000;
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
            // A record in the file takes one byte more than in the change log.
            Path delta = dir.resolve(next + ".delta");
            StateFiles.write(delta, changed.bytes() + changed.size(), deferSync, writer -> changed.forEach(
                    (bytes, keyOffset, keyLength, valueOffset, valueLength) -> {
                        if (valueLength >= 0) {
                            writer.put(bytes, keyOffset, keyLength, bytes, valueOffset, valueLength);
                        } else {
                            writer.remove(bytes, keyOffset, keyLength);
                        }
                    }));
            if (deferSync) {
                synchronized (unsynced) {
                    unsynced.add(delta);
                }
            }
            if (next % conf.snapshotInterval() == 0) {
                writeSnapshot(next);
            }
            version = next;
            changed.clear();
            // What clean-up may delete changes only when the oldest version to keep passes a snapshot version:
            // look at the folder then, not at every commit.
            if ((version - conf.minVersionsToRetain() + 1) % conf.snapshotInterval() == 0) {
                cleanUp();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit state version " + next + " in " + dir + ": "
                    + e.getMessage(), e);
        }
        lastCommitMillis = (System.nanoTime() - start) / 1_000_000;
        return version;
    }

    /** Undoes the running batch's changes: the store is again at {@link #version()}, as its files have it. */
    public void abort() {
        if (changed.size() > 0) {
            changed.clear();
            loadVersion(version);
        }
        updatedRows = 0;
        removedRows = 0;
    }

    /** Starts a batch that will commit {@code version() + 1}: resets the per-batch counters. */
    public void beginBatch() {
        if (changed.size() > 0) {
            throw new IllegalStateException("the previous batch of " + dir + " was neither committed nor aborted");
        }
        updatedRows = 0;
        removedRows = 0;
        droppedByWatermark = 0;
        updateNanos = 0;
        removalNanos = 0;
    }

    /** Forces the files of the commits since the last call to disk (only stores loaded with a deferred sync have any). */
    public void syncFiles() {
        List<Path> files;
        synchronized (unsynced) {
            files = new ArrayList<>(unsynced);
            unsynced.clear();
        }
        try {
            StateFiles.sync(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force the state files of " + dir + " to disk: " + e.getMessage(), e);
        }
    }

    private void writeSnapshot(long v) throws IOException {
        Path snapshot = dir.resolve(v + ".snapshot");
        if (deferSync) {
            synchronized (unsynced) {
                unsynced.add(snapshot);
            }
        }
        StateFiles.write(snapshot, map.seed(), map.capacity(), Long.MAX_VALUE, deferSync, writer -> {
            IOException[] failure = new IOException[1];
            map.read((page, keyOffset, keyLength, valueOffset, valueLength) -> {
                if (failure[0] == null) {
                    try {
                        writer.put(page, keyOffset, keyLength, page, valueOffset, valueLength);
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
            map = new StateMap();
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
            Loader attempt = new Loader();
            try {
                if (snapshot != null) {
                    StateFiles.read(dir.resolve(snapshot + ".snapshot"), attempt);
                }
                for (long v = base + 1; v <= target; v++) {
                    Path delta = dir.resolve(v + ".delta");
                    if (!Files.exists(delta)) {
                        throw new StateStoreException("STATE_STORE_VERSION_MISSING", "The state in " + dir
                                + " cannot be loaded at version " + target + ": " + delta.getFileName()
                                + " is missing" + (snapshot == null ? "" : " after snapshot " + snapshot) + ".");
                    }
                    StateFiles.read(delta, attempt);
                }
                map = attempt.map;
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

    /** Fills a map from a snapshot (laid out as the map it was written from) and deltas. */
    private static final class Loader implements StateFiles.RecordVisitor {
        private StateMap map = new StateMap();

        @Override
        public void layout(long seed, int capacity) {
            map = new StateMap(seed, capacity);
        }

        @Override
        public void put(byte[] keyBytes, int keyOffset, int keyLength, byte[] valueBytes, int valueOffset,
                int valueLength) {
            map.put(keyBytes, keyOffset, keyLength, valueBytes, valueOffset, valueLength);
        }

        @Override
        public void remove(byte[] keyBytes, int keyOffset, int keyLength) {
            map.remove(keyBytes, keyOffset, keyLength);
        }
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
