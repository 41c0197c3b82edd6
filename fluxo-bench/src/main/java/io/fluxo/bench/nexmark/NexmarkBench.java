package io.fluxo.bench.nexmark;

import io.fluxo.api.Session;
import io.fluxo.nexmark.Nexmark;
import io.fluxo.nexmark.NexmarkQuery;
import io.fluxo.types.StructType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Nexmark on Fluxo and on Spark 4 local, side by side in one invocation. It writes a fixed event set once (JSON lines,
 * {@code person/ auction/ bid/}, cached under the output folder by event count), then runs each query on Fluxo and,
 * with a Spark class path, on Spark, each in a JVM of its own, over the same files with the same rate limit
 * ({@code maxFilesPerTrigger}) to a no-op sink until the files are read. It also runs each query on Fluxo's in-process
 * generator (events/s comparable to the figures Flink, RisingWave and Arroyo publish), measures the latency of q0, q1
 * and q7 at a fixed input rate, and runs q7 in a 256 MB heap. With Spark, it also runs each query as a batch query over
 * the files on both engines and compares the results row for row. Prints a table and writes it as {@code nexmark.json} and
 * {@code nexmark.png} under the output folder.
 *
 * <p>Arguments: {@code [--events N] [--queries q0,q1,…] [--spark-classpath FILE] [--out DIR] [--latency-rate R]
 * [--latency-seconds S]}.
 */
public final class NexmarkBench {
    static final int SHUFFLE_PARTITIONS = Runtime.getRuntime().availableProcessors();
    /** Event time advances 10 000 events a second (the reference's default rate): 1 M events span 100 s. */
    static final long EVENT_TIME_RATE = 10_000;
    static final String SEED = "1";
    static final long GENERATOR_EVENTS_PER_TRIGGER = 500_000;
    static final long LATENCY_WARM_UP_MS = 5_000;
    static final int FILES_PER_TABLE = 16;
    static final int FILES_PER_TRIGGER = 4;
    private static final List<NexmarkQuery> LATENCY_QUERIES = List.of(NexmarkQuery.Q0, NexmarkQuery.Q1, NexmarkQuery.Q7);

    /** One query's figures; NaN where not measured. */
    record Result(String query, long rows, double fluxoEventsPerSecond, double sparkEventsPerSecond,
            double generatorEventsPerSecond, double p50Ms, double p99Ms, long fluxoPeakHeapMb, long sparkPeakHeapMb,
            long fluxoFirstBatchMs, long sparkFirstBatchMs, String sameResult) {
        double ratio() {
            return fluxoEventsPerSecond / sparkEventsPerSecond;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        long events = Long.parseLong(opts.getOrDefault("events", "1000000").replace("_", ""));
        List<NexmarkQuery> queries = new ArrayList<>();
        for (String id : opts.getOrDefault("queries", "all").split(",")) {
            if (id.equals("all")) {
                queries.addAll(Arrays.asList(NexmarkQuery.values()));
            } else {
                queries.add(NexmarkQuery.byId(id.trim()).orElseThrow(() -> new IllegalArgumentException(
                        "unknown query '" + id + "'; known: " + Arrays.toString(NexmarkQuery.values()))));
            }
        }
        String sparkClasspath = opts.containsKey("spark-classpath")
                ? Files.readString(Path.of(opts.get("spark-classpath"))).strip() : null;
        Path out = Path.of(opts.getOrDefault("out", "bench-results"));
        long latencyRate = Long.parseLong(opts.getOrDefault("latency-rate", "100000"));
        int latencySeconds = Integer.parseInt(opts.getOrDefault("latency-seconds", "20"));
        Files.createDirectories(out);
        Path eventsDir = writeEvents(out.resolve("nexmark-events-" + events), events);
        Path work = Files.createTempDirectory("fluxo-nexmark-bench");

        List<Result> results = new ArrayList<>();
        for (NexmarkQuery q : queries) {
            Map<String, String> fluxo = child(fluxoCommand("-Xmx2g", "files", eventsDir.toString(), q.id(),
                    Integer.toString(FILES_PER_TRIGGER), work.resolve("fluxo-" + q.id()).toString()), "fluxo " + q.id());
            Map<String, String> spark = sparkClasspath == null ? Map.of() : child(sparkCommand(sparkClasspath,
                    eventsDir, q, work.resolve("spark-" + q.id())), "spark " + q.id());
            Map<String, String> generator = child(fluxoCommand("-Xmx2g", "generator", q.id(), Long.toString(events),
                    work.resolve("gen-" + q.id()).toString()), "fluxo generator " + q.id());
            Map<String, String> latency = LATENCY_QUERIES.contains(q) ? child(fluxoCommand("-Xmx2g", "latency", q.id(),
                    Long.toString(latencyRate), Integer.toString(latencySeconds),
                    work.resolve("lat-" + q.id()).toString()), "fluxo latency " + q.id()) : Map.of();
            String check = sparkClasspath == null ? "-" : check(sparkClasspath, eventsDir, q, work.resolve("check-"
                    + q.id()));
            long rows = Long.parseLong(fluxo.get("rows"));
            Result r = new Result(q.id(), rows, perSecond(fluxo), perSecond(spark), perSecond(generator),
                    number(latency, "p50"), number(latency, "p99"), Long.parseLong(fluxo.get("peakHeapMb")),
                    Long.parseLong(spark.getOrDefault("peakHeapMb", "-1")), Long.parseLong(fluxo.get("firstBatchMs")),
                    Long.parseLong(spark.getOrDefault("firstBatchMs", "-1")), check);
            results.add(r);
            System.out.println(row(r));
        }
        String smallHeap = null;
        if (queries.contains(NexmarkQuery.Q7)) {
            Map<String, String> q7 = child(fluxoCommand("-Xmx256m", "generator", "q7", Long.toString(events),
                    work.resolve("q7-256m").toString()), "fluxo q7 in 256 MB");
            smallHeap = String.format(Locale.ROOT, "q7 in a 256 MB heap: %,.0f events/s, peak heap %s MB",
                    perSecond(q7), q7.get("peakHeapMb"));
        }

        System.out.println();
        System.out.println(header());
        results.forEach(r -> System.out.println(row(r)));
        if (smallHeap != null) {
            System.out.println(smallHeap);
        }
        // Start-up: a fresh JVM running q0 over 1 000 generated events, to the end of its first batch (median of 3),
        // as it is and with an application class-data archive (AppCDS) made by a training run.
        Path archive = work.resolve("fluxo.jsa");
        child(fluxoCommand("-XX:ArchiveClassesAtExit=" + archive, "startup", "q0",
                work.resolve("startup-training").toString()), "fluxo start-up training run");
        long plain = medianStartUp(work, "-Xmx2g", "plain");
        long withArchive = medianStartUp(work, "-XX:SharedArchiveFile=" + archive, "cds");
        long sparkStart = results.stream().mapToLong(Result::sparkFirstBatchMs).filter(v -> v >= 0).min().orElse(-1);
        String startUp = "JVM start to first processed batch (q0, 1 000 generated events, median of 3): Fluxo "
                + plain + " ms, " + withArchive + " ms with a class-data archive"
                + (sparkStart >= 0 ? "; Spark " + sparkStart + " ms (fastest query over the files, first batch of "
                + FILES_PER_TRIGGER + " files)" : "");
        System.out.println(startUp);
        Files.writeString(out.resolve("nexmark.json"), json(events, results, smallHeap, startUp));
        chart(results, out.resolve("nexmark.png"));
        System.out.println("wrote " + out.resolve("nexmark.json") + " and " + out.resolve("nexmark.png"));
    }

    /**
     * Runs the query as a batch query over the event files on both engines and compares their results: "same" with
     * the row count when both hold the same rows the same number of times, else what differs.
     */
    private static String check(String sparkClasspath, Path events, NexmarkQuery q, Path dir) throws Exception {
        Path fluxoOut = dir.resolve("fluxo");
        Path sparkOut = dir.resolve("spark");
        child(fluxoCommand("-Xmx2g", "batch", events.toString(), q.id(), fluxoOut.toString()), "fluxo batch " + q.id());
        List<String> spark = new ArrayList<>(List.of(java(), "-Xmx2g",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "-cp", sparkClasspath,
                "io.fluxo.bench.spark.SparkNexmarkBatch", events.toString(), q.sql(), sparkOut.toString()));
        for (String table : List.of("person", "auction", "bid")) {
            spark.add(schema(table).toDDL());
        }
        child(spark, "spark batch " + q.id());
        try (Session session = Session.builder().master("local[*]").create()) {
            for (String table : List.of("person", "auction", "bid")) {
                session.read().schema(schema(table)).json(events.resolve(table).toString())
                        .createOrReplaceTempView(table);
            }
            Nexmark.registerSideInput(session);
            StructType schema = session.sql(q.sql()).schema();
            session.read().schema(schema).json(fluxoOut.toString()).createOrReplaceTempView("fluxo_result");
            session.read().schema(schema).json(sparkOut.toString()).createOrReplaceTempView("spark_result");
            // Grouped by every column with its count, so that the same rows a different number of times differ too.
            String columns = String.join(", ", schema.fields().stream().map(f -> "`" + f.name() + "`").toList());
            String counted = "SELECT " + columns + ", count(*) AS n FROM %s GROUP BY " + columns;
            long onlyFluxo = session.sql("SELECT * FROM (" + counted.formatted("fluxo_result") + ") EXCEPT SELECT * "
                    + "FROM (" + counted.formatted("spark_result") + ")").count();
            long onlySpark = session.sql("SELECT * FROM (" + counted.formatted("spark_result") + ") EXCEPT SELECT * "
                    + "FROM (" + counted.formatted("fluxo_result") + ")").count();
            long rows = session.table("fluxo_result").count();
            return onlyFluxo == 0 && onlySpark == 0 ? "same (" + rows + " rows)"
                    : "DIFFERENT (" + onlyFluxo + " row groups only Fluxo's, " + onlySpark + " only Spark's)";
        }
    }

    private static long medianStartUp(Path work, String jvmOption, String name) throws Exception {
        long[] starts = new long[3];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = Long.parseLong(child(fluxoCommand(jvmOption, "startup", "q0",
                    work.resolve("startup-" + name + i).toString()), "fluxo start-up").get("firstBatchMs"));
        }
        Arrays.sort(starts);
        return starts[1];
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    static StructType schema(String table) {
        return switch (table) {
            case "person" -> Nexmark.PERSON_SCHEMA;
            case "auction" -> Nexmark.AUCTION_SCHEMA;
            case "bid" -> Nexmark.BID_SCHEMA;
            default -> throw new IllegalArgumentException(table);
        };
    }

    /** Writes the event set once: each table in {@link #FILES_PER_TABLE} JSON-lines files; reused when present. */
    private static Path writeEvents(Path dir, long events) throws IOException {
        Path done = dir.resolve("_DONE");
        if (Files.exists(done)) {
            return dir;
        }
        long start = System.nanoTime();
        try (Session session = Session.builder().master("local[*]").create()) {
            for (String table : List.of("person", "auction", "bid")) {
                session.read().format("nexmark").option("table", table).option("maxEvents", Long.toString(events))
                        .option("numPartitions", Integer.toString(FILES_PER_TABLE))
                        .option("eventTimeRate", Long.toString(EVENT_TIME_RATE)).option("seed", SEED).load()
                        .write().mode("overwrite").json(dir.resolve(table).toString());
            }
        }
        Files.writeString(done, "");
        System.out.printf(Locale.ROOT, "wrote %,d events as JSON lines to %s in %.1f s%n", events, dir,
                (System.nanoTime() - start) / 1e9);
        return dir;
    }

    private static List<String> fluxoCommand(String jvmOption, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), jvmOption, "-cp", System.getProperty("java.class.path"),
                FluxoNexmarkQuery.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static List<String> sparkCommand(String classpath, Path events, NexmarkQuery q, Path checkpoint) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx2g",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "-cp", classpath,
                "io.fluxo.bench.spark.SparkNexmarkQuery", events.toString(), q.sql(), q.outputMode(),
                Integer.toString(FILES_PER_TRIGGER), checkpoint.toString(), Integer.toString(SHUFFLE_PARTITIONS)));
        for (String table : List.of("person", "auction", "bid")) {
            cmd.add(schema(table).toDDL());
        }
        return cmd;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a child JVM and returns the fields of its {@code RESULT} line; its output when it has none. */
    private static Map<String, String> child(List<String> command, String what) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> log = new ArrayList<>();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.add(line);
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (result == null) {
            throw new IllegalStateException(what + " gave no result:\n" + String.join("\n",
                    log.subList(Math.max(0, log.size() - 40), log.size())));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String kv : result.substring("RESULT ".length()).split(" ")) {
            int eq = kv.indexOf('=');
            fields.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return fields;
    }

    private static double perSecond(Map<String, String> result) {
        return result.containsKey("ms") ? Long.parseLong(result.get("rows")) * 1000.0
                / Math.max(1, Long.parseLong(result.get("ms"))) : Double.NaN;
    }

    private static double number(Map<String, String> result, String key) {
        return result.containsKey(key) ? Double.parseDouble(result.get(key)) : Double.NaN;
    }

    /** Heap in use at its highest, summed over the heap's pools (their peaks may fall at different times). */
    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-5s %11s %14s %14s %7s %16s %8s %8s %9s %9s  %s", "query", "events",
                "fluxo ev/s", "spark ev/s", "ratio", "generator ev/s", "p50 ms", "p99 ms", "fluxo MB", "spark MB",
                "results vs Spark");
    }

    private static String row(Result r) {
        return String.format(Locale.ROOT, "%-5s %,11d %,14.0f %,14.0f %6.1fx %,16.0f %8.0f %8.0f %9d %9s  %s",
                r.query(), r.rows(), r.fluxoEventsPerSecond(), r.sparkEventsPerSecond(), r.ratio(),
                r.generatorEventsPerSecond(), r.p50Ms(), r.p99Ms(), r.fluxoPeakHeapMb(),
                r.sparkPeakHeapMb() < 0 ? "-" : Long.toString(r.sparkPeakHeapMb()), r.sameResult());
    }

    private static String json(long events, List<Result> results, String smallHeap, String startUp) {
        StringBuilder b = new StringBuilder("{\n  \"date\": \"" + Instant.now() + "\",\n  \"events\": " + events
                + ",\n  \"cores\": " + Runtime.getRuntime().availableProcessors() + ",\n  \"queries\": [\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            b.append(String.format(Locale.ROOT, "    {\"query\": \"%s\", \"events\": %d, \"fluxoEventsPerSecond\": %s, "
                    + "\"sparkEventsPerSecond\": %s, \"ratio\": %s, \"generatorEventsPerSecond\": %s, "
                    + "\"latencyP50Ms\": %s, \"latencyP99Ms\": %s, \"fluxoPeakHeapMb\": %d, \"sparkPeakHeapMb\": %s, "
                    + "\"resultsVsSpark\": \"%s\"}%s%n",
                    r.query(), r.rows(), num(r.fluxoEventsPerSecond()), num(r.sparkEventsPerSecond()), num(r.ratio()),
                    num(r.generatorEventsPerSecond()), num(r.p50Ms()), num(r.p99Ms()), r.fluxoPeakHeapMb(),
                    r.sparkPeakHeapMb() < 0 ? "null" : Long.toString(r.sparkPeakHeapMb()), r.sameResult(),
                    i + 1 < results.size() ? "," : ""));
        }
        b.append("  ],\n  \"smallHeap\": ").append(smallHeap == null ? "null" : "\"" + smallHeap + "\"")
                .append(",\n  \"startUp\": \"").append(startUp).append("\"\n}\n");
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** A bar chart of events/s per query: Fluxo and Spark side by side, on a log scale. */
    private static void chart(List<Result> results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = Math.max(620, 120 + 90 * results.size());
        int height = 420;
        int left = 80;
        int bottom = height - 50;
        int top = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Nexmark events/s (log scale): Fluxo vs Spark 4 local, "
                + Runtime.getRuntime().availableProcessors() + " cores", left, 25);
        double max = results.stream().mapToDouble(r -> Math.max(r.fluxoEventsPerSecond(),
                Double.isNaN(r.sparkEventsPerSecond()) ? 0 : r.sparkEventsPerSecond())).max().orElse(1);
        double decades = Math.max(1, Math.ceil(Math.log10(max)) - 3);
        double lowest = Math.pow(10, Math.ceil(Math.log10(max)) - decades);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int d = 0; d <= decades; d++) {
            int y = bottom - (int) ((bottom - top) * d / decades);
            g.setColor(new Color(225, 225, 225));
            g.setStroke(new BasicStroke(1));
            g.drawLine(left, y, width - 20, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,.0f", lowest * Math.pow(10, d)), 5, y + 4);
        }
        Color fluxo = new Color(31, 119, 180);
        Color spark = new Color(255, 127, 14);
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            int x = left + 20 + 90 * i;
            bar(g, x, r.fluxoEventsPerSecond(), lowest, decades, top, bottom, fluxo);
            bar(g, x + 32, r.sparkEventsPerSecond(), lowest, decades, top, bottom, spark);
            g.setColor(Color.BLACK);
            g.drawString(r.query(), x + 18, bottom + 16);
            if (!Double.isNaN(r.ratio())) {
                g.drawString(String.format(Locale.ROOT, "%.1fx", r.ratio()), x + 14, bottom + 32);
            }
        }
        g.setColor(fluxo);
        g.fillRect(left, 33, 12, 12);
        g.setColor(spark);
        g.fillRect(left + 80, 33, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString("Fluxo", left + 16, 44);
        g.drawString("Spark 4", left + 96, 44);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void bar(Graphics2D g, int x, double value, double lowest, double decades, int top, int bottom,
            Color color) {
        if (Double.isNaN(value) || value <= 0) {
            return;
        }
        double fraction = Math.max(0, Math.log10(value / lowest) / decades);
        int h = (int) ((bottom - top) * Math.min(1, fraction));
        g.setColor(color);
        g.fillRect(x, bottom - h, 28, h);
    }

    private NexmarkBench() {
    }
}
