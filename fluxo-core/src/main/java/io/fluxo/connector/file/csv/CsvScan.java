package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.internal.FileScan;
import io.fluxo.connector.file.internal.MalformedRecords;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import java.nio.file.Path;
import java.util.List;

final class CsvScan extends FileScan {
    private final CsvOptions csvOptions;
    private final int corruptIndex;

    CsvScan(List<Path> files, StructType schema, FileOptions options) {
        super("csv", files, schema, options);
        this.csvOptions = new CsvOptions(options);
        this.corruptIndex = MalformedRecords.corruptColumnIndex(schema, options);
        CsvValueParser.checkSupported(schema);
    }

    @Override
    protected boolean splittable() {
        return !csvOptions.multiLine;
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        return new CsvPartitionReader(asSplit(partition), schema, checkRequired(requiredColumns), corruptIndex,
                csvOptions);
    }
}
