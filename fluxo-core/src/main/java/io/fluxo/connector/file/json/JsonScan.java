package io.fluxo.connector.file.json;

import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.internal.FileScan;
import io.fluxo.connector.file.internal.MalformedRecords;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import java.nio.file.Path;
import java.util.List;

final class JsonScan extends FileScan {
    private final JsonOptions jsonOptions;
    private final int corruptIndex;

    JsonScan(List<Path> files, StructType schema, FileOptions options) {
        super("json", files, schema, options);
        this.jsonOptions = new JsonOptions(options);
        this.corruptIndex = MalformedRecords.corruptColumnIndex(schema, options);
        // Build the converters once so that an unsupported type fails here, not in a task.
        new JsonRecordParser(schema, jsonOptions);
    }

    @Override
    protected boolean splittable() {
        return !jsonOptions.multiLine;
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        return new JsonPartitionReader(asSplit(partition), schema, checkRequired(requiredColumns), corruptIndex,
                jsonOptions);
    }
}
