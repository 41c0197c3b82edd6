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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka source against a real KRaft broker that the test starts in its own JVM (Kafka's test kit). */
class KafkaSourceTest {
    private static String bootstrap;

    @BeforeAll
    static void startBroker() throws Exception {
        bootstrap = TestKafka.bootstrap();
    }

    private static void createTopic(String name, int partitions) throws Exception {
        TestKafka.createTopic(name, partitions);
    }

    private static void produce(String topic, int partition, String... values) throws Exception {
        TestKafka.produce(topic, partition, values);
    }

    private static KafkaProducer<String, String> producer() throws Exception {
        return TestKafka.producer();
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
            // One poll returns all ten records: each batch starts with what the previous one's poll returned past
            // its end, none lost or read twice.
            assertThat(out).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(q.recentProgress().stream().mapToLong(p -> p.numInputRows()).filter(n -> n > 0).boxed())
                    .containsExactly(4L, 4L, 2L);
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
            try (Admin admin = TestKafka.admin()) {
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
            try (Admin admin = TestKafka.admin()) {
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
    void headersTimestampsAndMinPartitions(@TempDir Path dir) throws Exception {
        createTopic("stamped", 1);
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 4; i++) {
                ProducerRecord<String, String> r = new ProducerRecord<>("stamped", 0, 1_000_000L * (i + 1), "k",
                        "v" + i);
                r.headers().add("source", ("s" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
        }
        try (Session spark = Session.builder().create()) {
            var withHeaders = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "stamped").option("includeHeaders", "true").load();
            assertThat(withHeaders.schema().field(7).dataType().simpleString())
                    .isEqualTo("array<struct<key:string,value:binary>>");
            assertThat(withHeaders.selectExpr("headers[0].key", "CAST(headers[0].value AS STRING)", "timestamp")
                    .collectAsList().get(1).toList()).containsExactly("source", "s1",
                    java.time.Instant.ofEpochMilli(2_000_000L));
            var late = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "stamped").option("startingTimestamp", "2500000").load()
                    .selectExpr("CAST(value AS STRING)");
            assertThat(late.collectAsList().stream().map(r -> r.getString(0)).toList()).containsExactly("v2", "v3");
            KafkaBatchScan scan = (KafkaBatchScan) new KafkaSourceProvider().createScan(Map.of(
                    "kafka.bootstrap.servers", bootstrap, "subscribe", "stamped", "minPartitions", "3"), null);
            assertThat(scan.planInputPartitions()).hasSize(3);

            // The sink writes headers back.
            withHeaders.selectExpr("value", "headers").write().format("kafka")
                    .option("kafka.bootstrap.servers", bootstrap).option("topic", "stamped-copy").save();
            var copy = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "stamped-copy").option("includeHeaders", "true").load()
                    .selectExpr("CAST(value AS STRING)", "CAST(headers[0].value AS STRING)");
            assertThat(copy.collectAsList().stream().map(r -> r.getString(0) + "/" + r.getString(1)).toList())
                    .containsExactlyInAnyOrder("v0/s0", "v1/s1", "v2/s2", "v3/s3");
        }
    }

    @Test
    void minOffsetsPerTriggerWaitsForEnoughRecordsOrMaxTriggerDelay(@TempDir Path dir) throws Exception {
        createTopic("trickle", 2);
        produce("trickle", 0, "1", "2");
        KafkaMicroBatchStream stream = (KafkaMicroBatchStream) new KafkaSourceProvider().createStream(Map.of(
                "kafka.bootstrap.servers", bootstrap, "subscribe", "trickle", "startingOffsets", "earliest",
                "minOffsetsPerTrigger", "5", "maxTriggerDelay", "10s"), null);
        long[] now = {1_000};
        stream.open(dir.resolve("source"), () -> now[0]);
        try {
            String start = stream.initialOffset();
            // The first batch of a run never waits.
            String first = stream.latestOffset(start);
            assertThat(KafkaOffsets.fromJson(first).values()).containsExactlyInAnyOrder(2L, 0L);
            produce("trickle", 1, "3", "4");
            now[0] += 9_999;
            assertThat(stream.latestOffset(first)).as("4 records < 5, 9.999 s < 10 s").isEqualTo(first);
            produce("trickle", 0, "5", "6", "7");
            String enough = stream.latestOffset(first);
            assertThat(KafkaOffsets.fromJson(enough).values()).as("5 records waiting").containsExactlyInAnyOrder(5L,
                    2L);
            produce("trickle", 0, "8");
            now[0] += 9_999;
            assertThat(stream.latestOffset(enough)).isEqualTo(enough);
            now[0] += 1;
            assertThat(KafkaOffsets.fromJson(stream.latestOffset(enough)).values()).as("10 s since the last batch")
                    .containsExactlyInAnyOrder(6L, 2L);
        } finally {
            stream.stop();
        }

        // Trigger.availableNow() reads everything there now, whatever minOffsetsPerTrigger says.
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().create()) {
            StreamingQuery q = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "trickle").option("startingOffsets", "earliest")
                    .option("minOffsetsPerTrigger", "100").option("maxOffsetsPerTrigger", "200").load()
                    .selectExpr("CAST(value AS STRING) AS v").writeStream()
                    .option("checkpointLocation", dir.resolve("chk").toString())
                    .trigger(io.fluxo.api.Trigger.availableNow())
                    .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(r.getString(0)))).start();
            q.awaitTermination();
        }
        assertThat(out).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void timestampsThatNoRecordReachesFailOrTakeTheLatestOffset() throws Exception {
        createTopic("dated", 1);
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 4; i++) {
                producer.send(new ProducerRecord<>("dated", 0, 1_000L * (i + 1), "k", "d" + i));
            }
            producer.flush();
        }
        try (Session spark = Session.builder().create()) {
            var tooLate = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "dated").option("startingTimestamp", "9000").load();
            assertThatThrownBy(tooLate::collectAsList).hasMessageContaining("dated-0")
                    .hasMessageContaining("startingTimestamp 9000");
            var latest = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "dated").option("startingTimestamp", "9000")
                    .option("startingOffsetsByTimestampStrategy", "latest").load();
            assertThat(latest.count()).isZero();
            var window = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "dated").option("startingOffsetsByTimestamp", "{\"dated\":{\"0\":1500}}")
                    .option("endingTimestamp", "3500").load().selectExpr("CAST(value AS STRING)");
            assertThat(window.collectAsList().stream().map(r -> r.getString(0)).toList())
                    .containsExactly("d1", "d2");
            var toTheEnd = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "dated").option("endingOffsetsByTimestamp", "{\"dated\":{\"0\":99000}}")
                    .load();
            assertThat(toTheEnd.count()).as("no record that late: the end is the latest offset").isEqualTo(4);
        }
    }

    @Test
    void jsonAndCsvValuesParsePermissivelyOrFailFast(@TempDir Path dir) throws Exception {
        createTopic("json-in", 1);
        produce("json-in", 0, "{\"user\":\"a\",\"n\":1}", "not json", "{\"user\":\"b\",\"n\":\"x\"}");
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().create()) {
            StreamingQuery permissive = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "json-in").option("startingOffsets", "earliest").load()
                    .selectExpr("from_json(CAST(value AS STRING), 'user STRING, n INT') AS j").select("j.*")
                    .writeStream().option("checkpointLocation", dir.resolve("permissive").toString())
                    .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(r.get(0) + ":" + r.get(1))))
                    .start();
            permissive.processAllAvailable();
            permissive.stop();
            assertThat(out).containsExactly("a:1", "null:null", "b:null");

            // FAILFAST: the batch with the malformed value fails the query; the batch before it stays written.
            out.clear();
            createTopic("json-strict", 1);
            produce("json-strict", 0, "{\"user\":\"a\",\"n\":1}");
            StreamingQuery strict = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "json-strict").option("startingOffsets", "earliest").load()
                    .selectExpr("from_json(CAST(value AS STRING), 'user STRING, n INT', map('mode', 'FAILFAST')) AS j",
                            "offset")
                    .writeStream().option("checkpointLocation", dir.resolve("strict").toString())
                    .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(r.get(0) + "@" + r.get(1))))
                    .start();
            strict.processAllAvailable();
            produce("json-strict", 0, "{\"user\":");
            assertThatThrownBy(strict::processAllAvailable).hasMessageContaining("MALFORMED_RECORD_IN_PARSING")
                    .hasMessageContaining("{\"user\":");
            assertThat(out).containsExactly("[a,1]@0");

            createTopic("csv-in", 1);
            produce("csv-in", 0, "a,1", "b,x");
            List<Row> csv = spark.read().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "csv-in").load()
                    .selectExpr("from_csv(CAST(value AS STRING), 'user STRING, n INT, _corrupt_record STRING') AS c")
                    .select("c.*").collectAsList();
            assertThat(csv.stream().map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(2)).toList())
                    .containsExactly("a:1:null", "b:null:b,x");
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
            assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "x").option("endingOffsets", "latest").load())
                    .hasMessageContaining("'endingOffsets' is for batch reads");
            assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "x").option("minOffsetsPerTrigger", "10").option("maxOffsetsPerTrigger", "5")
                    .load()).hasMessageContaining("'minOffsetsPerTrigger' (10) is higher than 'maxOffsetsPerTrigger'");
            assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "x").option("maxOffsetsPerTrigger", "lots").load())
                    .hasMessageContaining("'maxOffsetsPerTrigger' must be a positive whole number, got 'lots'");
            assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "x").option("maxTriggerDelay", "soon").load())
                    .hasMessageContaining("'maxTriggerDelay' must be a duration");
        }
    }
}
