package io.fluxo.connector.file;

import io.fluxo.checkpoint.BatchLog;
import io.fluxo.checkpoint.CompactingBatchLog;
import io.fluxo.errors.FluxoRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The manifest of a folder written by a streaming file sink, in {@code <folder>/_fluxo_metadata/}: one entry per
 * committed batch listing the data files that batch added (paths relative to the folder, with sizes), written
 * atomically after the files themselves. It is what makes the sink exactly-once: a batch whose entry exists is never
 * written again, and readers of the folder read only the files the manifest names, so files of a batch that crashed
 * before its entry was written are never seen. Spark's file sink does the same with {@code _spark_metadata}.
 */
public final class FileSinkManifest {
    /** The manifest folder's name inside a sink's output folder. */
    public static final String DIRECTORY = "_fluxo_metadata";

    /** One data file of a batch, relative to the output folder. */
    public record Entry(String relativePath, long size) {
    }


    private static final BatchLog.Codec<List<Entry>> CODEC = new BatchLog.Codec<>() {
        @Override
        public String write(List<Entry> entries) {
            StringBuilder sb = new StringBuilder();
            for (Entry e : entries) {
                sb.append(e.size()).append('\t').append(e.relativePath()).append('\n');
            }
            return sb.toString();
        }

        @Override
        public List<Entry> read(String text, Path file) {
            List<Entry> entries = new ArrayList<>();
            int lineNumber = 0;
            for (String line : text.split("\n")) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                try {
                    entries.add(new Entry(line.substring(tab + 1), Long.parseLong(line.substring(0, tab))));
                } catch (RuntimeException e) {
                    throw new FluxoRuntimeException("FILE_SINK_MANIFEST_CORRUPT", "The file sink manifest " + file
                            + " is damaged at line " + lineNumber + ": '" + line + "'.");
                }
            }
            return entries;
        }
    };

    private final Path root;
    private final CompactingBatchLog<Entry> log;

    private FileSinkManifest(Path root) {
        this.root = root;
        this.log = new CompactingBatchLog<>(root.resolve(DIRECTORY), CODEC, CompactingBatchLog.DEFAULT_INTERVAL);
    }

    /** The manifest of {@code root}, which may not exist yet. */
    public static FileSinkManifest of(Path root) {
        return new FileSinkManifest(root.toAbsolutePath().normalize());
    }

    /** True when {@code folder} was written by a streaming file sink: readers must then go by its manifest. */
    public static boolean existsIn(Path folder) {
        return Files.isDirectory(folder.resolve(DIRECTORY));
    }

    public Path root() {
        return root;
    }

    public boolean hasBatch(long batchId) {
        return log.contains(batchId);
    }

    /**
     * Records the files of {@code batchId}; false when the batch was already recorded (nothing is changed). Every
     * {@value CompactingBatchLog#DEFAULT_INTERVAL} batches the entries so far are compacted into one file, as Spark's file sink log.
     */
    public boolean commit(long batchId, List<Entry> files) {
        return log.add(batchId, files);
    }

    /** Ids of the committed batches, ascending. */
    public List<Long> batchIds() {
        return log.batchIds();
    }

    /**
     * Every data file the committed batches wrote, as absolute paths in batch order. A listed file that is missing is an
     * error naming it: the folder was changed behind the sink's back and reading it would silently lose rows.
     */
    public List<Path> files() {
        Set<Path> files = new LinkedHashSet<>();
        for (Entry e : log.all()) {
            Path file = root.resolve(e.relativePath()).normalize();
            if (!Files.exists(file)) {
                throw new UncheckedIOException(new IOException("The file " + FileListing.display(file)
                        + " listed in the file sink manifest " + log.directory() + " does not exist: the output "
                        + "folder was changed outside the streaming query."));
            }
            files.add(file);
        }
        return new ArrayList<>(files);
    }
}
