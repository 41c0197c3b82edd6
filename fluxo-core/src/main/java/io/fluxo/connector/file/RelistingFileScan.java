package io.fluxo.connector.file;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file read whose folder is listed again each time a query plans it, so every execution — each micro-batch of a
 * stream-static join, each action on a batch DataFrame — reads the files there are at that moment, with the schema
 * fixed when the DataFrame was made. Partition folders are found again too; their columns keep their types.
 */
public final class RelistingFileScan implements BatchScan {
    private final FileFormat format;
    private final List<String> paths;
    private final FileOptions options;
    private final StructType dataSchema;
    /** The partition columns, or null for a plain (unpartitioned) read. */
    private final StructType partitionSchema;
    private final StructType schema;

    /** A partition of the scan that planned it, so readers never mix two listings. */
    private record Listed(BatchScan scan, InputPartition inner) implements InputPartition {
        @Override
        public String description() {
            return inner.description();
        }
    }

    public RelistingFileScan(FileFormat format, List<String> paths, FileOptions options, StructType dataSchema,
            StructType partitionSchema) {
        this.format = format;
        this.paths = List.copyOf(paths);
        this.options = options;
        this.dataSchema = dataSchema;
        this.partitionSchema = partitionSchema;
        List<io.fluxo.types.StructField> fields = new ArrayList<>(dataSchema.fields());
        if (partitionSchema != null) {
            fields.addAll(partitionSchema.fields());
        }
        this.schema = new StructType(fields);
    }

    private BatchScan current(List<FileListing.PartitionedFile> listed) {
        if (partitionSchema == null || listed.isEmpty()) {
            List<Path> files = listed.stream().map(FileListing.PartitionedFile::file).toList();
            return format.createScan(files, dataSchema, options);
        }
        return new PartitionedFileScan(format, listed, dataSchema, partitionSchema, options);
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String description() {
        return format.name() + " [" + String.join(", ", paths) + "]";
    }

    @Override
    public List<InputPartition> planInputPartitions() throws IOException {
        List<FileListing.PartitionedFile> listed = FileListing.listPartitioned(paths, options);
        if (partitionSchema != null && listed.isEmpty()) {
            return List.of();
        }
        BatchScan scan = current(listed);
        List<InputPartition> out = new ArrayList<>();
        for (InputPartition p : scan.planInputPartitions()) {
            out.add(new Listed(scan, p));
        }
        return out;
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException {
        Listed listed = (Listed) partition;
        return listed.scan().createReader(listed.inner(), requiredColumns);
    }
}
