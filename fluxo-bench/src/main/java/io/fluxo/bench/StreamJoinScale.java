package io.fluxo.bench;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.stream.StreamingQueryProgress;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A stream-stream inner join of two {@code rate-micro-batch} streams with a 10-second time bound, as fast as the
 * engine goes: impressions {@code (id, it)} and clicks {@code (id, ct)}, each click 3 event-seconds after its
 * impression, joined on {@code id = cid AND ct BETWEEN it - 10 s AND it + 10 s}, both sides watermarked 10 s. Each
 * batch adds {@code rowsPerBatch} rows to each stream and one event-second. Prints, per batch, input rows per second
 * (both sides), the rows in the state of both sides and the heap in use; then the median throughput once the state
 * has reached its steady size.
 *
 * <p>Run: {@code java -Xmx4g -cp fluxo-bench/target/benchmarks.jar io.fluxo.bench.StreamJoinScale [rowsPerBatch]
 * [batches]}
 */
public final class StreamJoinScale {
    private static final LinkedBlockingQueue<StreamingQueryProgress> PROGRESS = new LinkedBlockingQueue<>();

    private StreamJoinScale() {
    }

    public static void main(String[] args) throws Exception {
        long rowsPerBatch = args.length > 0 ? Long.parseLong(args[0]) : 200_000L;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path checkpoint = Files.createTempDirectory("fluxo-join-scale-");
        System.out.printf("rowsPerBatch=%,d per side, batches=%d, cores=%d, maxHeap=%,d MB%n", rowsPerBatch, batches,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("batch  inputRows  batchMs    rows/s  stateKeys  joinedRows  heapUsedMB");
        List<Double> steady = new ArrayList<>();
        try (Session spark = Session.builder().create()) {
            spark.streams().addListener(new io.fluxo.stream.StreamingQueryListener() {
                @Override
                public void onQueryProgress(QueryProgressEvent event) {
                    PROGRESS.add(event.progress());
                }
            });
            DataFrame impressions = spark.readStream().format("rate-micro-batch")
                    .option("rowsPerBatch", Long.toString(rowsPerBatch)).load()
                    .selectExpr("value AS id", "timestamp AS it").withWatermark("it", "10 seconds");
            DataFrame clicks = spark.readStream().format("rate-micro-batch")
                    .option("rowsPerBatch", Long.toString(rowsPerBatch)).load()
                    .selectExpr("value - " + 3 * rowsPerBatch + " AS cid", "timestamp AS ct")
                    .withWatermark("ct", "10 seconds");
            DataFrame joined = impressions.join(clicks, io.fluxo.api.functions.expr(
                    "id = cid AND ct BETWEEN it - INTERVAL 10 SECONDS AND it + INTERVAL 10 SECONDS"));
            StreamingQuery q = joined.writeStream().format("noop")
                    .option("checkpointLocation", checkpoint.toString()).start();
            for (int seen = 0; seen < batches; ) {
                StreamingQueryProgress p = PROGRESS.poll(1, TimeUnit.SECONDS);
                if (p == null) {
                    if (!q.isActive()) {
                        throw new IllegalStateException("the query stopped", q.exception().orElse(null));
                    }
                    continue;
                }
                if (p.numInputRows() == 0) {
                    continue;
                }
                seen++;
                double rate = p.numInputRows() * 1000.0 / Math.max(1, p.batchDuration());
                // The state fills for the first 20 event-seconds (10 s of watermark delay and 10 s of bound).
                if (seen > 25) {
                    steady.add(rate);
                }
                StreamingQueryProgress.StateOperatorProgress s = p.stateOperators().get(0);
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("%5d %10d %8d %9.0f %10d %11d %11d%n", p.batchId(), p.numInputRows(),
                        p.batchDuration(), rate, s.numRowsTotal(), p.sink().numOutputRows(), heap >> 20);
            }
            q.stop();
        } finally {
            try (Stream<Path> files = Files.walk(checkpoint)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        steady.sort(null);
        if (!steady.isEmpty()) {
            System.out.printf("steady state: median %,.0f input rows/s (both sides), min %,.0f, max %,.0f over %d "
                    + "batches%n", steady.get(steady.size() / 2), steady.get(0), steady.get(steady.size() - 1),
                    steady.size());
        }
    }
}
