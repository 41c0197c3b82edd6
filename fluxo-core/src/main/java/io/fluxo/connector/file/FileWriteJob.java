package io.fluxo.connector.file;

import io.fluxo.connector.spi.SaveMode;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a dataset into a directory as Spark does: one {@code part-NNNNN-<job uuid><ext>} file per task, then an
 * empty {@code _SUCCESS} marker. Each task writes a hidden temporary file ({@code .part-….inprogress}, which readers
 * skip) and the job renames all of them only once every task has succeeded, so readers never see a partial file and
 * a failed job leaves nothing behind. Tasks without rows write no file, except that a job with no rows at all writes
 * one (empty, or only a CSV header) so the output exists.
 *
 * <p>Simple use: {@link #write}. An engine running tasks in parallel uses {@link #start}, {@link #writeTask} from
 * any threads, then {@link #commit} (or {@link #abort}).
 */
public final class FileWriteJob {
    private final Path dir;
    private final FileFormat format;
    private final StructType schema;
    private final FileOptions options;
    private final String jobId = UUID.randomUUID().toString();
    private final boolean skipped;
    private final List<String> partitionColumns;

    /** A finished task: its temporary files and their final names (one per partition folder; none without rows). */
    public record TaskResult(int partition, List<Path> temporaryFiles, List<Path> finalFiles) {
        public TaskResult {
            temporaryFiles = List.copyOf(temporaryFiles);
            finalFiles = List.copyOf(finalFiles);
        }
    }

    private FileWriteJob(Path dir, FileFormat format, StructType schema, FileOptions options, boolean skipped,
            List<String> partitionColumns) {
        this.dir = dir;
        this.format = format;
        this.schema = schema;
        this.options = options;
        this.skipped = skipped;
        this.partitionColumns = List.copyOf(partitionColumns);
        if (!partitionColumns.isEmpty()) {
            new PartitionSplitter(schema, partitionColumns, options.sessionZone()); // refuses bad columns up front
        }
    }

    /**
     * Writes {@code taskOutputs} (one batch iterator per task, in partition order) into {@code dir}.
     *
     * @return the part files written, sorted; empty when {@code mode} is IGNORE and {@code dir} exists
     */
    public static List<Path> write(Path dir, SaveMode mode, FileFormat format, StructType schema, FileOptions options,
            List<Iterator<ColumnBatch>> taskOutputs) throws IOException {
        FileWriteJob job = start(dir, mode, format, schema, options);
        if (job.isSkipped()) {
            return List.of();
        }
        List<TaskResult> results = new ArrayList<>();
        try {
            for (int i = 0; i < taskOutputs.size(); i++) {
                results.add(job.writeTask(i, taskOutputs.get(i)));
            }
        } catch (IOException | RuntimeException | Error e) {
            job.abort(results);
            throw e;
        }
        return job.commit(results);
    }

    /**
     * Applies the save mode and prepares {@code dir}: ERROR_IF_EXISTS fails with {@code [PATH_ALREADY_EXISTS]} if it
     * exists, IGNORE returns a job that writes nothing ({@link #isSkipped()}), OVERWRITE deletes what is there,
     * APPEND keeps it.
     */
    public static FileWriteJob start(Path dir, SaveMode mode, FileFormat format, StructType schema, FileOptions options)
            throws IOException {
        return start(dir, mode, format, schema, options, List.of());
    }

    /** As {@link #start(Path, SaveMode, FileFormat, StructType, FileOptions)}, into {@code name=value} folders. */
    public static FileWriteJob start(Path dir, SaveMode mode, FileFormat format, StructType schema, FileOptions options,
            List<String> partitionColumns) throws IOException {
        Objects.requireNonNull(mode, "mode is null");
        Path target = dir.toAbsolutePath().normalize();
        boolean exists = Files.exists(target);
        if (exists) {
            switch (mode) {
                case ERROR_IF_EXISTS:
                    throw new AnalysisException("PATH_ALREADY_EXISTS", "Path " + FileListing.display(target)
                            + " already exists. Set mode as \"overwrite\" to overwrite the existing path.",
                            Map.of("outputPath", FileListing.display(target)));
                case IGNORE:
                    return new FileWriteJob(target, format, schema, options, true, partitionColumns);
                case OVERWRITE:
                    deleteRecursively(target);
                    break;
                case APPEND:
                default:
                    break;
            }
        }
        Files.createDirectories(target);
        return new FileWriteJob(target, format, schema, options, false, partitionColumns);
    }

    /** True when the save mode was IGNORE and the target existed: nothing is written. */
    public boolean isSkipped() {
        return skipped;
    }

    /** Writes one task's batches to a temporary file; safe to call from several threads for different partitions. */
    public TaskResult writeTask(int partition, Iterator<ColumnBatch> batches) throws IOException {
        return writeTask(partition, batches, false);
    }

    private TaskResult writeTask(int partition, Iterator<ColumnBatch> batches, boolean evenIfEmpty)
            throws IOException {
        String name = String.format("part-%05d-%s%s", partition, jobId, format.fileExtension());
        FolderWriters writers = new FolderWriters(dir, name, format, schema, options, partitionColumns);
        try {
            while (batches.hasNext()) {
                writers.write(batches.next());
            }
            if (writers.isEmpty()) {
                if (!evenIfEmpty) {
                    return new TaskResult(partition, List.of(), List.of());
                }
                writers.openEmpty();
            }
            List<Path> temporary = new ArrayList<>();
            List<Path> finals = new ArrayList<>();
            for (String folder : writers.commit()) {
                temporary.add(writers.temporary(folder));
                finals.add(writers.target(folder));
            }
            return new TaskResult(partition, temporary, finals);
        } catch (IOException | RuntimeException | Error e) {
            writers.abort(e);
            throw e;
        }
    }

    /** Renames every task's file into place and writes {@code _SUCCESS}; returns the part files, sorted. */
    public List<Path> commit(List<TaskResult> results) throws IOException {
        if (skipped) {
            return List.of();
        }
        List<TaskResult> all = new ArrayList<>(results);
        if (all.stream().allMatch(r -> r.temporaryFiles().isEmpty()) && partitionColumns.isEmpty()) {
            all.add(writeTask(0, java.util.Collections.emptyIterator(), true));
        }
        List<Path> written = new ArrayList<>();
        try {
            for (TaskResult r : all) {
                for (int i = 0; i < r.temporaryFiles().size(); i++) {
                    move(r.temporaryFiles().get(i), r.finalFiles().get(i));
                    written.add(r.finalFiles().get(i));
                }
            }
            Files.write(dir.resolve("_SUCCESS"), new byte[0]);
        } catch (IOException | RuntimeException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            abort(all);
            throw e;
        }
        written.sort(Comparator.naturalOrder());
        return written;
    }

    /** Deletes the temporary files of the given tasks. */
    public void abort(List<TaskResult> results) throws IOException {
        for (TaskResult r : results) {
            for (Path temporary : r.temporaryFiles()) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
