package io.fluxo.bench;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;
import io.fluxo.state.StateStore;
import io.fluxo.state.StateStoreConf;
import io.fluxo.stream.ManualClock;
import io.fluxo.stream.StreamingQueryProgress;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a streaming aggregation behaves with millions of keys in its state: a {@code rate-micro-batch} stream of
 * distinct keys grouped in update mode until the state holds {@code keys} keys, then batches that update existing
 * keys; per batch the time, the state commit time and the heap in use (after a full GC); then a restart on the same
 * checkpoint and the time until its first batch is done (state loaded from snapshot and deltas, one batch run).
 *
 * <p>Run: {@code java -Xmx8g -cp fluxo-bench/target/benchmarks.jar io.fluxo.bench.StateScale [keys] [rowsPerBatch]}
 */
public final class StateScale {
    private StateScale() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("restart")) {
            restart(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]));
            return;
        }
        long keys = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long rowsPerBatch = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int growBatches = (int) (keys / rowsPerBatch);
        Path checkpoint = Files.createTempDirectory("fluxo-state-scale-");
        ManualClock clock = new ManualClock(0);
        System.out.printf("keys=%,d rowsPerBatch=%,d cores=%d maxHeap=%,d MB%n", keys, rowsPerBatch,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("batch  stateKeys   batchMs  commitMs  stateMemMB  heapUsedMB");
        try (Session spark = Session.builder().create()) {
            listen(spark);
            StreamingQuery q = start(spark, checkpoint, clock, keys, rowsPerBatch);
            for (int b = 0; b < growBatches + 2; b++) {
                report(runOneBatch(q, clock, b));
            }
            q.stop();
        }
        long totalStateBytes;
        try (Stream<Path> files = Files.walk(checkpoint.resolve("state"))) {
            totalStateBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("state files on disk: %,d MB%n", totalStateBytes >> 20);
        // A restart is a new JVM: the state is loaded into an empty heap, as after a crash or a deploy.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StateScale.class.getName(), "restart",
                checkpoint.toString(), Long.toString(keys), Long.toString(rowsPerBatch),
                Long.toString(growBatches + 2)));
        Process restart = new ProcessBuilder(command).inheritIO().start();
        if (restart.waitFor() != 0) {
            throw new IllegalStateException("the restarted query failed");
        }
        if (Boolean.getBoolean("stateScale.keep")) {
            System.out.println("checkpoint kept: " + checkpoint);
            return;
        }
        try (Stream<Path> files = Files.walk(checkpoint)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The restarted run: start the query on the checkpoint and time it until its first batch is done. */
    private static void restart(Path checkpoint, long keys, long rowsPerBatch, long batchId) throws Exception {
        if (Boolean.getBoolean("stateScale.loadOnly")) {
            // The state loads alone, one thread per partition as the query's tasks do.
            List<Path> partitions;
            try (Stream<Path> dirs = Files.list(checkpoint.resolve("state").resolve("0"))) {
                partitions = dirs.filter(Files::isDirectory).toList();
            }
            long t0 = System.nanoTime();
            long loaded = partitions.parallelStream().mapToLong(dir -> StateStore.load(dir, batchId,
                    StateStoreConf.DEFAULT).numKeys()).sum();
            System.out.printf("state load alone: %,d keys in %,d ms%n", loaded, (System.nanoTime() - t0) / 1_000_000);
            return;
        }
        try (Session spark = Session.builder().create()) {
            ManualClock clock = new ManualClock(batchId * 1000);
            listen(spark);
            long t0 = System.nanoTime();
            StreamingQuery q = start(spark, checkpoint, clock, keys, rowsPerBatch);
            StreamingQueryProgress p = runOneBatch(q, clock, batchId);
            long restartMs = (System.nanoTime() - t0) / 1_000_000;
            report(p);
            System.out.printf("restart in a new JVM: start() to first batch done = %,d ms (batch %,d ms, %,d keys "
                    + "loaded)%n", restartMs, p.batchDuration(), p.stateOperators().get(0).numRowsTotal());
            q.stop();
        }
    }

    private static StreamingQuery start(Session spark, Path checkpoint, ManualClock clock, long keys,
            long rowsPerBatch) {
        DataFrame counts = spark.readStream().format("rate-micro-batch")
                .option("rowsPerBatch", Long.toString(rowsPerBatch)).load()
                .selectExpr("value % " + keys + " AS k", "value").groupBy("k")
                .agg(io.fluxo.api.functions.expr("count(*) AS n"), io.fluxo.api.functions.expr("sum(value) AS s"));
        return counts.writeStream().outputMode("update").format("noop")
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.processingTime("1 second")).clock(clock).start();
    }

    /** Progress reports as they come, so the driver waits for a batch without polling. */
    private static final java.util.concurrent.LinkedBlockingQueue<StreamingQueryProgress> PROGRESS =
            new java.util.concurrent.LinkedBlockingQueue<>();

    private static void listen(Session spark) {
        spark.streams().addListener(new io.fluxo.stream.StreamingQueryListener() {
            @Override
            public void onQueryProgress(QueryProgressEvent event) {
                PROGRESS.add(event.progress());
            }
        });
    }

    /** Moves the clock to the next trigger and waits until batch {@code batchId} has reported progress. */
    private static StreamingQueryProgress runOneBatch(StreamingQuery q, ManualClock clock, long batchId)
            throws InterruptedException {
        clock.advance(1000);
        while (true) {
            StreamingQueryProgress p = PROGRESS.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (p != null && p.batchId() >= batchId) {
                return p;
            }
            if (p == null && !q.isActive()) {
                throw new IllegalStateException("the query stopped", q.exception().orElse(null));
            }
        }
    }

    private static void report(StreamingQueryProgress p) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        StreamingQueryProgress.StateOperatorProgress s = p.stateOperators().get(0);
        System.out.printf("%5d %10d %9d %9d %11d %11d%n", p.batchId(), s.numRowsTotal(), p.batchDuration(),
                s.commitTimeMs(), s.memoryUsedBytes() >> 20, heap >> 20);
    }
}
