package io.fluxo.bench.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.StructType;

/**
 * One Nexmark query on Spark 4 local[*], in a JVM of its own, run by Fluxo's {@code NexmarkBench} over the same event
 * files as Fluxo; prints {@code RESULT rows=… ms=… firstBatchMs=… peakHeapMb=…} as Fluxo's side does. Arguments:
 * events folder, query SQL, output mode, files per trigger, checkpoint folder, shuffle partitions, then the DDL of
 * person, auction and bid. A {@code <view> WATERMARK dateTime DELAY OF INTERVAL n SECONDS} clause in the SQL (Fluxo's
 * and Databricks' syntax) is read as {@code withWatermark("dateTime", "n seconds")} on that view.
 */
public final class SparkNexmarkQuery {
    public static void main(String[] args) throws Exception {
        String events = args[0];
        String sql = args[1];
        String outputMode = args[2];
        String filesPerTrigger = args[3];
        String checkpoint = args[4];
        String[] tables = {"person", "auction", "bid"};
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        SparkSession spark = SparkSession.builder().master("local[*]").appName("nexmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", args[5])
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        java.util.regex.Matcher watermarks = java.util.regex.Pattern
                .compile("(\\w+) WATERMARK dateTime DELAY OF INTERVAL (\\d+) SECONDS").matcher(sql);
        StringBuilder rewritten = new StringBuilder();
        java.util.Map<String, String> delays = new java.util.HashMap<>();
        while (watermarks.find()) {
            delays.put(watermarks.group(1), watermarks.group(2));
            watermarks.appendReplacement(rewritten, watermarks.group(1) + "_wm");
        }
        watermarks.appendTail(rewritten);
        for (int i = 0; i < tables.length; i++) {
            var df = spark.readStream().schema(StructType.fromDDL(args[6 + i]))
                    .option("maxFilesPerTrigger", filesPerTrigger).json(events + "/" + tables[i]);
            df.createOrReplaceTempView(tables[i]);
            if (delays.containsKey(tables[i])) {
                df.withWatermark("dateTime", delays.get(tables[i]) + " seconds")
                        .createOrReplaceTempView(tables[i] + "_wm");
            }
        }
        spark.sql("SELECT id AS key, CAST(id AS STRING) AS value FROM range(10000)")
                .createOrReplaceTempView("side_input");
        AtomicLong rows = new AtomicLong();
        AtomicLong firstBatchAt = new AtomicLong();
        spark.streams().addListener(new StreamingQueryListener() {
            @Override
            public void onQueryStarted(QueryStartedEvent event) {
            }

            @Override
            public void onQueryProgress(QueryProgressEvent event) {
                rows.addAndGet(event.progress().numInputRows());
                firstBatchAt.compareAndSet(0, System.currentTimeMillis());
            }

            @Override
            public void onQueryTerminated(QueryTerminatedEvent event) {
            }
        });
        long start = System.nanoTime();
        StreamingQuery q = spark.sql(rewritten.toString()).writeStream().format("noop").outputMode(outputMode)
                .option("checkpointLocation", checkpoint).trigger(Trigger.AvailableNow()).start();
        q.awaitTermination();
        long ms = (System.nanoTime() - start) / 1_000_000;
        // Progress events are delivered asynchronously: wait (bounded) until the last batch's has arrived.
        long deadline = System.currentTimeMillis() + 10_000;
        long expected = 0;
        for (var p : q.recentProgress()) {
            expected += p.numInputRows();
        }
        while (rows.get() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("RESULT rows=" + rows.get() + " ms=" + ms + " firstBatchMs=" + (firstBatchAt.get()
                - jvmStart) + " peakHeapMb=" + peak / (1024 * 1024));
        spark.stop();
        System.exit(0);
    }

    private SparkNexmarkQuery() {
    }
}
