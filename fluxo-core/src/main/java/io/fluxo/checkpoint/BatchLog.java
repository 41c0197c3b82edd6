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
 * A log with one file per batch id ({@code <dir>/<batchId>}), each written once and never overwritten, as Spark's
 * HDFSMetadataLog. Entries are text through a {@link Codec}.
 */
public class BatchLog<T> {
    /** Turns entries into the text of a log file and back. */
    public interface Codec<T> {
        String write(T entry);

        T read(String text, Path file);
    }

    private final Path dir;
    private final Codec<T> codec;
    /** Every entry before this id is gone (-1: not known yet). */
    private long purgedBefore = -1;

    public BatchLog(Path dir, Codec<T> codec) {
        this.dir = dir;
        this.codec = codec;
    }

    public Path directory() {
        return dir;
    }

    /** Writes the entry of {@code batchId}; false (and nothing written) if that batch already has one. */
    public boolean add(long batchId, T entry) {
        return AtomicFiles.writeIfAbsent(dir.resolve(Long.toString(batchId)), codec.write(entry));
    }

    public Optional<T> get(long batchId) {
        Path file = dir.resolve(Long.toString(batchId));
        return Files.exists(file) ? Optional.of(codec.read(AtomicFiles.read(file), file)) : Optional.empty();
    }

    /** Batch ids present, ascending; temporary and other files are ignored. */
    public List<Long> batchIds() {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit))
                    .forEach(n -> ids.add(Long.parseLong(n)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        ids.sort(null);
        return ids;
    }

    public OptionalLong latestBatchId() {
        List<Long> ids = batchIds();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(ids.size() - 1));
    }

    /**
     * Deletes entries of batches before {@code batchId}. The first call lists the folder; later ones delete the ids
     * since the previous call by name, as a query purges once per batch and ids only grow.
     */
    public void purgeBefore(long batchId) {
        if (purgedBefore < 0 || batchId - purgedBefore > 1000) {
            for (long id : batchIds()) {
                if (id < batchId) {
                    delete(id);
                }
            }
        } else {
            for (long id = purgedBefore; id < batchId; id++) {
                delete(id);
            }
        }
        purgedBefore = Math.max(purgedBefore, batchId);
    }

    private void delete(long id) {
        try {
            Files.deleteIfExists(dir.resolve(Long.toString(id)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(Long.toString(id)), e);
        }
    }
}
