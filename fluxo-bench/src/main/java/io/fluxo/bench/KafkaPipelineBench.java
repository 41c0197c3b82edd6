package io.fluxo.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Kafka → from_json → 1-minute windows → Kafka, on Fluxo and on Spark 4 local, against one local Kafka broker (KRaft,
 * in this JVM), each engine in a JVM of its own, one after the other:
 * <ol>
 * <li>throughput: {@code rows} JSON records are produced first; each engine drains them ({@code maxOffsetsPerTrigger}
 * {@value #MAX_OFFSETS_PER_TRIGGER}) and reports rows and milliseconds from {@code start()} to the end;</li>
 * <li>latency: records are produced at a steady {@code rate} rows/s, each carrying its send time; each output row of
 * a batch carries the newest send time it covers, so a record's latency is the arrival time of the first output that
 * covers it minus its send time (p50, p99, max, over {@code seconds} after a warm-up).</li>
 * </ol>
 * Arguments: {@code rows rate seconds [spark-classpath-file]}; without the class path, Spark is skipped.
 */
public final class KafkaPipelineBench {
    static final String SCHEMA = "id BIGINT, user STRING, amount DOUBLE, ts BIGINT";
    static final String MAX_OFFSETS_PER_TRIGGER = "200000";
    private static final int USERS = 100;
    private static final long WARM_UP_MS = 10_000;

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String sparkClasspath = args.length > 3 ? Files.readString(Path.of(args[3])).strip() : null;
        Path work = Files.createTempDirectory("fluxo-kafka-bench");
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1").build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            try (Admin admin = cluster.admin()) {
                List<NewTopic> topics = new ArrayList<>();
                for (String engine : List.of("fluxo", "spark")) {
                    topics.add(new NewTopic("tput-out-" + engine, 1, (short) 1));
                    topics.add(new NewTopic("lat-in-" + engine, 2, (short) 1));
                    topics.add(new NewTopic("lat-out-" + engine, 1, (short) 1));
                }
                topics.add(new NewTopic("tput-in", 2, (short) 1));
                admin.createTopics(topics).all().get();
            }
            long t = System.nanoTime();
            produceBacklog(bootstrap, rows);
            System.out.printf(Locale.ROOT, "produced %,d records in %.1f s%n", rows, (System.nanoTime() - t) / 1e9);

            List<String> fluxo = List.of(java(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                    FluxoKafkaPipeline.class.getName());
            List<String> spark = sparkClasspath == null ? null : List.of(java(), "-Xmx2g",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "-cp", sparkClasspath,
                    "io.fluxo.bench.spark.SparkKafkaPipeline");
            double[] fluxoTput = drain(fluxo, bootstrap, "fluxo", work);
            double[] sparkTput = spark == null ? null : drain(spark, bootstrap, "spark", work);
            double[] fluxoLat = latency(fluxo, bootstrap, "fluxo", rate, seconds, work);
            double[] sparkLat = spark == null ? null : latency(spark, bootstrap, "spark", rate, seconds, work);

            System.out.println();
            System.out.printf(Locale.ROOT, "%-7s %12s %10s %14s | at %,d rows/s: %8s %8s %8s%n", "engine", "rows",
                    "ms", "rows/s", rate, "p50 ms", "p99 ms", "max ms");
            print("fluxo", fluxoTput, fluxoLat);
            if (spark != null) {
                print("spark", sparkTput, sparkLat);
                System.out.printf(Locale.ROOT, "throughput ratio fluxo/spark: %.1fx%n", fluxoTput[2] / sparkTput[2]);
            }
        }
    }

    private static void print(String engine, double[] tput, double[] lat) {
        System.out.printf(Locale.ROOT, "%-7s %,12.0f %,10.0f %,14.0f | %22s %8.1f %8.1f %8.1f%n", engine, tput[0],
                tput[1], tput[2], "", lat[0], lat[1], lat[2]);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static KafkaProducer<String, String> producer(String bootstrap, String linger) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(p);
    }

    private static String record(long id, long ts) {
        return "{\"id\":" + id + ",\"user\":\"u" + (id % USERS) + "\",\"amount\":" + (id % 1000) / 10.0 + ",\"ts\":"
                + ts + "}";
    }

    /** {@code rows} records, event time advancing 1 ms per 50 records (50 k rows per second of event time). */
    private static void produceBacklog(String bootstrap, long rows) {
        long base = 1_700_000_000_000L;
        try (KafkaProducer<String, String> producer = producer(bootstrap, "20")) {
            for (long i = 0; i < rows; i++) {
                producer.send(new ProducerRecord<>("tput-in", (int) (i & 1), null, record(i, base + i / 50)));
            }
            producer.flush();
        }
    }

    /** Runs the engine over the backlog: rows, ms, rows/s, as the engine measured them. */
    private static double[] drain(List<String> command, String bootstrap, String engine, Path work) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of(bootstrap, "tput-in", "tput-out-" + engine, work.resolve(engine + "-tput").toString(),
                "drain"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String done = null;
        List<String> log = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.add(line);
                if (line.startsWith("DONE ")) {
                    done = line;
                }
            }
        }
        p.waitFor(10, TimeUnit.MINUTES);
        if (done == null) {
            throw new IllegalStateException(engine + " did not finish:\n" + String.join("\n", log.subList(
                    Math.max(0, log.size() - 40), log.size())));
        }
        long rows = Long.parseLong(done.replaceAll(".*rows=(\\d+).*", "$1"));
        long ms = Long.parseLong(done.replaceAll(".*ms=(\\d+).*", "$1"));
        System.out.printf(Locale.ROOT, "%s drained %,d rows in %,d ms: %,.0f rows/s%n", engine, rows, ms,
                rows * 1000.0 / ms);
        return new double[] {rows, ms, rows * 1000.0 / ms};
    }

    /**
     * Runs the engine while records arrive at {@code rate} rows/s; returns p50, p99 and max latency (ms) of the records
     * sent after the warm-up.
     */
    private static double[] latency(List<String> command, String bootstrap, String engine, int rate, int seconds,
            Path work) throws Exception {
        String in = "lat-in-" + engine;
        String out = "lat-out-" + engine;
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of(bootstrap, in, out, work.resolve(engine + "-lat").toString(), "run"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve(engine + "-lat.log").toFile()).start();
        try {
            long totalMs = WARM_UP_MS + seconds * 1000L;
            awaitFirstOutput(bootstrap, in, out, p);
            long start = System.currentTimeMillis() + 100;
            long[] sentPerMs = new long[(int) (totalMs + 1)];
            long[] latencyCounts = new long[60_001];
            AtomicBoolean producing = new AtomicBoolean(true);
            AtomicLong covered = new AtomicLong(start - 1);
            Thread consumer = new Thread(() -> consume(bootstrap, out, start, sentPerMs, latencyCounts, covered,
                    producing));
            consumer.start();
            while (System.currentTimeMillis() < start) {
                Thread.sleep(10);
            }
            try (KafkaProducer<String, String> producer = producer(bootstrap, "5")) {
                // Paced by sleeping, not spinning: a spinning producer would take one of the machine's cores from
                // the engine it measures.
                long id = 0;
                long sent = 0;
                while (true) {
                    long now = System.currentTimeMillis();
                    long elapsed = now - start;
                    if (elapsed >= totalMs) {
                        break;
                    }
                    long due = (long) rate * (elapsed + 1) / 1000;
                    long before = sent;
                    for (; sent < due; sent++, id++) {
                        producer.send(new ProducerRecord<>(in, (int) (id & 1), null, record(id, now)));
                    }
                    sentPerMs[(int) elapsed] += sent - before;
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                producer.flush();
            }
            long last = start + totalMs;
            long deadline = System.currentTimeMillis() + 30_000;
            while (covered.get() < last - 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            producing.set(false);
            consumer.join();
            long measured = 0;
            for (int ms = (int) WARM_UP_MS; ms <= totalMs; ms++) {
                measured += sentPerMs[ms];
            }
            long total = 0;
            for (long c : latencyCounts) {
                total += c;
            }
            System.out.printf(Locale.ROOT, "%s: %,d of %,d measured records seen in the output%n", engine, total,
                    measured);
            return new double[] {Histograms.percentile(latencyCounts, total, 0.50),
                    Histograms.percentile(latencyCounts, total, 0.99), Histograms.percentile(latencyCounts, total, 1.0)};
        } finally {
            p.destroy(); // a polite stop lets a profiler attached to the engine write its recording
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Sends one record and waits until the query has written its output: the run starts with the engine up (Spark
     * takes seconds to start a query; a backlog from its start would say nothing about its steady latency).
     */
    private static void awaitFirstOutput(String bootstrap, String in, String out, Process engine) throws Exception {
        try (KafkaProducer<String, String> producer = producer(bootstrap, "0")) {
            producer.send(new ProducerRecord<>(in, 0, null, record(-1, System.currentTimeMillis()))).get();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        TopicPartition tp = new TopicPartition(out, 0);
        long deadline = System.currentTimeMillis() + 180_000;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            while (c.endOffsets(List.of(tp)).get(tp) == 0) {
                if (!engine.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the engine wrote no output for the first record");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Reads the output: each record's {@code maxts} covers every record sent up to that millisecond. */
    private static void consume(String bootstrap, String topic, long start, long[] sentPerMs, long[] latencyCounts,
            AtomicLong covered, AtomicBoolean producing) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "1");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            while (producing.get()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(5))) {
                    long arrived = System.currentTimeMillis();
                    String v = r.value();
                    int i = v.indexOf("\"maxts\":");
                    if (i < 0) {
                        continue;
                    }
                    int j = i + 8;
                    int k = j;
                    while (k < v.length() && Character.isDigit(v.charAt(k))) {
                        k++;
                    }
                    long maxTs = Long.parseLong(v.substring(j, k));
                    long from = covered.get();
                    if (maxTs <= from) {
                        continue;
                    }
                    for (long ms = Math.max(from + 1, start + WARM_UP_MS); ms <= maxTs; ms++) {
                        int slot = (int) (ms - start);
                        if (slot >= sentPerMs.length) {
                            break;
                        }
                        latencyCounts[(int) Math.min(latencyCounts.length - 1, arrived - ms)] += sentPerMs[slot];
                    }
                    covered.set(maxTs);
                }
            }
        }
    }

    private KafkaPipelineBench() {
    }
}
