package io.fluxo.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A streaming query's checkpoint directory, opened by one running query at a time: {@code metadata} (the query id),
 * {@code offsets/} and {@code commits/}, {@code sources/<n>/} and {@code state/}. Opening takes an exclusive lock and
 * checks that the logs agree; {@link #recover()} says where the query resumes.
 */
public final class Checkpoint implements AutoCloseable {
    private final Path dir;
    private final UUID queryId;
    private final OffsetLog offsetLog;
    private final CommitLog commitLog;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private Checkpoint(Path dir, UUID queryId, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.queryId = queryId;
        this.offsetLog = new OffsetLog(dir.resolve("offsets"));
        this.commitLog = new CommitLog(dir.resolve("commits"));
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Where a query resumes: the batch to run next, and whether it is a re-run of a logged, uncommitted batch. */
    public record RecoveryPoint(long nextBatchId, boolean rerunLastBatch, List<String> rerunOffsets,
            long rerunTimestampMs, List<String> committedOffsets, long watermarkMs) {
    }

    /** Opens (creating if needed) and locks a checkpoint directory. */
    public static Checkpoint open(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute);
            channel = FileChannel.open(absolute.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new CheckpointException("CHECKPOINT_LOCKED", "The checkpoint " + absolute + " is used by "
                        + "another running query. Two queries cannot share a checkpoint location.");
            }
            Checkpoint c = new Checkpoint(absolute, readOrCreateId(absolute), channel, lock);
            c.validate();
            return c;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open checkpoint " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; nothing more to do if it fails.
            }
        }
    }

    private static UUID readOrCreateId(Path dir) {
        Path metadata = dir.resolve("metadata");
        if (!Files.exists(metadata)) {
            boolean hasLogs = !new OffsetLog(dir.resolve("offsets")).batchIds().isEmpty()
                    || !new CommitLog(dir.resolve("commits")).batchIds().isEmpty();
            if (hasLogs) {
                throw new CheckpointException("CHECKPOINT_INCONSISTENT", "The checkpoint " + dir + " has offset or "
                        + "commit logs but no 'metadata' file, so the query it belongs to is unknown.");
            }
            AtomicFiles.writeIfAbsent(metadata, Json.write(Map.of("id", UUID.randomUUID().toString())));
        }
        Object id = Json.read(AtomicFiles.read(metadata).strip(), metadata).get("id");
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("CHECKPOINT_CORRUPT", "The checkpoint file " + metadata
                    + " does not hold a query id.");
        }
    }

    private void validate() {
        List<Long> offsets = offsetLog.batchIds();
        List<Long> commits = commitLog.batchIds();
        for (int i = 1; i < offsets.size(); i++) {
            if (offsets.get(i) != offsets.get(i - 1) + 1) {
                throw new CheckpointException("CHECKPOINT_INCONSISTENT", "The offset log of " + dir + " has a gap: "
                        + "batch " + (offsets.get(i - 1) + 1) + " is missing between " + offsets.get(i - 1) + " and "
                        + offsets.get(i) + ".");
            }
        }
        for (long c : commits) {
            if (!offsets.contains(c) && (offsets.isEmpty() || c > offsets.get(offsets.size() - 1))) {
                throw new CheckpointException("CHECKPOINT_INCONSISTENT", "The checkpoint " + dir + " has commits/" + c
                        + " but no offsets/" + c + ": a batch cannot be committed before it was logged.");
            }
        }
    }

    public Path directory() {
        return dir;
    }

    public UUID queryId() {
        return queryId;
    }

    public OffsetLog offsetLog() {
        return offsetLog;
    }

    public CommitLog commitLog() {
        return commitLog;
    }

    /** A folder of source {@code n}'s own state (files seen, and the like). */
    public Path sourceDir(int n) {
        return dir.resolve("sources").resolve(Integer.toString(n));
    }

    /**
     * Records what kind of source (its class) reads as source {@code n} on the first run, and refuses a later run
     * whose source {@code n} is of another kind: its offsets would mean nothing to the new source.
     */
    public void checkSourceKind(int n, String kind) {
        Path file = sourceDir(n).resolve("kind");
        if (AtomicFiles.writeIfAbsent(file, kind)) {
            return;
        }
        String recorded = AtomicFiles.read(file).strip();
        if (!recorded.equals(kind)) {
            throw new CheckpointException("CHECKPOINT_INCONSISTENT", "The checkpoint " + dir + " was written by a "
                    + "query whose source " + n + " is a " + recorded + ", but this query's is a " + kind + ". A "
                    + "restarted query must read the same sources; use a new checkpoint location for a changed query.");
        }
    }

    public Path stateDir() {
        return dir.resolve("state");
    }

    public RecoveryPoint recover() {
        var lastOffsets = offsetLog.latestBatchId();
        if (lastOffsets.isEmpty()) {
            return new RecoveryPoint(0, false, List.of(), 0, null, 0);
        }
        long last = lastOffsets.getAsLong();
        var lastCommit = commitLog.latestBatchId();
        OffsetLog.OffsetSeq logged = offsetLog.get(last).orElseThrow();
        if (lastCommit.isPresent() && lastCommit.getAsLong() == last) {
            long watermark = commitLog.get(last).orElseThrow().nextBatchWatermarkMs();
            return new RecoveryPoint(last + 1, false, List.of(), 0, logged.sourceOffsets(), watermark);
        }
        if (lastCommit.isPresent() && lastCommit.getAsLong() < last - 1) {
            throw new CheckpointException("CHECKPOINT_INCONSISTENT", "The checkpoint " + dir + " logged batches "
                    + (lastCommit.getAsLong() + 1) + " to " + last + " without committing them; only the last batch "
                    + "can be uncommitted.");
        }
        List<String> before = last == 0 ? null
                : offsetLog.get(last - 1).map(OffsetLog.OffsetSeq::sourceOffsets).orElse(null);
        return new RecoveryPoint(last, true, logged.sourceOffsets(), logged.metadata().batchTimestampMs(), before,
                logged.metadata().batchWatermarkMs());
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of " + dir + ": " + e.getMessage(), e);
        }
    }
}
