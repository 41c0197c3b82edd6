package io.fluxo.connector.file.text;

import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.internal.FileScan;
import io.fluxo.connector.file.internal.LineSeparators;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

final class TextScan extends FileScan {
    private final boolean wholeText;
    private final byte[] lineSep;

    TextScan(List<Path> files, StructType schema, FileOptions options) {
        super("text", files, schema, options);
        this.wholeText = options.getBoolean("wholetext", false);
        this.lineSep = LineSeparators.forRead(options);
    }

    @Override
    protected boolean splittable() {
        return !wholeText;
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException {
        return new TextPartitionReader(asSplit(partition), checkRequired(requiredColumns).length > 0, wholeText,
                lineSep);
    }
}
