package io.fluxo.api;

import io.fluxo.connector.file.FileFormat;
import io.fluxo.connector.file.FileFormats;
import io.fluxo.connector.file.FileListing;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.PartitionPaths;
import io.fluxo.connector.file.RelistingFileScan;
import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.logical.DataSourceRelation;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code session.read()}: loads static data as a DataFrame — format, schema and options, as in Spark. */
public final class DataFrameReader {
    private final Session session;
    private String format = "json";
    private StructType schema;
    private final Map<String, String> options = new LinkedHashMap<>();

    DataFrameReader(Session session) {
        this.session = session;
    }

    public DataFrameReader format(String source) {
        this.format = source;
        return this;
    }

    public DataFrameReader schema(StructType schema) {
        this.schema = schema;
        return this;
    }

    /** A schema as DDL: {@code "ts TIMESTAMP, sku STRING, amount DOUBLE"}. */
    public DataFrameReader schema(String ddl) {
        this.schema = SqlParser.parseTableSchema(ddl);
        return this;
    }

    public DataFrameReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataFrameReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataFrameReader option(String key, double value) {
        return option(key, Double.toString(value));
    }

    public DataFrameReader options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    public DataFrame load() {
        java.util.Optional<io.fluxo.connector.spi.SourceProvider> provider =
                FileFormats.names().contains(format.toLowerCase(java.util.Locale.ROOT))
                        || format.equalsIgnoreCase("statestore") ? java.util.Optional.empty()
                        : io.fluxo.connector.spi.SourceProvider.find(format);
        if (provider.isPresent()) {
            return new DataFrame(session, DataSourceRelation.of(provider.get().createScan(Map.copyOf(options),
                    schema)));
        }
        String path = options.get("path");
        if (path == null) {
            throw new AnalysisException("PATH_NOT_SPECIFIED", "No path given to load(): pass one, or set the 'path' "
                    + "option.");
        }
        return load(path);
    }

    public DataFrame load(String... paths) {
        if (format.equalsIgnoreCase("statestore")) {
            if (paths.length != 1) {
                throw new AnalysisException("PATH_NOT_SPECIFIED", "The state store source reads one checkpoint: "
                        + "load(checkpointLocation).");
            }
            return new DataFrame(session, DataSourceRelation.of(new StateStoreScan(Path.of(paths[0]), options)));
        }
        FileFormat fileFormat = FileFormats.forName(format);
        Map<String, String> opts = new LinkedHashMap<>(options);
        FileOptions fileOptions = FileOptions.of(opts, session.timeZone());
        try {
            List<FileListing.PartitionedFile> listed = FileListing.listPartitioned(List.of(paths), fileOptions);
            List<Path> files = listed.stream().map(FileListing.PartitionedFile::file).toList();
            if (listed.stream().allMatch(f -> f.partitionValues().isEmpty())) {
                if (files.isEmpty()) {
                    files = FileListing.listFiles(List.of(paths), fileOptions); // names what is missing
                }
                StructType resolved = schema != null ? schema : fileFormat.inferSchema(files, fileOptions);
                return new DataFrame(session, DataSourceRelation.of(new RelistingFileScan(fileFormat, List.of(paths),
                        fileOptions, resolved, null)));
            }
            StructType partitions = PartitionPaths.partitionSchema(
                    listed.stream().map(f -> (Map<String, String>) f.partitionValues()).toList(), schema,
                    listed.get(0).root());
            StructType dataSchema = withoutColumns(schema != null ? schema : fileFormat.inferSchema(files,
                    fileOptions), partitions);
            return new DataFrame(session, DataSourceRelation.of(new RelistingFileScan(fileFormat, List.of(paths),
                    fileOptions, dataSchema, partitions)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + String.join(", ", paths) + ": " + e.getMessage(), e);
        }
    }

    private static StructType withoutColumns(StructType schema, StructType drop) {
        return new StructType(schema.fields().stream().filter(f -> drop.fields().stream()
                .noneMatch(d -> d.name().equalsIgnoreCase(f.name()))).toList());
    }

    public DataFrame json(String... paths) {
        return format("json").load(paths);
    }

    public DataFrame csv(String... paths) {
        return format("csv").load(paths);
    }

    public DataFrame text(String... paths) {
        return format("text").load(paths);
    }

    public DataFrame table(String name) {
        return session.table(name);
    }
}
