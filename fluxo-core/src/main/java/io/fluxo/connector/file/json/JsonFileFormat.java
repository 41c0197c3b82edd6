package io.fluxo.connector.file.json;

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
 * JSON Lines (one object per line) or, with {@code multiLine}, one JSON document per file (an object, or an array of
 * objects). Options, names and defaults as in Spark: see {@code docs/connectors/files.md}.
 */
public final class JsonFileFormat implements FileFormat {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public StructType inferSchema(List<Path> files, FileOptions options) throws IOException {
        if (files.isEmpty()) {
            throw new AnalysisException("UNABLE_TO_INFER_SCHEMA",
                    "Unable to infer schema for JSON. It must be specified manually.", Map.of("format", "JSON"));
        }
        return new JsonSchemaInference(new JsonOptions(options)).infer(files);
    }

    @Override
    public BatchScan createScan(List<Path> files, StructType schema, FileOptions options) {
        return new JsonScan(files, schema, options);
    }

    @Override
    public BatchWriter createWriter(Path file, StructType schema, FileOptions options) throws IOException {
        options.requireUncompressed("JSON");
        return new JsonBatchWriter(file, schema, new JsonOptions(options));
    }

    @Override
    public String fileExtension() {
        return ".json";
    }
}
