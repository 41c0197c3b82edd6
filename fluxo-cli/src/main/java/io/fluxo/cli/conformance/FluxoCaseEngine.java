package io.fluxo.cli.conformance;

import static io.fluxo.api.functions.expr;

import io.fluxo.api.Column;
import io.fluxo.api.DataFrame;
import io.fluxo.api.MemoryStream;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.AnalysisException;
import io.fluxo.stream.ManualClock;
import io.fluxo.stream.StreamingQueryProgress;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs conformance cases on Fluxo through its public API, as a user would: memory streams for the sources, temp views
 * for the tables, the DataFrame calls the case names, and a {@code foreachBatch} sink that records each batch.
 */
final class FluxoCaseEngine implements CaseEngine {

    @Override
    public CaseExecution start(ConformanceCase c, Path checkpointDir) {
        Session.Builder builder = Session.builder().appName("conformance: " + c.name())
                .config("fluxo.sql.session.timeZone", "UTC");
        c.conf().forEach(builder::config);
        Session session = builder.create();
        try {
            Map<String, GatedStream> sources = new LinkedHashMap<>();
            for (Map.Entry<String, StructType> source : c.sources().entrySet()) {
                GatedStream gated = new GatedStream(MemoryStream.create(session, source.getValue()), source.getKey());
                sources.put(source.getKey(), gated);
                session.readStream().load(gated).createOrReplaceTempView(source.getKey());
            }
            c.tables().forEach((name, table) ->
                    session.createDataFrame(table.rows(), table.schema()).createOrReplaceTempView(name));
            DataFrame query = build(session, c.query());
            return new Execution(session, query, sources, c.outputMode(), checkpointDir);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static DataFrame build(Session session, CaseQuery query) {
        if (query instanceof CaseQuery.DataFrameSteps steps) {
            return build(session, steps.steps());
        }
        return session.sql(((CaseQuery.Sql) query).text());
    }

    private static DataFrame build(Session session, List<QueryStep> steps) {
        StepApplier applier = new StepApplier(session);
        for (QueryStep step : steps) {
            applier.current = step.accept(applier);
        }
        return applier.current;
    }

    private static Column[] exprs(List<String> sql) {
        return sql.stream().map(s -> expr(s)).toArray(Column[]::new);
    }

    private static final java.util.regex.Pattern SORT_ITEM = java.util.regex.Pattern.compile(
            "(?is)(.*?)(?:\\s+(ASC|DESC))?(?:\\s+NULLS\\s+(FIRST|LAST))?\\s*");

    /** An ORDER BY item: an expression, then optionally ASC or DESC and NULLS FIRST or NULLS LAST. */
    static Column sortOrder(String item) {
        java.util.regex.Matcher m = SORT_ITEM.matcher(item);
        if (!m.matches()) {
            return expr(item);
        }
        Column c = expr(m.group(1));
        boolean desc = "DESC".equalsIgnoreCase(m.group(2));
        String nulls = m.group(3);
        if (nulls == null) {
            return desc ? c.desc() : c.asc();
        }
        boolean nullsFirst = nulls.equalsIgnoreCase("FIRST");
        if (desc) {
            return nullsFirst ? c.desc_nulls_first() : c.desc();
        }
        return nullsFirst ? c.asc() : c.asc_nulls_last();
    }

    /** Applies one step to the DataFrame built so far. */
    private static final class StepApplier implements QueryStep.Visitor<DataFrame> {
        private final Session session;
        private DataFrame current;

        StepApplier(Session session) {
            this.session = session;
        }

        @Override
        public DataFrame source(QueryStep.Source step) {
            return session.table(step.name());
        }

        @Override
        public DataFrame table(QueryStep.Table step) {
            return session.table(step.name());
        }

        @Override
        public DataFrame select(QueryStep.Select step) {
            return current.selectExpr(step.expressions().toArray(String[]::new));
        }

        @Override
        public DataFrame filter(QueryStep.Filter step) {
            return current.filter(step.condition());
        }

        @Override
        public DataFrame withColumn(QueryStep.WithColumn step) {
            return current.withColumn(step.name(), expr(step.expression()));
        }

        @Override
        public DataFrame withWatermark(QueryStep.WithWatermark step) {
            return current.withWatermark(step.column(), step.delay());
        }

        @Override
        public DataFrame groupByAgg(QueryStep.GroupByAgg step) {
            Column[] aggregates = exprs(step.aggregateExpressions());
            if (aggregates.length == 0) {
                throw new AnalysisException("INVALID_AGG", "groupBy needs at least one aggregate expression in agg");
            }
            Column[] rest = java.util.Arrays.copyOfRange(aggregates, 1, aggregates.length);
            return current.groupBy(exprs(step.groupingExpressions())).agg(aggregates[0], rest);
        }

        @Override
        public DataFrame dropDuplicates(QueryStep.DropDuplicates step) {
            return step.columns().isEmpty() ? current.dropDuplicates()
                    : current.dropDuplicates(step.columns().toArray(String[]::new));
        }

        @Override
        public DataFrame dropDuplicatesWithinWatermark(QueryStep.DropDuplicatesWithinWatermark step) {
            return current.dropDuplicatesWithinWatermark(step.columns().toArray(String[]::new));
        }

        @Override
        public DataFrame join(QueryStep.Join step) {
            DataFrame right = build(session, step.right());
            String how = step.how().sparkName();
            if (step.on() instanceof QueryStep.Using using) {
                return current.join(right, using.columns(), how);
            }
            return current.join(right, expr(((QueryStep.Condition) step.on()).expression()), how);
        }

        @Override
        public DataFrame union(QueryStep.Union step) {
            return current.union(build(session, step.other()));
        }

        @Override
        public DataFrame orderBy(QueryStep.OrderBy step) {
            return current.orderBy(step.expressions().stream().map(FluxoCaseEngine::sortOrder).toArray(Column[]::new));
        }

        @Override
        public DataFrame limit(QueryStep.Limit step) {
            return current.limit(step.n());
        }
    }

    /**
     * A memory stream whose new rows become visible to the query only when released, so that the rows one case step
     * adds to several sources land in one micro-batch, as the case format requires.
     */
    private static final class GatedStream implements MicroBatchStream {
        private final MemoryStream stream;
        private final String name;
        private volatile String released;

        GatedStream(MemoryStream stream, String name) {
            this.stream = stream;
            this.name = name;
            this.released = stream.initialOffset();
        }

        void add(List<Row> rows) {
            stream.addData(rows);
        }

        void release() {
            released = stream.latestOffset(null);
        }

        @Override
        public StructType schema() {
            return stream.schema();
        }

        @Override
        public String description() {
            return "MemoryStream[" + name + "]";
        }

        @Override
        public String initialOffset() {
            return stream.initialOffset();
        }

        @Override
        public String latestOffset(String start) {
            return released;
        }

        @Override
        public List<InputPartition> planInputPartitions(String start, String end) throws IOException {
            return stream.planInputPartitions(start, end);
        }

        @Override
        public PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException {
            return stream.createReader(partition, requiredColumns);
        }
    }

    /** One started case query, with the batches its sink received. */
    private static final class Execution implements CaseExecution {
        private final Session session;
        private final DataFrame query;
        private final Map<String, GatedStream> sources;
        private final String outputMode;
        private final Path checkpointDir;
        private final ManualClock clock = new ManualClock(0);
        /** Batches by id: a batch re-run after a restart replaces its first run, as in Spark's memory sink. */
        private final TreeMap<Long, List<Row>> received = new TreeMap<>();
        private final List<Long> undrained = new ArrayList<>();
        private StreamingQuery running;

        Execution(Session session, DataFrame query, Map<String, GatedStream> sources, String outputMode,
                Path checkpointDir) {
            this.session = session;
            this.query = query;
            this.sources = sources;
            this.outputMode = outputMode;
            this.checkpointDir = checkpointDir;
            this.running = startQuery();
        }

        private StreamingQuery startQuery() {
            return query.writeStream()
                    .outputMode(outputMode)
                    .option("checkpointLocation", checkpointDir.toString())
                    .clock(clock)
                    .foreachBatch((batch, batchId) -> {
                        List<Row> rows = batch.collectAsList();
                        synchronized (received) {
                            received.put(batchId, rows);
                            undrained.remove(batchId);
                            undrained.add(batchId);
                        }
                    })
                    .start();
        }

        @Override
        public StructType outputSchema() {
            return query.schema();
        }

        @Override
        public void addData(String source, List<Row> rows) {
            GatedStream stream = sources.get(source);
            if (stream == null) {
                throw new IllegalArgumentException("the case has no source named " + source);
            }
            stream.add(rows);
        }

        @Override
        public void processAllAvailable() {
            sources.values().forEach(GatedStream::release);
            running.processAllAvailable();
            running.exception().ifPresent(e -> {
                throw e;
            });
        }

        @Override
        public List<SinkBatch> drainSinkBatches() {
            synchronized (received) {
                List<SinkBatch> batches = new ArrayList<>();
                for (long id : undrained) {
                    batches.add(new SinkBatch(id, received.get(id)));
                }
                undrained.clear();
                return batches;
            }
        }

        @Override
        public void restart() {
            running.stop();
            running = startQuery();
        }

        @Override
        public void advanceClock(Duration duration) {
            clock.advance(duration.toMillis());
        }

        @Override
        public Map<String, Object> lastProgress() {
            StreamingQueryProgress progress = running.lastProgress();
            Map<String, Object> fields = new LinkedHashMap<>();
            if (progress == null) {
                return fields;
            }
            fields.put("batchId", progress.batchId());
            fields.put("numInputRows", progress.numInputRows());
            if (!progress.stateOperators().isEmpty()) {
                StreamingQueryProgress.StateOperatorProgress state = progress.stateOperators().get(0);
                fields.put("stateRows", state.numRowsTotal());
                fields.put("droppedByWatermark", state.numRowsDroppedByWatermark());
            }
            return fields;
        }

        @Override
        public void close() {
            try {
                running.stop();
            } finally {
                session.close();
            }
        }
    }
}
