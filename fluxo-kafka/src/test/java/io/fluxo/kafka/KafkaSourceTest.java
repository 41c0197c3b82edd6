package io.fluxo.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka source against a real KRaft broker that the test starts in its own JVM (Kafka's test kit). */
class KafkaSourceTest {
    private static KafkaClusterTestKit cluster;
    private static String bootstrap;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build()).build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        bootstrap = cluster.bootstrapServers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        cluster.close();
    }

    private static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    private static void produce(String topic, int partition, String... values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, partition, "k-" + v, v));
            }
            producer.flush();
        }
    }

    private static StreamingQuery start(Session spark, String topic, Path checkpoint, List<String> out,
            Map<String, String> extra) {
        return spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                .option("subscribe", topic).option("startingOffsets", "earliest").options(extra).load()
                .selectExpr("CAST(key AS STRING) AS k", "CAST(value AS STRING) AS v", "topic", "partition", "offset")
                .writeStream().option("checkpointLocation", checkpoint.toString())
                .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(r.getString(1))))
                .start();
    }

    @Test
    void readsEveryRecordOnceAcrossRestarts(@TempDir Path dir) throws Exception {
        createTopic("orders", 2);
        produce("orders", 0, "a", "b");
        produce("orders", 1, "c");
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().create()) {
            StreamingQuery q = start(spark, "orders", dir.resolve("chk"), out, Map.of());
            q.processAllAvailable();
            assertThat(out).containsExactlyInAnyOrder("a", "b", "c");
            List<Row> rows = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "orders").load().schema().fields().stream()
                    .map(f -> Row.of(f.name(), f.dataType().simpleString())).toList();
            assertThat(rows.stream().map(r -> r.get(0) + ":" + r.get(1)).toList()).containsExactly("key:binary",
                    "value:binary", "topic:string", "partition:int", "offset:bigint", "timestamp:timestamp",
                    "timestampType:int");
            q.stop();
            produce("orders", 1, "d");
            StreamingQuery again = start(spark, "orders", dir.resolve("chk"), out, Map.of());
            again.processAllAvailable();
            again.stop();
        }
        assertThat(out).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void maxOffsetsPerTriggerLimitsEachBatch(@TempDir Path dir) throws Exception {
        createTopic("limited", 1);
        produce("limited", 0, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().create()) {
            StreamingQuery q = start(spark, "limited", dir.resolve("chk"), out, Map.of("maxOffsetsPerTrigger", "4"));
            q.processAllAvailable();
            assertThat(out).hasSize(10);
            assertThat(q.recentProgress().stream().mapToLong(p -> p.numInputRows()).filter(n -> n > 0).boxed())
                    .allMatch(n -> n <= 4).hasSize(3);
            q.stop();
        }
    }

    /** Every value in a topic, read back with a plain consumer (read_committed). */
    private static List<String> consume(String topic) {
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> out = new ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(p)) {
            List<org.apache.kafka.common.TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("read back in time").isLessThan(deadline);
                consumer.poll(java.time.Duration.ofMillis(100)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }

    @Test
    void theSinkWritesAStreamAndABatchToTopics(@TempDir Path dir) throws Exception {
        createTopic("in", 1);
        createTopic("out", 2);
        produce("in", 0, "x", "y");
        try (Session spark = Session.builder().create()) {
            StreamingQuery q = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "in").option("startingOffsets", "earliest").load()
                    .selectExpr("key", "upper(CAST(value AS STRING)) AS value")
                    .writeStream().format("kafka").option("kafka.bootstrap.servers", bootstrap).option("topic", "out")
                    .option("checkpointLocation", dir.resolve("chk").toString()).start();
            q.processAllAvailable();
            q.stop();
            spark.range(3).selectExpr("'out' AS topic", "CAST(id AS STRING) AS value", "CAST(id % 2 AS INT) AS partition")
                    .write().format("kafka").option("kafka.bootstrap.servers", bootstrap).save();
            assertThatThrownBy(() -> spark.range(1).selectExpr("id AS value").write().format("kafka")
                    .option("kafka.bootstrap.servers", bootstrap).option("topic", "out").save())
                    .hasMessageContaining("value attribute type must be STRING or BINARY");
        }
        assertThat(consume("out")).containsExactlyInAnyOrder("X", "Y", "0", "1", "2");
    }

    @Test
    void newPartitionsAreReadFromTheirStartAndADeletedTopicIsDataLoss(@TempDir Path dir) throws Exception {
        createTopic("growing", 1);
        produce("growing", 0, "a");
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().create()) {
            StreamingQuery q = start(spark, "growing", dir.resolve("chk"), out, Map.of());
            q.processAllAvailable();
            try (Admin admin = cluster.admin()) {
                admin.createPartitions(Map.of("growing", org.apache.kafka.clients.admin.NewPartitions.increaseTo(2)))
                        .all().get();
            }
            produce("growing", 1, "b");
            produce("growing", 0, "c");
            q.processAllAvailable();
            assertThat(out).containsExactlyInAnyOrder("a", "b", "c");

            // failOnDataLoss=false: the deleted topic's partitions are skipped with a warning; true: the query fails.
            StreamingQuery lenient = start(spark, "growing", dir.resolve("lenient"), out,
                    Map.of("failOnDataLoss", "false"));
            lenient.processAllAvailable();
            q.stop();
            try (Admin admin = cluster.admin()) {
                admin.deleteTopics(List.of("growing")).all().get();
            }
            createTopic("growing", 1);
            lenient.processAllAvailable();
            lenient.stop();
            StreamingQuery strict = start(spark, "growing", dir.resolve("chk"), out, Map.of());
            assertThatThrownBy(strict::processAllAvailable).hasMessageContaining("KAFKA_DATA_LOSS");
        }
    }

    @Test
    void aBatchReadTakesTheRangeBetweenStartingAndEndingOffsets() throws Exception {
        createTopic("history", 1);
        produce("history", 0, "h0", "h1", "h2", "h3");
        try (Session spark = Session.builder().create()) {
            var all = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "history").load().selectExpr("CAST(value AS STRING)", "offset");
            assertThat(all.collectAsList().stream().map(r -> r.getString(0)).toList())
                    .containsExactly("h0", "h1", "h2", "h3");
            var middle = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "history").option("startingOffsets", "{\"history\":{\"0\":1}}")
                    .option("endingOffsets", "{\"history\":{\"0\":3}}").load()
                    .selectExpr("CAST(value AS STRING)");
            assertThat(middle.collectAsList().stream().map(r -> r.getString(0)).toList())
                    .containsExactly("h1", "h2");
        }
    }

    @Test
    void badOptionsAreRefusedByName() {
        try (Session spark = Session.builder().create()) {
            assertThatThrownBy(() -> spark.readStream().format("kafka").option("subscribe", "x").load())
                    .hasMessageContaining("kafka.bootstrap.servers");
            assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .load()).hasMessageContaining("'subscribe', 'subscribePattern' or 'assign'");
            assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "x").option("kafka.group.id", "g").load())
                    .hasMessageContaining("kafka.group.id");
        }
    }
}
