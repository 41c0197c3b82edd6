package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code session.readStream()}: a streaming DataFrame over a source. This version's sources: {@link MemoryStream}
 * (from Java; use {@code MemoryStream.create(...).toDF()}). File, rate and socket sources arrive in a later version.
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

    public DataFrame load() {
        throw new AnalysisException("DATA_SOURCE_NOT_FOUND", "Failed to find the streaming source '" + format
                + "'. This version reads streams from MemoryStream only; file, rate and socket sources arrive in a "
                + "later version.");
    }

    public DataFrame load(String path) {
        options.put("path", path);
        return load();
    }
}
