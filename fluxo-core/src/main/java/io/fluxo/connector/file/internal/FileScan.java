package io.fluxo.connector.file.internal;

import io.fluxo.connector.file.FileListing;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.FileSplit;
import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What every file scan shares: the files, the schema, the options, and the planning of {@link FileSplit}s — one per
 * file, or byte ranges of {@code maxPartitionBytes} (32 MB by default) for formats that can start reading mid-file.
 * Empty files give no split.
 */
public abstract class FileScan implements BatchScan {
    /** Option: the largest byte range one split reads, for splittable formats. */
    public static final String MAX_PARTITION_BYTES = "maxPartitionBytes";
    public static final long DEFAULT_MAX_PARTITION_BYTES = 32L << 20;

    protected final String format;
    protected final List<Path> files;
    protected final StructType schema;
    protected final FileOptions options;
    private final long maxPartitionBytes;

    protected FileScan(String format, List<Path> files, StructType schema, FileOptions options) {
        this.format = Objects.requireNonNull(format, "format is null");
        this.files = List.copyOf(files);
        this.schema = Objects.requireNonNull(schema, "schema is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.maxPartitionBytes = options.getLong(MAX_PARTITION_BYTES, DEFAULT_MAX_PARTITION_BYTES);
        if (maxPartitionBytes <= 0) {
            throw FileOptions.invalid(MAX_PARTITION_BYTES, String.valueOf(maxPartitionBytes), "a positive number");
        }
    }

    /** True when a reader can start at any byte offset (one record per line). */
    protected abstract boolean splittable();

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String description() {
        String shown = files.stream().limit(3).map(FileListing::display).collect(Collectors.joining(", "));
        return format + " [" + shown + (files.size() > 3 ? ", … " + files.size() + " files" : "") + "]";
    }

    @Override
    public List<InputPartition> planInputPartitions() throws IOException {
        List<InputPartition> out = new ArrayList<>();
        boolean split = splittable();
        for (Path file : files) {
            long size = Files.size(file);
            if (size == 0) {
                continue;
            }
            if (!split || size <= maxPartitionBytes) {
                out.add(new FileSplit(file, 0, size, size));
                continue;
            }
            for (long start = 0; start < size; start += maxPartitionBytes) {
                out.add(new FileSplit(file, start, Math.min(maxPartitionBytes, size - start), size));
            }
        }
        return out;
    }

    /** The partition as a split of this scan, checking it is one. */
    protected static FileSplit asSplit(InputPartition partition) {
        if (partition instanceof FileSplit s) {
            return s;
        }
        throw new IllegalArgumentException("not a file split: " + partition);
    }

    /** Checks the required column ordinals against the schema. */
    protected final int[] checkRequired(int[] requiredColumns) {
        for (int c : requiredColumns) {
            if (c < 0 || c >= schema.size()) {
                throw new IllegalArgumentException("column " + c + " is not in " + schema.simpleString());
            }
        }
        return requiredColumns.clone();
    }
}
