package io.fluxo.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactly-once Kafka sink under crashes: a child JVM runs Kafka → Kafka with {@code exactlyOnce} and is killed
 * with {@code kill -9} three times in the middle of a batch's transaction (records of the open transaction already in
 * the output log), then halted once right after Kafka committed a batch but before the query's commit log recorded
 * it; a last run finishes the input. A {@code read_committed} consumer then sees every input value exactly once, in
 * input order per partition.
 */
class ExactlyOnceSinkTest {
    private static final int PER_PARTITION = 300;
    private static final List<String> STALL_AT = List.of("p0-120", "p1-170", "p0-260");

    @Test
    void killedMidTransactionThreeTimesAndOnceAfterKafkasCommitEveryRowIsReadOnce(@TempDir Path dir)
            throws Exception {
        String bootstrap = TestKafka.bootstrap();
        TestKafka.createTopic("eo-in", 2);
        TestKafka.createTopic("eo-out", 2);
        try (KafkaProducer<String, String> producer = TestKafka.producer()) {
            for (int i = 0; i < PER_PARTITION; i++) {
                for (int p = 0; p < 2; p++) {
                    producer.send(new ProducerRecord<>("eo-in", p, null, String.format("p%d-%03d", p, i)));
                }
            }
            producer.flush();
        }
        Path chk = dir.resolve("chk");
        Path markers = Files.createDirectories(dir.resolve("markers"));
        for (String value : STALL_AT) {
            Process child = startChild(bootstrap, chk, markers, "run", "kafka", dir);
            awaitFile(markers.resolve(value + ".stalled"), child, dir);
            awaitOpenTransaction(bootstrap, child, dir);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        Process halting = startChild(bootstrap, chk, markers, "run", "kafka-halt-after-commit", dir);
        assertThat(halting.waitFor(120, TimeUnit.SECONDS)).as("the run halts after a batch").isTrue();
        assertThat(halting.exitValue()).as(log(dir)).isEqualTo(137);
        long halted = Long.parseLong(Files.readString(markers.resolve("halted")).strip());
        assertThat(Files.exists(chk.resolve("commits").resolve(Long.toString(halted))))
                .as("batch %d is not in the query's commit log", halted).isFalse();
        assertThat(committedBatchInKafka(chk)).as("but Kafka committed it").isEqualTo(halted);

        Process finish = startChild(bootstrap, chk, markers, "finish", "kafka", dir);
        assertThat(finish.waitFor(120, TimeUnit.SECONDS)).as("the last run finishes").isTrue();
        assertThat(finish.exitValue()).as(log(dir)).isZero();

        Map<Integer, List<String>> committed = readAll(bootstrap, "read_committed");
        for (int p = 0; p < 2; p++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < PER_PARTITION; i++) {
                expected.add(String.format("p%d-%03d", p, i));
            }
            assertThat(committed.get(p)).as("partition %d: each value once, in order", p)
                    .containsExactlyElementsOf(expected);
        }
        int uncommitted = readAll(bootstrap, "read_uncommitted").values().stream().mapToInt(List::size).sum();
        assertThat(uncommitted).as("the aborted transactions' records are in the log too")
                .isGreaterThan(2 * PER_PARTITION);
    }

    @Test
    void aBatchWriteIsOneTransactionAndTheTransactionalIdBelongsToTheSink() throws Exception {
        String bootstrap = TestKafka.bootstrap();
        TestKafka.createTopic("eo-batch", 1);
        try (io.fluxo.api.Session spark = io.fluxo.api.Session.builder().create()) {
            spark.range(5).selectExpr("CAST(id AS STRING) AS value").write().format("kafka")
                    .option("kafka.bootstrap.servers", bootstrap).option("topic", "eo-batch")
                    .option("exactlyOnce", "true").save();
            var read = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "eo-batch").load().selectExpr("CAST(value AS STRING)");
            assertThat(read.collectAsList().stream().map(r -> r.getString(0)).toList())
                    .containsExactly("0", "1", "2", "3", "4");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> spark.range(1)
                    .selectExpr("CAST(id AS STRING) AS value").write().format("kafka")
                    .option("kafka.bootstrap.servers", bootstrap).option("topic", "eo-batch")
                    .option("kafka.transactional.id", "mine").save())
                    .hasMessageContaining("'kafka.transactional.id' is not supported");
        }
    }

    private static Process startChild(String bootstrap, Path chk, Path markers, String mode, String format, Path dir)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExactlyOnceQueryMain.class.getName(), bootstrap, chk.toString(), markers.toString(), mode, format,
                String.join(",", STALL_AT))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private static String log(Path dir) throws Exception {
        return Files.readString(dir.resolve("child.log"));
    }

    private static void awaitFile(Path file, Process child, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file)) {
            assertThat(child.isAlive()).as("the child query is running: " + log(dir)).isTrue();
            assertThat(System.nanoTime()).as(file + " in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /**
     * Polls until the output holds records of a transaction still open: the high watermark (what read_uncommitted
     * sees) is past the last stable offset (what read_committed sees).
     */
    private static void awaitOpenTransaction(String bootstrap, Process child, Path dir) throws Exception {
        Set<TopicPartition> parts = Set.of(new TopicPartition("eo-out", 0), new TopicPartition("eo-out", 1));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> committed = consumer(bootstrap, "read_committed");
                KafkaConsumer<String, String> uncommitted = consumer(bootstrap, "read_uncommitted")) {
            while (sum(uncommitted.endOffsets(parts)) <= sum(committed.endOffsets(parts))) {
                assertThat(child.isAlive()).as("the child query is running: " + log(dir)).isTrue();
                assertThat(System.nanoTime()).as("records of an open transaction in time").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The batch id the sink committed in Kafka, with its transaction, for the query of this checkpoint. */
    private static long committedBatchInKafka(Path chk) throws Exception {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(Files.readString(chk.resolve("metadata")));
        assertThat(id.find()).isTrue();
        String queryId = id.group(1);
        try (Admin admin = TestKafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> marks = admin.listConsumerGroupOffsets("fluxo-sink-" + queryId)
                    .partitionsToOffsetAndMetadata().get();
            return marks.values().stream().mapToLong(OffsetAndMetadata::offset).max().orElse(-1);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p);
    }

    /** Every value of {@code eo-out} by partition, in offset order, as a consumer of that isolation level sees them. */
    private static Map<Integer, List<String>> readAll(String bootstrap, String isolation) {
        try (KafkaConsumer<String, String> c = consumer(bootstrap, isolation)) {
            List<TopicPartition> parts = List.of(new TopicPartition("eo-out", 0), new TopicPartition("eo-out", 1));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("read to the end in time").isLessThan(deadline);
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream().collect(Collectors.groupingBy(ConsumerRecord::partition,
                    Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        }
    }
}
