package io.fluxo.connector.file;

import io.fluxo.connector.spi.BatchWriter;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open files of one write task (a batch job's task or a streaming sink's micro-batch): one file named
 * {@code fileName} per partition folder reached (just the output folder itself when not partitioned), each written
 * under a hidden temporary name until the caller moves it into place.
 */
final class FolderWriters {
    private final Path dir;
    private final String fileName;
    private final FileFormat format;
    private final FileOptions options;
    private final PartitionSplitter splitter;
    private final StructType fileSchema;
    /** Open writers by partition folder, relative to {@link #dir} ("" when not partitioned). */
    private final Map<String, BatchWriter> writers = new LinkedHashMap<>();

    FolderWriters(Path dir, String fileName, FileFormat format, StructType schema, FileOptions options,
            List<String> partitionColumns) {
        this.dir = dir;
        this.fileName = fileName;
        this.format = format;
        this.options = options;
        this.splitter = partitionColumns.isEmpty() ? null
                : new PartitionSplitter(schema, partitionColumns, options.sessionZone());
        this.fileSchema = splitter == null ? schema : splitter.dataSchema();
    }

    void write(ColumnBatch batch) throws IOException {
        if (batch.numRows() == 0) {
            return;
        }
        Map<String, ColumnBatch> byFolder = splitter == null ? Map.of("", batch) : splitter.split(batch);
        for (Map.Entry<String, ColumnBatch> e : byFolder.entrySet()) {
            writerFor(e.getKey()).write(e.getValue());
        }
    }

    /** Opens the unpartitioned file even without rows, for a job that must leave a (possibly empty) file. */
    void openEmpty() throws IOException {
        writerFor("");
    }

    private BatchWriter writerFor(String folder) throws IOException {
        BatchWriter writer = writers.get(folder);
        if (writer == null) {
            Files.createDirectories(folder(folder));
            writer = format.createWriter(temporary(folder), fileSchema, options);
            writers.put(folder, writer);
        }
        return writer;
    }

    boolean isEmpty() {
        return writers.isEmpty();
    }

    /** Finishes every file; returns the partition folders written, in the order first reached. */
    List<String> commit() throws IOException {
        for (BatchWriter writer : writers.values()) {
            writer.commit();
        }
        return List.copyOf(writers.keySet());
    }

    /** Abandons every file, keeping the first failure and adding later ones to it. */
    void abort(Throwable cause) {
        for (Map.Entry<String, BatchWriter> w : writers.entrySet()) {
            try {
                w.getValue().abort();
                Files.deleteIfExists(temporary(w.getKey()));
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
    }

    Path folder(String partitionFolder) {
        return partitionFolder.isEmpty() ? dir : dir.resolve(partitionFolder);
    }

    Path temporary(String partitionFolder) {
        return folder(partitionFolder).resolve("." + fileName + ".inprogress");
    }

    Path target(String partitionFolder) {
        return folder(partitionFolder).resolve(fileName);
    }
}
