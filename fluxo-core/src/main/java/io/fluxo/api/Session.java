package io.fluxo.api;

import io.fluxo.connector.file.FileFormat;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.FileWriteJob;
import io.fluxo.connector.spi.SaveMode;
import io.fluxo.errors.AnalysisException;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.QueryExecutor;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.planner.Planner;
import io.fluxo.exec.planner.PlannerSettings;
import io.fluxo.function.EvalContext;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.plan.analysis.Analyzer;
import io.fluxo.plan.analysis.Catalog;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Range;
import io.fluxo.plan.optimizer.Optimizer;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.LongType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry point, as Spark's SparkSession: reads data into DataFrames, holds temporary views and settings, and runs
 * queries on a pool of threads sized to the machine's cores. Cheap to create; close it to stop its threads.
 *
 * <pre>{@code
 * Session spark = Session.builder().appName("sales").getOrCreate();
 * DataFrame df = spark.read().json("data/sales");
 * }</pre>
 */
public final class Session implements AutoCloseable {
    private static volatile Session active;

    private final String appName;
    private final RuntimeConfig conf;
    private final Map<String, LogicalPlan> tempViews = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final int parallelism;
    private final Clock clock;
    private volatile boolean closed;
    private final StreamingQueryManager streams = new StreamingQueryManager();

    private Session(String appName, Map<String, String> config, int parallelism, Clock clock) {
        this.appName = appName;
        this.conf = new RuntimeConfig(config);
        this.parallelism = parallelism;
        this.clock = clock;
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "fluxo-task-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The session made last by {@link Builder#getOrCreate()}, if it is still open. */
    public static Optional<Session> active() {
        Session s = active;
        return s == null || s.closed ? Optional.empty() : Optional.of(s);
    }

    public String appName() {
        return appName;
    }

    public RuntimeConfig conf() {
        return conf;
    }

    public DataFrameReader read() {
        return new DataFrameReader(this);
    }

    /** Reads streaming data: see {@link DataStreamReader} and {@link MemoryStream}. */
    public DataStreamReader readStream() {
        return new DataStreamReader(this);
    }

    /** The streaming queries of this session. */
    public StreamingQueryManager streams() {
        return streams;
    }

    /** Rows {@code 0 … end-1} in one BIGINT column {@code id}. */
    public DataFrame range(long end) {
        return range(0, end);
    }

    public DataFrame range(long start, long end) {
        return range(start, end, 1);
    }

    public DataFrame range(long start, long end, long step) {
        return range(start, end, step, 0);
    }

    /** {@code numPartitions} 0 means one per core. */
    public DataFrame range(long start, long end, long step, int numPartitions) {
        return new DataFrame(this, new Range(start, end, step, numPartitions,
                AttributeReference.create("id", LongType.INSTANCE, false)));
    }

    public DataFrame createDataFrame(List<Row> rows, StructType schema) {
        List<AttributeReference> output = new ArrayList<>();
        for (StructField f : schema.fields()) {
            output.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
        }
        return new DataFrame(this, new LocalRelation(output, RowConverter.toBatches(rows, schema)));
    }

    /**
     * A DataFrame over column batches the caller already holds (no copy): the columnar way in for embedders. Each
     * batch's columns must match {@code schema}.
     */
    public DataFrame createDataFrame(StructType schema, List<ColumnBatch> batches) {
        List<AttributeReference> output = new ArrayList<>();
        for (StructField f : schema.fields()) {
            output.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
        }
        for (ColumnBatch b : batches) {
            if (b.numColumns() != schema.size()) {
                throw new AnalysisException("INVALID_BATCH", "A batch has " + b.numColumns()
                        + " columns but the schema " + schema.toDDL() + " has " + schema.size() + ".");
            }
        }
        return new DataFrame(this, new LocalRelation(output, batches));
    }

    /** A DataFrame over a temporary view. */
    /**
     * A SQL query over this session's temporary views, as Spark's {@code spark.sql}: {@code SELECT … FROM … JOIN …
     * WHERE … GROUP BY … HAVING … ORDER BY … LIMIT …}, set operations, {@code WITH}, {@code VALUES}, and a watermark
     * in the FROM clause ({@code FROM events WATERMARK ts DELAY OF INTERVAL 10 MINUTES}). The DataFrame is streaming
     * when a view it reads is.
     */
    public DataFrame sql(String sqlText) {
        return SqlCommands.run(this, io.fluxo.sql.SqlParser.parseStatement(sqlText));
    }

    private final SessionTables tables = new SessionTables();

    SessionTables tables() {
        return tables;
    }

    public DataFrame table(String name) {
        return new DataFrame(this, new io.fluxo.plan.logical.UnresolvedRelation(
                io.fluxo.sql.SqlParser.parseMultipartIdentifier(name)));
    }

    /** Names of the temporary views and the tables made with CREATE TABLE, sorted (for tools such as a shell). */
    public List<String> listTables() {
        List<String> names = new java.util.ArrayList<>(tableNames());
        names.addAll(tables.names());
        return names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** Names of the temporary views, sorted. */
    public List<String> tableNames() {
        return tempViews.keySet().stream().sorted().toList();
    }

    void registerTempView(String name, LogicalPlan plan, boolean replace) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!replace && tempViews.containsKey(key)) {
            throw new AnalysisException("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "Cannot create the temporary view `" + name
                    + "` because it already exists.");
        }
        tempViews.put(key, plan);
    }

    public boolean dropTempView(String name) {
        return tempViews.remove(name.toLowerCase(Locale.ROOT)) != null;
    }

    // ---- query execution -------------------------------------------------------------------------------------

    ZoneId timeZone() {
        return ZoneId.of(conf.get(RuntimeConfig.SESSION_TIME_ZONE, "UTC"));
    }

    EvalContext newEvalContext() {
        return new EvalContext(timeZone(), DateTimeUtils.toMicros(clock.instant()));
    }

    Analyzer analyzer() {
        return new Analyzer(catalog(), FunctionRegistry.builtin());
    }

    private Catalog catalog() {
        return new Catalog() {
            @Override
            public Optional<LogicalPlan> lookupRelation(List<String> nameParts) {
                String name = String.join(".", nameParts);
                LogicalPlan view = tempViews.get(name.toLowerCase(Locale.ROOT));
                if (view != null) {
                    return Optional.of(view);
                }
                Optional<LogicalPlan> table = tables.read(Session.this, name);
                if (table.isPresent()) {
                    return table;
                }
                // Files queried in place, as Spark: SELECT * FROM json.`data/events`.
                if (nameParts.size() == 2
                        && io.fluxo.connector.file.FileFormats.names().contains(nameParts.get(0).toLowerCase(Locale.ROOT))) {
                    return Optional.of(read().format(nameParts.get(0)).load(nameParts.get(1)).logicalPlan());
                }
                return Optional.empty();
            }

            @Override
            public LogicalPlan readFiles(String path, Map<String, String> options, boolean streaming) {
                Map<String, String> rest = new java.util.LinkedHashMap<>(options);
                String format = rest.remove("format");
                if (format == null) {
                    throw new AnalysisException("READ_FILES_FORMAT_MISSING", "read_files('" + path + "') needs "
                            + "format => 'json' (or 'csv', 'text').");
                }
                String schema = rest.remove("schema");
                if (streaming) {
                    DataStreamReader reader = readStream().format(format).options(rest);
                    if (schema != null) {
                        reader.schema(schema);
                    }
                    return reader.load(path).logicalPlan();
                }
                DataFrameReader reader = read().format(format).options(rest);
                if (schema != null) {
                    reader.schema(schema);
                }
                return reader.load(path).logicalPlan();
            }

            @Override
            public Optional<LogicalPlan> lookupStream(List<String> nameParts) {
                return tables.readStream(Session.this, String.join(".", nameParts));
            }

            @Override
            public List<String> relationNames() {
                List<String> names = new java.util.ArrayList<>(tableNames());
                names.addAll(tables.names());
                return names;
            }
        };
    }

    PlannerSettings plannerSettings() {
        int shuffle = conf.getInt(RuntimeConfig.SHUFFLE_PARTITIONS, parallelism);
        long broadcast = Long.parseLong(conf.get(RuntimeConfig.BROADCAST_THRESHOLD_ROWS, "1000000"));
        // Each of a query's spilling operators may hold this much in each of its tasks at once.
        String spillDefault = Long.toString(Runtime.getRuntime().maxMemory() / 8 / parallelism);
        long sortSpill = Long.parseLong(conf.get(RuntimeConfig.SORT_SPILL_THRESHOLD_BYTES, spillDefault));
        long shuffleSpill = Long.parseLong(conf.get(RuntimeConfig.SHUFFLE_SPILL_THRESHOLD_BYTES, spillDefault));
        long aggregateSpill = Long.parseLong(conf.get(RuntimeConfig.AGGREGATE_SPILL_THRESHOLD_BYTES, spillDefault));
        long joinSpill = Long.parseLong(conf.get(RuntimeConfig.JOIN_SPILL_THRESHOLD_BYTES, spillDefault));
        String localDir = conf.get(RuntimeConfig.LOCAL_DIR, null);
        return new PlannerSettings(parallelism, shuffle, broadcast, sortSpill, shuffleSpill, aggregateSpill, joinSpill,
                localDir == null ? null : java.nio.file.Path.of(localDir));
    }

    /** The physical plan of an analyzed plan, for one run with the given context. */
    QueryPlans plan(LogicalPlan analyzed, EvalContext context) {
        ensureOpen();
        if (analyzed.isStreaming()) {
            throw new AnalysisException("STREAMING_QUERY_NOT_STARTED", "Queries with streaming sources must be "
                    + "executed with writeStream.start().");
        }
        LogicalPlan withCache = cacheManager.useCached(analyzed, part -> {
            try (TaskContext run = new TaskContext(context)) {
                return executor().collect(new Planner(plannerSettings()).plan(new Optimizer(context).optimize(part)),
                        run);
            }
        });
        LogicalPlan optimized = new Optimizer(context).optimize(withCache);
        PhysicalOperator physical = new Planner(plannerSettings()).plan(optimized);
        return new QueryPlans(analyzed, optimized, physical);
    }

    private final CacheManager cacheManager = new CacheManager();

    CacheManager cacheManager() {
        return cacheManager;
    }

    /** Plans and runs an analyzed plan, returning all result batches in order. */
    List<ColumnBatch> execute(LogicalPlan analyzed) {
        EvalContext context = newEvalContext();
        QueryPlans plans = plan(analyzed, context);
        try (TaskContext run = new TaskContext(context)) {
            return executor().collect(plans.physical(), run);
        }
    }

    /** Runs one micro-batch's plan (already analyzed, no streaming leaves left) for the streaming engine. */
    List<ColumnBatch> runBatchPlan(LogicalPlan batchPlan, EvalContext context) {
        QueryPlans plans = plan(batchPlan, context);
        try (TaskContext run = new TaskContext(context)) {
            return executor().collect(plans.physical(), run);
        }
    }

    /** Runs an analyzed plan, handing each output batch to {@code consumer} from the task that produced it. */
    void forEachBatch(LogicalPlan analyzed, java.util.function.Consumer<ColumnBatch> consumer) {
        EvalContext context = newEvalContext();
        QueryPlans plans = plan(analyzed, context);
        try (TaskContext run = new TaskContext(context)) {
            executor().runTasks(plans.physical(), run, (partition, batches) -> {
                ColumnBatch b;
                while ((b = batches.next()) != null) {
                    consumer.accept(b);
                }
                return null;
            });
        }
    }

    /** Runs an analyzed plan and writes its partitions as files, one per task, committed together. */
    void writeFiles(LogicalPlan analyzed, Path dir, SaveMode mode, FileFormat format, FileOptions options,
            StructType schema, List<String> partitionColumns) {
        EvalContext context = newEvalContext();
        QueryPlans plans = plan(analyzed, context);
        try {
            FileWriteJob job = FileWriteJob.start(dir, mode, format, schema, options, partitionColumns);
            if (job.isSkipped()) {
                return;
            }
            try (TaskContext run = new TaskContext(context)) {
                List<FileWriteJob.TaskResult> results = executor().runTasks(plans.physical(), run,
                        (partition, batches) -> job.writeTask(partition, new BatchIteratorAdapter(batches)));
                job.commit(results);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A pull-based batch stream seen as a java.util.Iterator. */
    private static final class BatchIteratorAdapter implements java.util.Iterator<ColumnBatch> {
        private final io.fluxo.exec.BatchIterator batches;
        private ColumnBatch next;

        BatchIteratorAdapter(io.fluxo.exec.BatchIterator batches) {
            this.batches = batches;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = batches.next();
            }
            return next != null;
        }

        @Override
        public ColumnBatch next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            ColumnBatch b = next;
            next = null;
            return b;
        }
    }

    QueryExecutor executor() {
        ensureOpen();
        return new QueryExecutor(pool);
    }

    record QueryPlans(LogicalPlan analyzed, LogicalPlan optimized, PhysicalOperator physical) {
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this Session was stopped");
        }
    }

    public void stop() {
        close();
    }

    @Override
    public void close() {
        streams.stopAll();
        closed = true;
        pool.shutdownNow();
        if (active == this) {
            active = null;
        }
    }

    /** Builds a session: {@code Session.builder().appName("x").config("fluxo.sql.shuffle.partitions", 4).getOrCreate()}. */
    public static final class Builder {
        private String appName = "fluxo";
        private final Map<String, String> config = new LinkedHashMap<>();
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Clock clock = Clock.systemUTC();

        public Builder appName(String name) {
            this.appName = name;
            return this;
        }

        /** {@code local}, {@code local[N]} or {@code local[*]}: how many threads run tasks. */
        public Builder master(String master) {
            String m = master.trim();
            if (m.equals("local")) {
                parallelism = 1;
            } else if (m.matches("local\\[(\\d+|\\*)]")) {
                String n = m.substring(6, m.length() - 1);
                parallelism = n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
            } else {
                throw new AnalysisException("INVALID_MASTER", "Fluxo runs in-process: master must be local, local[N] or "
                        + "local[*], got '" + master + "'.");
            }
            return this;
        }

        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        public Builder config(String key, long value) {
            return config(key, Long.toString(value));
        }

        public Builder config(String key, boolean value) {
            return config(key, Boolean.toString(value));
        }

        /** The clock that gives queries their current time; tests inject a fixed one. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A new session, which also becomes the active one. */
        public Session create() {
            int threads = parallelism;
            String configured = new RuntimeConfig(config).get(RuntimeConfig.PARALLELISM, null);
            if (configured != null) {
                try {
                    threads = Integer.parseInt(configured.trim());
                } catch (NumberFormatException e) {
                    throw new AnalysisException("INVALID_CONF_VALUE", "The value '" + configured + "' in the config \""
                            + RuntimeConfig.PARALLELISM + "\" is invalid: it must be an integer.");
                }
            }
            Session s = new Session(appName, config, Math.max(1, threads), clock);
            active = s;
            return s;
        }

        /** The active session if there is one (with this builder's settings applied), else a new one. */
        public synchronized Session getOrCreate() {
            Optional<Session> current = active();
            if (current.isPresent()) {
                config.forEach(current.get().conf::set);
                return current.get();
            }
            return create();
        }
    }
}
