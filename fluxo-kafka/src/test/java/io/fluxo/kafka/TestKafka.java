package io.fluxo.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker (KRaft, a combined broker and controller, from Kafka's own test kit) for every test class of
 * the module: started on first use in the test JVM, stopped when the JVM exits.
 */
final class TestKafka {
    private static KafkaClusterTestKit cluster;
    private static String bootstrap;

    private TestKafka() {
    }

    static synchronized String bootstrap() throws Exception {
        if (cluster == null) {
            KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                    .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    // One broker: the internal topics of transactions and groups cannot have more replicas.
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .build();
            c.format();
            c.startup();
            c.waitForReadyBrokers();
            cluster = c;
            bootstrap = c.bootstrapServers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    c.close();
                } catch (Exception e) {
                    // The JVM is exiting; the broker's files are temporary.
                }
            }));
        }
        return bootstrap;
    }

    static Admin admin() throws Exception {
        bootstrap();
        return cluster.admin();
    }

    /** Creates a topic; a topic of that name still being deleted is waited for (polling, with a deadline). */
    static void createTopic(String name, int partitions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.onSpinWait();
                }
            }
        }
    }

    static KafkaProducer<String, String> producer() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static void produce(String topic, int partition, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, partition, "k-" + v, v));
            }
            producer.flush();
        }
    }
}
