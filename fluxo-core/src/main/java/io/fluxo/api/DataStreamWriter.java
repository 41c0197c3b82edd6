package io.fluxo.api;

import io.fluxo.connector.file.FileFormats;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.FileStreamSink;
import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.logical.StreamingRelation;
import io.fluxo.stream.MicroBatchRunner;
import io.fluxo.stream.StreamClock;
import io.fluxo.stream.StreamSink;
import io.fluxo.stream.StreamingQueryListener;
import io.fluxo.stream.StreamingQueryProgress;
import io.fluxo.stream.UnsupportedOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** {@code df.writeStream()}: where and how a streaming query writes, then {@link #start()}. */
public final class DataStreamWriter {
    private final DataFrame df;
    private String format = "memory";
    private OutputMode outputMode = OutputMode.APPEND;
    private Trigger trigger = Trigger.processingTime(0, java.util.concurrent.TimeUnit.MILLISECONDS);
    private String queryName;
    private final Map<String, String> options = new LinkedHashMap<>();
    private ForeachBatchFunction foreachBatch;
    private ForeachWriter<Row> foreachWriter;
    private final List<String> partitionColumns = new ArrayList<>();
    private StreamClock clock = StreamClock.SYSTEM;

    DataStreamWriter(DataFrame df) {
        this.df = df;
    }

    /**
     * {@code memory} (default), {@code console}, {@code json}, {@code csv}, {@code text} (files, with a {@code path}),
     * {@code noop}; {@code foreachBatch} and {@code foreach} are set by {@link #foreachBatch} and {@link #foreach}.
     */
    public DataStreamWriter format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
        return this;
    }

    public DataStreamWriter outputMode(OutputMode mode) {
        this.outputMode = mode;
        return this;
    }

    public DataStreamWriter outputMode(String mode) {
        return outputMode(OutputMode.fromString(mode));
    }

    public DataStreamWriter trigger(Trigger trigger) {
        this.trigger = trigger;
        return this;
    }

    public DataStreamWriter queryName(String name) {
        this.queryName = name;
        return this;
    }

    public DataStreamWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataStreamWriter option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataStreamWriter option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataStreamWriter options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    /** Runs {@code function} on each micro-batch's output as a DataFrame, with the batch id. */
    public DataStreamWriter foreachBatch(ForeachBatchFunction function) {
        this.foreachBatch = function;
        this.format = "foreachbatch";
        return this;
    }

    /** Hands every output row to {@code writer}, partition by partition ({@link ForeachWriter}). */
    public DataStreamWriter foreach(ForeachWriter<Row> writer) {
        this.foreachWriter = writer;
        this.format = "foreach";
        return this;
    }

    /** The processing-time clock of the query; tests pass a {@link io.fluxo.stream.ManualClock}. */
    public DataStreamWriter clock(StreamClock clock) {
        this.clock = clock;
        return this;
    }

    /** File sinks: write rows into Hive-style {@code column=value} folders, without those columns in the files. */
    public DataStreamWriter partitionBy(String... columns) {
        partitionColumns.addAll(List.of(columns));
        return this;
    }

    public StreamingQuery start(String path) {
        options.put("path", path);
        return start();
    }

    public StreamingQuery start() {
        Session session = df.session();
        if (!df.isStreaming()) {
            throw new AnalysisException("WRITE_STREAM_NOT_ALLOWED", "'writeStream' can be called only on streaming "
                    + "Dataset/DataFrame.");
        }
        UnsupportedOperations.check(df.logicalPlan(), outputMode.name().toLowerCase(Locale.ROOT));
        StreamingQueryManager manager = session.streams();
        manager.checkNameFree(queryName);
        StreamSink sink = sink(session);
        Path checkpoint = checkpointDir();
        List<Runnable> detach = new ArrayList<>();
        StreamingQuery[] self = new StreamingQuery[1];
        // The state partitions of stateful operators are fixed by the first batch: record the resolved count.
        Map<String, String> conf = new java.util.TreeMap<>(session.conf().getAll());
        conf.put(RuntimeConfig.SHUFFLE_PARTITIONS, Integer.toString(session.plannerSettings().shufflePartitions()));
        MicroBatchRunner runner = new MicroBatchRunner(queryName, df.logicalPlan(),
                outputMode.name().toLowerCase(Locale.ROOT), sink, trigger.spec(), clock, session.timeZone(), conf,
                checkpoint, session::runBatchPlan, events(manager, self));
        df.logicalPlan().transformUp(p -> {
            if (p instanceof StreamingRelation s && s.stream() instanceof MemoryStream m) {
                Runnable wake = runner::signal;
                m.onData(wake);
                detach.add(() -> m.removeListener(wake));
            }
            return p;
        });
        StreamingQuery query = new StreamingQuery(runner, manager, df, () -> detach.forEach(Runnable::run));
        self[0] = query;
        manager.started(query);
        runner.start();
        return query;
    }

    private StreamSink sink(Session session) {
        switch (format) {
            case "memory":
                if (queryName == null) {
                    throw new AnalysisException("STREAMING_QUERY_NAME_REQUIRED", "queryName must be specified for "
                            + "memory sink.");
                }
                return new MemorySink(session, queryName, outputMode);
            case "console":
                return StreamSinks.console(session, Integer.parseInt(options.getOrDefault("numRows", "20")),
                        Boolean.parseBoolean(options.getOrDefault("truncate", "true")), System.out);
            case "foreachbatch":
                if (foreachBatch == null) {
                    throw new AnalysisException("INVALID_SINK", "foreachBatch needs a function: call "
                            + "foreachBatch(fn).");
                }
                return StreamSinks.foreachBatch(session, foreachBatch);
            case "foreach":
                if (foreachWriter == null) {
                    throw new AnalysisException("INVALID_SINK", "foreach needs a writer: call foreach(writer).");
                }
                return StreamSinks.foreach(session, foreachWriter);
            case "json":
            case "csv":
            case "text":
                return fileSink(session);
            case "noop":
                return new StreamSink() {
                    @Override
                    public void addBatch(long batchId, io.fluxo.types.StructType schema,
                            List<io.fluxo.vector.ColumnBatch> rows) {
                    }

                    @Override
                    public String description() {
                        return "NoopSink";
                    }
                };
            default:
                java.util.Optional<io.fluxo.connector.spi.SinkProvider> provider =
                        io.fluxo.connector.spi.SinkProvider.find(format);
                if (provider.isPresent()) {
                    return provider.get().createSink(java.util.Map.copyOf(options));
                }
                throw new AnalysisException("DATA_SOURCE_NOT_FOUND", "Failed to find the streaming sink '" + format
                        + "'. Available: memory, console, json, csv, text, foreachBatch, foreach, noop.");
        }
    }

    private StreamSink fileSink(Session session) {
        String path = options.get("path");
        if (path == null) {
            throw new AnalysisException("PATH_NOT_SPECIFIED", "A " + format + " file sink needs a path: start(path) "
                    + "or option(\"path\", ...).");
        }
        if (outputMode != OutputMode.APPEND) {
            throw new AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE", "Data source " + format
                    + " does not support " + outputMode.name().charAt(0) + outputMode.name().substring(1).toLowerCase(Locale.ROOT) + " output mode.");
        }
        Map<String, String> writeOptions = new LinkedHashMap<>(options);
        writeOptions.remove("path");
        writeOptions.remove("checkpointLocation");
        return StreamSinks.files(new FileStreamSink(Path.of(path), FileFormats.forName(format), df.schema(),
                FileOptions.of(writeOptions, session.timeZone()), partitionColumns));
    }

    private Path checkpointDir() {
        String location = options.get("checkpointLocation");
        if (location == null) {
            location = df.session().conf().get("fluxo.sql.streaming.checkpointLocation", null);
            if (location != null && queryName != null) {
                location = Path.of(location, queryName).toString();
            }
        }
        try {
            return location != null ? Path.of(location) : Files.createTempDirectory("fluxo-checkpoint-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary checkpoint: " + e.getMessage(), e);
        }
    }

    private static MicroBatchRunner.Events events(StreamingQueryManager manager, StreamingQuery[] query) {
        List<StreamingQueryListener> listeners = manager.listeners();
        return new MicroBatchRunner.Events() {
            @Override
            public void started(UUID id, UUID runId) {
                String now = Instant.now().toString();
                listeners.forEach(l -> l.onQueryStarted(new StreamingQueryListener.QueryStartedEvent(id, runId,
                        query[0] == null ? null : query[0].name(), now)));
            }

            @Override
            public void progress(StreamingQueryProgress progress) {
                listeners.forEach(l -> l.onQueryProgress(new StreamingQueryListener.QueryProgressEvent(progress)));
            }

            @Override
            public void idle(UUID id, UUID runId) {
                String now = Instant.now().toString();
                listeners.forEach(l -> l.onQueryIdle(new StreamingQueryListener.QueryIdleEvent(id, runId, now)));
            }

            @Override
            public void terminated(UUID id, UUID runId, Throwable error) {
                if (query[0] != null) {
                    manager.ended(query[0]);
                }
                listeners.forEach(l -> l.onQueryTerminated(new StreamingQueryListener.QueryTerminatedEvent(id, runId,
                        error == null ? null : error.getMessage())));
            }
        };
    }

}
