package io.fluxo.api;

import io.fluxo.connector.file.FileFormat;
import io.fluxo.connector.file.FileFormats;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.FileStreamSource;
import io.fluxo.connector.rate.RateStream;
import io.fluxo.connector.socket.SocketStream;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.logical.StreamingRelation;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code session.readStream()}: a streaming DataFrame over a source: files arriving in a folder ({@code json},
 * {@code csv}, {@code text}, with a schema), or rows from Java through {@link MemoryStream}. Rate and socket sources
 * (rate sources: {@code rate}, {@code rate-micro-batch}).
 */
public final class DataStreamReader {
    private final Session session;
    private String format;
    private StructType schema;
    private final Map<String, String> options = new LinkedHashMap<>();

    DataStreamReader(Session session) {
        this.session = session;
    }

    public DataStreamReader format(String source) {
        this.format = source;
        return this;
    }

    public DataStreamReader schema(StructType schema) {
        this.schema = schema;
        return this;
    }

    public DataStreamReader schema(String ddl) {
        this.schema = SqlParser.parseTableSchema(ddl);
        return this;
    }

    public DataStreamReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataStreamReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataStreamReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataStreamReader options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    public DataFrame load() {
        String f = format == null ? "json" : format.toLowerCase(java.util.Locale.ROOT);
        if (f.equals("rate")) {
            return new DataFrame(session, StreamingRelation.of(RateStream.rate(options, System::currentTimeMillis)));
        }
        if (f.equals("rate-micro-batch")) {
            return new DataFrame(session, StreamingRelation.of(RateStream.microBatch(options)));
        }
        if (f.equals("socket")) {
            return new DataFrame(session, StreamingRelation.of(new SocketStream(options)));
        }
        java.util.Optional<io.fluxo.connector.spi.SourceProvider> provider =
                FileFormats.names().contains(f) ? java.util.Optional.empty()
                        : io.fluxo.connector.spi.SourceProvider.find(f);
        if (provider.isPresent()) {
            return new DataFrame(session, StreamingRelation.of(provider.get().createStream(
                    java.util.Map.copyOf(options), schema)));
        }
        if (!FileFormats.names().contains(f)) {
            throw new AnalysisException("DATA_SOURCE_NOT_FOUND", "Failed to find the streaming source '" + format
                    + "'. Available: json, csv, text, rate, rate-micro-batch, socket (and MemoryStream from Java).");
        }
        String path = options.get("path");
        if (path == null) {
            throw new AnalysisException("PATH_NOT_SPECIFIED", "A file stream needs a path: load(path).");
        }
        FileFormat fileFormat = FileFormats.forName(f);
        StructType resolved = f.equals("text") ? SqlParser.parseTableSchema("value STRING") : schema;
        FileOptions fileOptions = FileOptions.of(new LinkedHashMap<>(options), session.timeZone());
        return new DataFrame(session, StreamingRelation.of(new FileStreamSource(fileFormat, path, resolved,
                fileOptions)));
    }

    /**
     * A streaming DataFrame over a source written against the connector SPI ({@link MicroBatchStream}), for sources
     * Fluxo does not ship. The source must be replayable: the same offsets must always give the same rows.
     */
    public DataFrame load(MicroBatchStream source) {
        return new DataFrame(session, StreamingRelation.of(source));
    }

    public DataFrame json(String path) {
        return format("json").load(path);
    }

    public DataFrame csv(String path) {
        return format("csv").load(path);
    }

    public DataFrame text(String path) {
        return format("text").load(path);
    }

    public DataFrame load(String path) {
        options.put("path", path);
        return load();
    }
}
