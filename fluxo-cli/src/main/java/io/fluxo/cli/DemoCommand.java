package io.fluxo.cli;

import static io.fluxo.api.functions.avg;
import static io.fluxo.api.functions.col;
import static io.fluxo.api.functions.count;
import static io.fluxo.api.functions.desc;
import static io.fluxo.api.functions.round;
import static io.fluxo.api.functions.sum;
import static io.fluxo.api.functions.window;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.stream.StreamingQueryListener;
import io.fluxo.stream.StreamingQueryProgress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: an e-commerce sales stream. A writer drops JSON order files into a temporary folder over time (each
 * written under a hidden name, then renamed); a streaming query reads them as they arrive and keeps revenue and
 * orders per 5-minute event-time window per category (watermark 10 minutes, update mode), printing the windows each
 * micro-batch changed and a one-line progress report; at the end a batch query over the same folder reports revenue
 * per category. Ctrl-C stops it cleanly.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Stream generated sales files through a query, then report on them (no setup needed).")
final class DemoCommand implements Callable<Integer> {
    static final String[] CATEGORIES = {"books", "games", "garden", "kitchen", "music", "sports", "toys"};
    static final String SCHEMA = "order_id BIGINT, ts TIMESTAMP, category STRING, sku STRING, qty INT, price DOUBLE";

    @Option(names = "--orders", description = "Orders per file (default: ${DEFAULT-VALUE}).")
    int ordersPerFile = 5_000;

    @Option(names = "--files", description = "Files to write, one per interval (default: ${DEFAULT-VALUE}).")
    int files = 6;

    @Option(names = "--interval", description = "Milliseconds between files (default: ${DEFAULT-VALUE}).")
    long intervalMs = 500;

    @Option(names = "--dir", description = "Folder for the data (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path data = dir != null ? dir : Files.createTempDirectory("fluxo-demo-");
        Path checkpoint = Files.createTempDirectory("fluxo-demo-checkpoint-");
        System.out.printf(Locale.ROOT, "Streaming %d files of %,d orders from %s%n", files, ordersPerFile, data);
        try (Session spark = Session.builder().appName("demo").create()) {
            spark.streams().addListener(new StreamingQueryListener() {
                @Override
                public void onQueryProgress(QueryProgressEvent event) {
                    StreamingQueryProgress p = event.progress();
                    System.out.printf(Locale.ROOT, "batch %d | %,d rows | %,.0f rows/s | %d ms%n%n", p.batchId(),
                            p.numInputRows(), p.processedRowsPerSecond(), p.batchDuration());
                }
            });
            DataFrame orders = spark.readStream().schema(SCHEMA).option("maxFilesPerTrigger", 2).json(data.toString());
            // Revenue and orders per 5-minute window of event time per category, updated as files arrive.
            StreamingQuery query = orders
                    .withWatermark("ts", "10 minutes")
                    .groupBy(window(col("ts"), "5 minutes"), col("category"))
                    .agg(round(sum(col("qty").multiply(col("price"))), 2).as("revenue"), count("*").as("orders"))
                    .select(col("window.start").as("window_start"), col("category"), col("revenue"), col("orders"))
                    .writeStream().format("console").outputMode("update").option("numRows", 5)
                    .queryName("revenue_per_window").option("checkpointLocation", checkpoint.toString()).start();
            Thread stopper = new Thread(query::stop, "fluxo-demo-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            for (int f = 0; f < files && query.isActive(); f++) {
                SalesData.write(data, f, ordersPerFile, 42 + f);
                Thread.sleep(intervalMs);
            }
            query.processAllAvailable();
            query.stop();
            Runtime.getRuntime().removeShutdownHook(stopper);

            System.out.println("== Revenue per category, all files (a batch query over the same folder) ==");
            spark.read().schema(SCHEMA).json(data.toString())
                    .withColumn("amount", col("qty").multiply(col("price")))
                    .groupBy("category")
                    .agg(round(sum("amount"), 2).as("revenue"), count("*").as("orders"),
                            round(avg("amount"), 2).as("avg_order"))
                    .orderBy(desc("revenue"))
                    .show();
        }
        return 0;
    }

    /** The generated data set; deterministic for a seed. */
    static final class SalesData {
        private SalesData() {
        }

        /** Writes file number {@code f} of {@code orders} orders; returns its size in bytes. */
        static long write(Path dir, int f, int orders, long seed) throws IOException {
            Files.createDirectories(dir);
            SplittableRandom random = new SplittableRandom(seed);
            long start = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
            long bytes = 0;
            long id = (long) f * orders;
            Path tmp = dir.resolve(".orders-" + f + ".json.tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                for (int i = 0; i < orders; i++, id++) {
                    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                    String line = String.format(Locale.ROOT,
                            "{\"order_id\":%d,\"ts\":\"%s\",\"category\":\"%s\",\"sku\":\"%s-%03d\",\"qty\":%d,"
                                    + "\"price\":%.2f}%n",
                            id, Instant.ofEpochSecond(start + id * 7L), category, category.substring(0, 3),
                            random.nextInt(100), 1 + random.nextInt(9), 2 + random.nextDouble() * 98);
                    w.write(line);
                    bytes += line.length();
                }
            }
            // Write then rename, so a reader never sees a half-written file.
            Files.move(tmp, dir.resolve("orders-" + f + ".json"));
            return bytes;
        }
    }
}
