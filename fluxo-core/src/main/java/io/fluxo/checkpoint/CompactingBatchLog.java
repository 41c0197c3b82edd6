package io.fluxo.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A {@link BatchLog} of lists that grows without bound (files seen by a source, files written by a sink), kept short
 * as Spark's compactible logs: every {@code interval} batches the entries so far are written as one
 * {@code <batchId>.compact} file and the older entry files are deleted, so reading everything opens a few files.
 * The entry of the latest batches stays readable on its own, for re-running a batch.
 */
public final class CompactingBatchLog<E> {
    /** How often logs compact unless told otherwise: every 10 batches, as Spark's compactible logs. */
    public static final int DEFAULT_INTERVAL = 10;
    private static final String COMPACT_SUFFIX = ".compact";

    private final BatchLog<List<E>> log;
    private final BatchLog.Codec<List<E>> codec;
    private final int interval;

    public CompactingBatchLog(Path dir, BatchLog.Codec<List<E>> codec, int interval) {
        this.log = new BatchLog<>(dir, codec);
        this.codec = codec;
        this.interval = interval;
    }

    public Path directory() {
        return log.directory();
    }

    /** Records {@code batchId}'s entries (false, nothing written, if it has some already), compacting when due. */
    public boolean add(long batchId, List<E> entries) {
        if (contains(batchId) || !log.add(batchId, entries)) {
            return false;
        }
        if ((batchId + 1) % interval == 0) {
            compact(batchId);
        }
        return true;
    }

    public boolean contains(long batchId) {
        return batchId <= latestCompaction() || Files.exists(log.directory().resolve(Long.toString(batchId)));
    }

    /** The entries of a batch that is not compacted away (the latest ones always are kept). */
    public Optional<List<E>> get(long batchId) {
        return log.get(batchId);
    }

    /** Every batch recorded, compacted or not, ascending. */
    public List<Long> batchIds() {
        List<Long> ids = new ArrayList<>();
        long compacted = latestCompaction();
        for (long id = 0; id <= compacted; id++) {
            ids.add(id);
        }
        for (long id : log.batchIds()) {
            if (id > compacted) {
                ids.add(id);
            }
        }
        return ids;
    }

    public OptionalLong latestBatchId() {
        OptionalLong latest = log.latestBatchId();
        long compacted = latestCompaction();
        return latest.isPresent() ? OptionalLong.of(Math.max(latest.getAsLong(), compacted))
                : compacted >= 0 ? OptionalLong.of(compacted) : OptionalLong.empty();
    }

    /** All entries of all batches, in batch order. */
    public List<E> all() {
        List<E> out = new ArrayList<>();
        long compacted = latestCompaction();
        if (compacted >= 0) {
            out.addAll(readCompact(compacted));
        }
        for (long id : log.batchIds()) {
            if (id > compacted) {
                out.addAll(log.get(id).orElseThrow());
            }
        }
        return out;
    }

    private void compact(long upTo) {
        List<E> all = new ArrayList<>();
        long from = latestCompaction();
        if (from >= 0) {
            all.addAll(readCompact(from));
        }
        for (long id : log.batchIds()) {
            if (id > from && id <= upTo) {
                all.addAll(log.get(id).orElseThrow());
            }
        }
        AtomicFiles.writeIfAbsent(log.directory().resolve(upTo + COMPACT_SUFFIX), codec.write(all));
        try {
            for (long id : log.batchIds()) {
                if (id < upTo) {
                    Files.deleteIfExists(log.directory().resolve(Long.toString(id)));
                }
            }
            if (from >= 0) {
                Files.deleteIfExists(log.directory().resolve(from + COMPACT_SUFFIX));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up the log " + log.directory() + ": " + e.getMessage(), e);
        }
    }

    private long latestCompaction() {
        if (!Files.isDirectory(log.directory())) {
            return -1;
        }
        try (Stream<Path> files = Files.list(log.directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(COMPACT_SUFFIX))
                    .map(n -> n.substring(0, n.length() - COMPACT_SUFFIX.length()))
                    .filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong).max().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + log.directory() + ": " + e.getMessage(), e);
        }
    }

    private List<E> readCompact(long id) {
        Path file = log.directory().resolve(id + COMPACT_SUFFIX);
        return codec.read(AtomicFiles.read(file), file);
    }
}
