package io.fluxo.connector.file;

import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
    private final List<String> partitionColumns;

    public FileStreamSink(Path dir, FileFormat format, StructType schema, FileOptions options) {
        this(dir, format, schema, options, List.of());
    }

    /** A sink writing into {@code column=value} folders of {@code partitionColumns} (none: one flat folder). */
    public FileStreamSink(Path dir, FileFormat format, StructType schema, FileOptions options,
            List<String> partitionColumns) {
        this.dir = dir.toAbsolutePath().normalize();
        this.format = format;
        this.schema = schema;
        this.options = options;
        this.manifest = FileSinkManifest.of(this.dir);
        this.partitionColumns = List.copyOf(partitionColumns);
        if (!partitionColumns.isEmpty()) {
            new PartitionSplitter(schema, partitionColumns, options.sessionZone()); // refuses bad columns up front
        }
    }

    /** Writes one micro-batch; false when the manifest already holds {@code batchId} and nothing was written. */
    public boolean addBatch(long batchId, List<ColumnBatch> rows) throws IOException {
        if (manifest.hasBatch(batchId)) {
            return false;
        }
        Files.createDirectories(dir);
        String name = String.format("part-%05d-%s%s", batchId, UUID.randomUUID(), format.fileExtension());
        FolderWriters writers = new FolderWriters(dir, name, format, schema, options, partitionColumns);
        List<String> folders;
        try {
            for (ColumnBatch batch : rows) {
                writers.write(batch);
            }
            folders = writers.commit();
        } catch (IOException | RuntimeException | Error e) {
            writers.abort(e);
            throw e;
        }
        List<FileSinkManifest.Entry> written = new ArrayList<>();
        for (String folder : folders) {
            force(writers.temporary(folder));
            FileWriteJob.move(writers.temporary(folder), writers.target(folder));
            written.add(new FileSinkManifest.Entry(folder.isEmpty() ? name : folder + "/" + name,
                    Files.size(writers.target(folder))));
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
