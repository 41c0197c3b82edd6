package io.fluxo.api;

import io.fluxo.connector.file.FileFormat;
import io.fluxo.connector.file.FileFormats;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.FileWriteJob;
import io.fluxo.connector.spi.SaveMode;
import io.fluxo.errors.AnalysisException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code df.write()}: saves a DataFrame as files, one per task, with Spark's save modes. */
public final class DataFrameWriter {
    private final DataFrame df;
    private String format = "json";
    private SaveMode mode = SaveMode.ERROR_IF_EXISTS;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> partitionColumns = new ArrayList<>();

    DataFrameWriter(DataFrame df) {
        this.df = df;
    }

    public DataFrameWriter format(String source) {
        this.format = source;
        return this;
    }

    public DataFrameWriter mode(SaveMode mode) {
        this.mode = mode;
        return this;
    }

    /** {@code error}/{@code errorifexists} (default), {@code append}, {@code overwrite}, {@code ignore}. */
    public DataFrameWriter mode(String mode) {
        this.mode = SaveMode.fromString(mode);
        return this;
    }

    public DataFrameWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameWriter option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataFrameWriter options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    /** Writes rows into Hive-style {@code column=value} folders, without those columns in the files. */
    public DataFrameWriter partitionBy(String... columns) {
        partitionColumns.clear();
        partitionColumns.addAll(List.of(columns));
        return this;
    }

    public void save() {
        java.util.Optional<io.fluxo.connector.spi.SinkProvider> provider =
                io.fluxo.connector.spi.SinkProvider.find(format);
        if (provider.isPresent()) {
            // A sink module (Kafka): the rows go to it as one batch.
            try {
                io.fluxo.stream.StreamSink sink = provider.get().createSink(java.util.Map.copyOf(options));
                try {
                    sink.addBatch(0, df.schema(), df.collectBatches());
                } finally {
                    sink.close();
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new io.fluxo.errors.FluxoRuntimeException("WRITE_FAILED", "Writing to " + format + " failed: "
                        + e.getMessage(), e);
            }
            return;
        }
        String path = options.get("path");
        if (path == null) {
            throw new AnalysisException("PATH_NOT_SPECIFIED", "No path given to save(): pass one, or set the 'path' "
                    + "option.");
        }
        save(path);
    }

    public void save(String path) {
        FileFormat fileFormat = FileFormats.forName(format);
        FileOptions fileOptions = FileOptions.of(new LinkedHashMap<>(options), df.session().timeZone());
        df.session().writeFiles(df.logicalPlan(), Path.of(path), mode, fileFormat, fileOptions, df.schema(),
                partitionColumns);
    }

    public void json(String path) {
        format("json").save(path);
    }

    public void csv(String path) {
        format("csv").save(path);
    }

    public void text(String path) {
        format("text").save(path);
    }
}
