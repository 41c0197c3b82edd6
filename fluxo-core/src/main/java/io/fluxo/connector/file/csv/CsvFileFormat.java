package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.FileFormat;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.BatchWriter;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * CSV with Spark's options and defaults (see {@code docs/connectors/files.md}): a hand-written byte-level tokenizer
 * parses straight into column vectors; records are lines (splittable) unless {@code multiLine}.
 */
public final class CsvFileFormat implements FileFormat {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public StructType inferSchema(List<Path> files, FileOptions options) throws IOException {
        if (files.isEmpty()) {
            throw new AnalysisException("UNABLE_TO_INFER_SCHEMA",
                    "Unable to infer schema for CSV. It must be specified manually.", Map.of("format", "CSV"));
        }
        return new CsvSchemaInference(new CsvOptions(options)).infer(files);
    }

    @Override
    public BatchScan createScan(List<Path> files, StructType schema, FileOptions options) {
        return new CsvScan(files, schema, options);
    }

    @Override
    public BatchWriter createWriter(Path file, StructType schema, FileOptions options) throws IOException {
        options.requireUncompressed("CSV");
        CsvOptions csv = new CsvOptions(options);
        CsvValueParser.checkSupported(schema);
        return new CsvBatchWriter(file, schema, csv, options.getString("dateFormat", null),
                options.getString("timestampFormat", null));
    }

    @Override
    public String fileExtension() {
        return ".csv";
    }
}
