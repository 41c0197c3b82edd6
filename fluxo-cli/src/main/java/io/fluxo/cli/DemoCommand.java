package io.fluxo.cli;

import static io.fluxo.api.functions.avg;
import static io.fluxo.api.functions.col;
import static io.fluxo.api.functions.count;
import static io.fluxo.api.functions.desc;
import static io.fluxo.api.functions.round;
import static io.fluxo.api.functions.sum;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
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
 * The main job: writes a small e-commerce sales data set (JSON order files) into a temporary folder and queries it —
 * revenue and orders per category, and the largest orders — printing the results and how long each step took.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample sales data and run queries on it (no setup needed).")
final class DemoCommand implements Callable<Integer> {
    static final String[] CATEGORIES = {"books", "games", "garden", "kitchen", "music", "sports", "toys"};

    @Option(names = "--orders", description = "Number of orders to generate (default: ${DEFAULT-VALUE}).")
    int orders = 200_000;

    @Option(names = "--files", description = "Number of JSON files to spread them over (default: ${DEFAULT-VALUE}).")
    int files = 8;

    @Option(names = "--dir", description = "Folder for the data (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Path data = dir != null ? dir : Files.createTempDirectory("fluxo-demo-");
        long t0 = System.nanoTime();
        long bytes = SalesData.write(data, orders, files, 42);
        System.out.printf(Locale.ROOT, "Wrote %,d orders (%,d KB) in %d JSON files to %s in %d ms%n", orders,
                bytes / 1024, files, data, (System.nanoTime() - t0) / 1_000_000);
        try (Session spark = Session.builder().appName("demo").create()) {
            DataFrame sales = spark.read()
                    .schema("order_id BIGINT, ts TIMESTAMP, category STRING, sku STRING, qty INT, price DOUBLE")
                    .json(data.toString())
                    .withColumn("amount", col("qty").multiply(col("price")));
            timed("Revenue per category", () -> sales.groupBy("category")
                    .agg(round(sum("amount"), 2).as("revenue"), count("*").as("orders"),
                            round(avg("amount"), 2).as("avg_order"))
                    .orderBy(desc("revenue"))
                    .show());
            timed("Largest orders", () -> sales.filter(col("qty").geq(5))
                    .select(col("order_id"), col("ts"), col("category"), col("sku"), round(col("amount"), 2).as("amount"))
                    .orderBy(desc("amount"))
                    .show(5));
        }
        return 0;
    }

    private static void timed(String title, Runnable query) {
        System.out.println();
        System.out.println("== " + title + " ==");
        long t = System.nanoTime();
        query.run();
        System.out.printf(Locale.ROOT, "(%d ms)%n", (System.nanoTime() - t) / 1_000_000);
    }

    /** The generated data set; deterministic for a seed. */
    static final class SalesData {
        private SalesData() {
        }

        static long write(Path dir, int orders, int files, long seed) throws IOException {
            Files.createDirectories(dir);
            SplittableRandom random = new SplittableRandom(seed);
            long start = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
            long bytes = 0;
            int perFile = (orders + files - 1) / Math.max(1, files);
            int id = 0;
            for (int f = 0; f < files && id < orders; f++) {
                Path tmp = dir.resolve(".orders-" + f + ".json.tmp");
                try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                    for (int i = 0; i < perFile && id < orders; i++, id++) {
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
            }
            return bytes;
        }
    }
}
