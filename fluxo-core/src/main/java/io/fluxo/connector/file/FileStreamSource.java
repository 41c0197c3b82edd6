package io.fluxo.connector.file;

import io.fluxo.checkpoint.BatchLog;
import io.fluxo.checkpoint.CompactingBatchLog;
import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * New files in a folder as a stream, as Spark's file source. Each trigger lists the folder, takes files not seen
 * before (oldest first by modification time, or newest first with {@code latestFirst}), at most
 * {@code maxFilesPerTrigger} of them or about {@code maxBytesPerTrigger} bytes, and records them as one entry of a log
 * in the checkpoint ({@code sources/<n>/<entry>}); the offset is the entry number. So every file is read exactly once
 * across restarts, and a re-run batch reads exactly the same files. Producers must write a file under a hidden name
 * ({@code .x} or {@code _x}) and rename it when complete: hidden files are never read.
 */
public final class FileStreamSource implements MicroBatchStream {
    private final FileFormat format;
    private final String path;
    private final StructType schema;
    private final FileOptions options;
    private final int maxFilesPerTrigger;
    private final long maxBytesPerTrigger;
    private final boolean latestFirst;
    private final long maxFileAgeMs;
    private final String cleanSource;
    private final Path archiveDir;
    private CompactingBatchLog<SeenFile> log;
    private final Set<Path> seen = new HashSet<>();
    private long cleanedThrough = -1;

    /** A file taken into a batch. */
    record SeenFile(Path path, long modifiedMs, long size) {
    }

    public FileStreamSource(FileFormat format, String path, StructType schema, FileOptions options) {
        if (schema == null) {
            throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", "Schema must be specified when creating a streaming "
                    + "source DataFrame from " + format.name() + " files at " + path + ".");
        }
        this.format = format;
        this.path = path;
        this.schema = schema;
        this.options = options;
        this.maxFilesPerTrigger = options.getInt("maxFilesPerTrigger", Integer.MAX_VALUE);
        this.maxBytesPerTrigger = options.getLong("maxBytesPerTrigger", Long.MAX_VALUE);
        this.latestFirst = options.getBoolean("latestFirst", false);
        this.maxFileAgeMs = parseAge(options.getString("maxFileAge", "7d"));
        this.cleanSource = options.getString("cleanSource", "off").toLowerCase(java.util.Locale.ROOT);
        String archive = options.getString("sourceArchiveDir", null);
        this.archiveDir = archive == null ? null : Path.of(archive).toAbsolutePath().normalize();
        if (maxFilesPerTrigger <= 0) {
            throw FileOptions.invalid("maxFilesPerTrigger", String.valueOf(maxFilesPerTrigger), "a positive number");
        }
        if (!List.of("off", "archive", "delete").contains(cleanSource)) {
            throw FileOptions.invalid("cleanSource", cleanSource, "one of off, archive, delete");
        }
        if (cleanSource.equals("archive") && archiveDir == null) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "cleanSource=archive needs the option "
                    + "'sourceArchiveDir', a folder outside the source path.");
        }
    }

    private static long parseAge(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw FileOptions.invalid("maxFileAge", text, "a duration such as 7d, 12h, 30m or 10s");
        }
        long n = Long.parseLong(s.substring(0, i));
        String unit = s.substring(i).trim();
        switch (unit) {
            case "ms":
                return n;
            case "s":
                return n * 1000;
            case "m":
            case "min":
                return n * 60_000;
            case "h":
                return n * 3_600_000;
            case "d":
            case "":
                return n * 86_400_000;
            default:
                throw FileOptions.invalid("maxFileAge", text, "a duration such as 7d, 12h, 30m or 10s");
        }
    }

    @Override
    public void open(Path checkpointDir) {
        log = new CompactingBatchLog<>(checkpointDir, new BatchLog.Codec<>() {
            @Override
            public String write(List<SeenFile> files) {
                StringBuilder sb = new StringBuilder();
                for (SeenFile f : files) {
                    sb.append(f.modifiedMs()).append('\t').append(f.size()).append('\t').append(f.path()).append('\n');
                }
                return sb.toString();
            }

            @Override
            public List<SeenFile> read(String text, Path file) {
                List<SeenFile> out = new ArrayList<>();
                for (String line : text.split("\n")) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] parts = line.split("\t", 3);
                    out.add(new SeenFile(Path.of(parts[2]), Long.parseLong(parts[0]), Long.parseLong(parts[1])));
                }
                return out;
            }
        }, CompactingBatchLog.DEFAULT_INTERVAL);
        for (SeenFile f : log.all()) {
            seen.add(f.path());
        }
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String description() {
        return "FileStreamSource[" + FileListing.display(Path.of(path)) + "]";
    }

    @Override
    public String initialOffset() {
        return offset(-1);
    }

    private static String offset(long logOffset) {
        return "{\"logOffset\":" + logOffset + "}";
    }

    private static long logOffset(String offset) {
        String digits = offset.replaceAll("[^0-9-]", "");
        return Long.parseLong(digits);
    }

    /** Files present when an availableNow run began: the run reads these and no later arrivals. */
    private Set<Path> availableNow;

    @Override
    public synchronized boolean prepareForTriggerAvailableNow() throws IOException {
        availableNow = new HashSet<>();
        if (Files.exists(Path.of(path)) || path.contains("*") || path.contains("?")) {
            availableNow.addAll(listFiles());
        }
        return true;
    }

    @Override
    public synchronized String latestOffset(String start) throws IOException {
        long from = logOffset(start);
        var latest = log.latestBatchId();
        if (latest.isPresent() && latest.getAsLong() > from) {
            // Files already logged (before a restart) become the next batch, one entry per batch.
            return offset(from + 1);
        }
        List<SeenFile> fresh = new ArrayList<>();
        if (Files.exists(Path.of(path)) || path.contains("*") || path.contains("?")) {
            for (Path p : listFiles()) {
                if (!seen.contains(p) && (availableNow == null || availableNow.contains(p))) {
                    fresh.add(new SeenFile(p, Files.getLastModifiedTime(p).toMillis(), Files.size(p)));
                }
            }
        }
        if (fresh.isEmpty()) {
            return start;
        }
        Comparator<SeenFile> byTime = Comparator.comparingLong(SeenFile::modifiedMs)
                .thenComparing(f -> f.path().toString());
        fresh.sort(latestFirst ? byTime.reversed() : byTime);
        long newest = fresh.stream().mapToLong(SeenFile::modifiedMs).max().orElse(0);
        List<SeenFile> take = new ArrayList<>();
        long bytes = 0;
        for (SeenFile f : fresh) {
            if (newest - f.modifiedMs() > maxFileAgeMs && !latestFirst) {
                seen.add(f.path());
                continue;
            }
            if (take.size() >= maxFilesPerTrigger || (!take.isEmpty() && bytes + f.size() > maxBytesPerTrigger)) {
                break;
            }
            take.add(f);
            bytes += f.size();
        }
        if (take.isEmpty()) {
            return start;
        }
        long id = latest.isPresent() ? latest.getAsLong() + 1 : 0;
        log.add(id, take);
        take.forEach(f -> seen.add(f.path()));
        return offset(id);
    }

    private List<Path> filesIn(String start, String end) {
        List<Path> files = new ArrayList<>();
        for (long id = logOffset(start) + 1; id <= logOffset(end); id++) {
            log.get(id).orElseThrow(() -> new io.fluxo.checkpoint.CheckpointException("CHECKPOINT_INCONSISTENT",
                    "The file source log in " + log.directory() + " has no entry for an offset the query logged."))
                    .forEach(f -> files.add(f.path()));
        }
        return files;
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) throws IOException {
        List<Path> files = filesIn(start, end);
        Path root = Path.of(path).toAbsolutePath().normalize();
        List<FileListing.PartitionedFile> partitioned = new ArrayList<>();
        boolean anyPartition = false;
        if (Files.isDirectory(root)) {
            for (Path f : files) {
                java.util.LinkedHashMap<String, String> values = PartitionPaths.valuesOf(root, f);
                anyPartition |= !values.isEmpty();
                partitioned.add(new FileListing.PartitionedFile(f, root, values));
            }
        }
        BatchScan scan;
        int[] columnMap = null;
        if (anyPartition) {
            // Partition folders give the columns of the schema named after them; the files give the others.
            StructType partitions = PartitionPaths.partitionSchema(partitioned.stream()
                    .map(f -> (java.util.Map<String, String>) f.partitionValues()).toList(), schema, root);
            StructType data = new StructType(schema.fields().stream().filter(f -> partitions.fields().stream()
                    .noneMatch(p -> p.name().equalsIgnoreCase(f.name()))).toList());
            scan = new PartitionedFileScan(format, partitioned, data, partitions, options);
            columnMap = new int[schema.size()];
            List<String> scanNames = scan.schema().fields().stream().map(f -> f.name().toLowerCase(
                    java.util.Locale.ROOT)).toList();
            for (int i = 0; i < columnMap.length; i++) {
                columnMap[i] = scanNames.indexOf(schema.field(i).name().toLowerCase(java.util.Locale.ROOT));
            }
        } else {
            scan = format.createScan(files, schema, options);
        }
        List<InputPartition> out = new ArrayList<>();
        for (InputPartition p : scan.planInputPartitions()) {
            out.add(new ScanPartition(scan, p, columnMap));
        }
        return out;
    }

    /** The folder's files, with those in {@code name=value} partition folders below it. */
    private List<Path> listFiles() throws IOException {
        return FileListing.listPartitioned(List.of(path), options).stream().map(FileListing.PartitionedFile::file)
                .toList();
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException {
        ScanPartition p = (ScanPartition) partition;
        int[] columns = requiredColumns;
        if (p.columnMap() != null) {
            columns = new int[requiredColumns.length];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = p.columnMap()[requiredColumns[i]];
            }
        }
        return p.scan().createReader(p.partition(), columns);
    }

    private record ScanPartition(BatchScan scan, InputPartition partition, int[] columnMap) implements InputPartition {
        @Override
        public String description() {
            return partition.description();
        }
    }

    @Override
    public synchronized void commit(String end) {
        if (cleanSource.equals("off")) {
            return;
        }
        long through = logOffset(end);
        for (Path file : filesIn(offset(cleanedThrough), end)) {
            if (!Files.exists(file)) {
                continue;
            }
            try {
                if (cleanSource.equals("delete")) {
                    Files.deleteIfExists(file);
                } else {
                    Path target = archiveDir.resolve(file.getRoot().relativize(file));
                    Files.createDirectories(target.getParent());
                    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot " + cleanSource + " the source file " + file + ": "
                        + e.getMessage(), e);
            }
        }
        cleanedThrough = through;
    }
}
