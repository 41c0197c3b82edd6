package io.fluxo.connector.file;

import io.fluxo.connector.spi.BatchWriter;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * The streaming file sink (json, csv, text): each micro-batch becomes new part files in the output folder, then an
 * entry in the folder's {@link FileSinkManifest}. A batch already in the manifest (re-run after a crash) writes
 * nothing, and files of a batch that died before its entry are invisible to readers, so every row appears exactly
 * once to anyone reading the folder with Fluxo.
 */
public final class FileStreamSink {
    private final Path dir;
    private final FileFormat format;
    private final StructType schema;
    private final FileOptions options;
    private final FileSinkManifest manifest;

    public FileStreamSink(Path dir, FileFormat format, StructType schema, FileOptions options) {
        this.dir = dir.toAbsolutePath().normalize();
        this.format = format;
        this.schema = schema;
        this.options = options;
        this.manifest = FileSinkManifest.of(this.dir);
    }

    /** Writes one micro-batch; false when the manifest already holds {@code batchId} and nothing was written. */
    public boolean addBatch(long batchId, List<ColumnBatch> rows) throws IOException {
        if (manifest.hasBatch(batchId)) {
            return false;
        }
        Files.createDirectories(dir);
        List<FileSinkManifest.Entry> written = new java.util.ArrayList<>();
        long numRows = rows.stream().mapToLong(ColumnBatch::numRows).sum();
        if (numRows > 0) {
            String name = String.format("part-%05d-%s%s", batchId, UUID.randomUUID(), format.fileExtension());
            Path temporary = dir.resolve("." + name + ".inprogress");
            Path target = dir.resolve(name);
            BatchWriter writer = format.createWriter(temporary, schema, options);
            try {
                for (ColumnBatch batch : rows) {
                    if (batch.numRows() > 0) {
                        writer.write(batch);
                    }
                }
                writer.commit();
            } catch (IOException | RuntimeException | Error e) {
                writer.abort();
                Files.deleteIfExists(temporary);
                throw e;
            }
            force(temporary);
            FileWriteJob.move(temporary, target);
            written.add(new FileSinkManifest.Entry(name, Files.size(target)));
        }
        if (!manifest.commit(batchId, written)) {
            // Another run committed this batch first; its files are the ones readers see.
            for (FileSinkManifest.Entry e : written) {
                Files.deleteIfExists(dir.resolve(e.relativePath()));
            }
            return false;
        }
        return true;
    }

    public Path directory() {
        return dir;
    }

    public String description() {
        return "FileSink[" + FileListing.display(dir) + "]";
    }

    /** Forces a data file to disk before the manifest names it, so a crash cannot leave the entry without the data. */
    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
