package io.fluxo.connector.file.text;

import io.fluxo.connector.file.FileFormat;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.BatchWriter;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Plain text: one STRING column ({@code value} when inferred) holding each line, or each whole file with
 * {@code wholetext=true}. Options: {@code wholetext} (false), {@code lineSep} (read: \n, \r or \r\n; write: \n),
 * {@code encoding} (UTF-8 only), {@code compression} (none only).
 */
public final class TextFileFormat implements FileFormat {
    @Override
    public String name() {
        return "text";
    }

    @Override
    public StructType inferSchema(List<Path> files, FileOptions options) {
        options.requireUtf8("text");
        return StructType.empty().add("value", DataTypes.StringType);
    }

    @Override
    public BatchScan createScan(List<Path> files, StructType schema, FileOptions options) {
        options.requireUtf8("text");
        checkSchema(schema);
        return new TextScan(files, schema, options);
    }

    @Override
    public BatchWriter createWriter(Path file, StructType schema, FileOptions options) throws IOException {
        options.requireUtf8("text");
        options.requireUncompressed("text");
        checkSchema(schema);
        return new TextBatchWriter(file, options);
    }

    @Override
    public String fileExtension() {
        return ".txt";
    }

    static void checkSchema(StructType schema) {
        if (schema.size() != 1) {
            throw new AnalysisException("_LEGACY_ERROR_TEMP_1290", "Text data source supports only a single column, "
                    + "and you have " + schema.size() + " columns.", Map.of("schema", schema.simpleString()));
        }
        if (!(schema.field(0).dataType() instanceof StringType)) {
            throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The Text datasource doesn't support "
                    + "the column `" + schema.field(0).name() + "` of the type \"" + schema.field(0).dataType().sql()
                    + "\".", Map.of("columnName", schema.field(0).name(), "columnType", schema.field(0).dataType().sql(),
                    "format", "Text"));
        }
    }
}
