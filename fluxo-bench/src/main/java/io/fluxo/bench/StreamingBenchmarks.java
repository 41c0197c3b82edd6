package io.fluxo.bench;

import io.fluxo.api.DataFrame;
import io.fluxo.api.MemoryStream;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.functions;
import io.fluxo.stream.StreamingQueryListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The streaming engine's own costs: an empty trigger, the round trip of a one-row batch through a memory stream to
 * {@code foreachBatch} (checkpoint writes included), and the throughput of a stateless query over
 * {@code rate-micro-batch}.
 *
 * <p>Run: {@code java -jar fluxo-bench/target/benchmarks.jar StreamingBenchmarks}
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-XX:+UseParallelGC"})
public class StreamingBenchmarks {

    /** A running memory-stream query whose sink counts rows; its checkpoint is a real folder on disk. */
    @State(Scope.Benchmark)
    public static class MemoryQuery {
        Session session;
        MemoryStream input;
        StreamingQuery query;
        final LongAdder rows = new LongAdder();
        Path checkpoint;

        @Setup(Level.Trial)
        public void start() throws Exception {
            session = Session.builder().create();
            input = MemoryStream.create(session, "id BIGINT, name STRING");
            checkpoint = Files.createTempDirectory("fluxo-bench-chk-");
            query = input.toDF().writeStream().option("checkpointLocation", checkpoint.toString())
                    .foreachBatch((df, batchId) -> rows.add(df.collectAsList().size())).start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            query.stop();
            session.close();
        }
    }

    /** One trigger that finds no new data: wake the loop, ask the source, go idle. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void emptyTrigger(MemoryQuery q) {
        q.query.processAllAvailable();
    }

    /** One row in, through the offset log, the batch plan, foreachBatch and the commit log, back to the caller. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long oneRowBatchRoundTrip(MemoryQuery q) {
        q.input.addData(Row.of(1L, "a"));
        q.query.processAllAvailable();
        return q.rows.sum();
    }

    /** A query over rate-micro-batch running for the whole trial; one measured operation per completed batch. */
    @State(Scope.Benchmark)
    public abstract static class RunningQuery {
        static final long ROWS_PER_BATCH = 4_000_000;

        @Param({"2"})
        public int threads;

        Session session;
        StreamingQuery query;
        final Semaphore batchesDone = new Semaphore(0);

        /** The query's output, from {@code rows} of rate-micro-batch (timestamp, value). */
        abstract DataFrame transform(DataFrame rows);

        abstract String outputMode();

        @Setup(Level.Trial)
        public void start() throws Exception {
            session = Session.builder().master("local[" + threads + "]").create();
            session.streams().addListener(new StreamingQueryListener() {
                @Override
                public void onQueryProgress(QueryProgressEvent event) {
                    batchesDone.release();
                }
            });
            DataFrame rows = session.readStream().format("rate-micro-batch").option("rowsPerBatch", ROWS_PER_BATCH)
                    .option("numPartitions", threads).option("advanceMillisPerBatch", 1000).load();
            query = transform(rows).writeStream().format("noop").outputMode(outputMode())
                    .option("checkpointLocation", Files.createTempDirectory("fluxo-bench-stream-").toString())
                    .start();
        }

        /** Batches finished while JMH was not measuring must not count. */
        @Setup(Level.Iteration)
        public void forgetEarlierBatches() {
            batchesDone.drainPermits();
        }

        @TearDown(Level.Trial)
        public void stop() {
            query.stop();
            session.close();
        }
    }

    /** rate-micro-batch → filter → project → noop. */
    @State(Scope.Benchmark)
    public static class RateQuery extends RunningQuery {
        @Override
        DataFrame transform(DataFrame rows) {
            return rows.filter("value % 2 = 0").selectExpr("value * 3 AS tripled", "timestamp");
        }

        @Override
        String outputMode() {
            return "append";
        }
    }

    /** A 5-second tumbling window over 1 000 keys with count and sum, update mode. */
    @State(Scope.Benchmark)
    public static class WindowedAggregationQuery extends RunningQuery {
        @Override
        DataFrame transform(DataFrame rows) {
            return rows.selectExpr("timestamp", "value % 1000 AS k", "value")
                    .groupBy(functions.expr("window(timestamp, '5 seconds')"), functions.col("k"))
                    .agg(functions.expr("count(*)"), functions.expr("sum(value)"));
        }

        @Override
        String outputMode() {
            return "update";
        }
    }

    /**
     * A stream joined with a static table of 1 M rows on a BIGINT key (the static side, as in Spark, is evaluated
     * again for every batch), inner join, to {@code noop}.
     */
    @State(Scope.Benchmark)
    public static class StreamStaticJoinQuery extends RunningQuery {
        @Override
        DataFrame transform(DataFrame rows) {
            DataFrame dimension = rows.session().range(1_000_000).selectExpr("id AS k", "id * 2 AS attr");
            return rows.selectExpr("value % 1000000 AS k", "value").join(dimension, "k");
        }

        @Override
        String outputMode() {
            return "append";
        }
    }

    /** Stream rows per second through the stream-static join; one operation is one batch. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation((int) RunningQuery.ROWS_PER_BATCH)
    public void streamStaticJoin(StreamStaticJoinQuery q) throws InterruptedException {
        q.batchesDone.acquire();
    }

    /** Input rows per second through the windowed aggregation; one operation is one batch. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation((int) RunningQuery.ROWS_PER_BATCH)
    public void windowedAggregation(WindowedAggregationQuery q) throws InterruptedException {
        q.batchesDone.acquire();
    }

    /** Input rows per second: each operation is one batch of {@link RunningQuery#ROWS_PER_BATCH} rows. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation((int) RunningQuery.ROWS_PER_BATCH)
    public void rateFilterProjectNoop(RateQuery q) throws InterruptedException {
        q.batchesDone.acquire();
    }
}
