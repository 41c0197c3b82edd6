package io.fluxo.kafka;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.stream.StreamSink;
import io.fluxo.types.BinaryType;
import io.fluxo.types.DataType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes rows to Kafka as Spark's sink does: columns {@code value} (STRING or BINARY, required), {@code key}
 * (optional), {@code topic} (or the {@code topic} option, which wins), {@code partition} (optional INT),
 * {@code headers} (optional). Each batch is sent and flushed before it counts as written: at-least-once, as in Spark (a
 * batch replayed after a crash is sent again).
 *
 * <p>With {@code exactlyOnce}, each batch is one Kafka transaction. Its transactional id derives from the query id (and
 * the writer, of which a batch has one), so a restarted query fences the producer of a killed one and aborts its open
 * transaction. The transaction also commits the batch id as an offset of the consumer group
 * {@code fluxo-sink-<query id>}: a batch replayed after a crash that came between Kafka's commit and the query's
 * commit log finds its id there and is not written again. A {@code read_committed} consumer sees every row once.
 */
final class KafkaSink implements StreamSink {
    private static final System.Logger LOG = System.getLogger(KafkaSink.class.getName());

    private final Map<String, Object> producerConfig = new HashMap<>();
    private final String topic;
    private final boolean exactlyOnce;
    private UUID queryId;
    /** With {@code exactlyOnce}: the last batch id Kafka has committed for this query, read when the producer starts. */
    private long committedBatch = -1;
    private KafkaProducer<byte[], byte[]> producer;

    KafkaSink(Map<String, String> options) {
        options.forEach((k, v) -> {
            if (k.toLowerCase(Locale.ROOT).startsWith("kafka.")) {
                producerConfig.put(k.substring("kafka.".length()), v);
            }
        });
        if (!producerConfig.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new AnalysisException("KAFKA_OPTION_MISSING", "Option 'kafka.bootstrap.servers' must be specified "
                    + "for the Kafka sink.");
        }
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        String t = null;
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase("topic")) {
                t = e.getValue();
            }
        }
        this.topic = t;
        this.exactlyOnce = options.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("exactlyOnce")
                && Boolean.parseBoolean(e.getValue()));
        if (producerConfig.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
            throw new AnalysisException("UNSUPPORTED_KAFKA_OPTION", "Kafka option 'kafka.transactional.id' is not "
                    + "supported: set option exactlyOnce to true and the sink derives transactional ids from the "
                    + "query id.");
        }
    }

    @Override
    public void open(UUID queryId) {
        this.queryId = queryId;
    }

    @Override
    public void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) {
        int value = column(schema, "value", true);
        int key = column(schema, "key", false);
        int topicColumn = column(schema, "topic", false);
        int partition = column(schema, "partition", false);
        int headers = column(schema, "headers", false);
        checkType(schema, value, "value", StringType.INSTANCE, BinaryType.INSTANCE);
        checkType(schema, key, "key", StringType.INSTANCE, BinaryType.INSTANCE);
        checkType(schema, topicColumn, "topic", StringType.INSTANCE);
        checkType(schema, partition, "partition", IntegerType.INSTANCE);
        if (headers >= 0 && !(schema.field(headers).dataType() instanceof io.fluxo.types.ArrayType a
                && a.elementType() instanceof StructType s && s.size() == 2)) {
            throw new AnalysisException("KAFKA_ATTRIBUTE_TYPE", "headers attribute type must be "
                    + "ARRAY<STRUCT<key: STRING, value: BINARY>>, not " + schema.field(headers).dataType().sql() + ".");
        }
        if (topic == null && topicColumn < 0) {
            throw new AnalysisException("KAFKA_TOPIC_MISSING", "topic option required when no 'topic' attribute is "
                    + "present. Use the topic option for setting a topic.");
        }
        Columns columns = new Columns(value, key, topicColumn, partition, headers);
        if (!exactlyOnce) {
            if (producer == null) {
                producer = new KafkaProducer<>(producerConfig);
            }
            AtomicReference<Exception> failure = new AtomicReference<>();
            send(rows, columns, failure);
            producer.flush();
            if (failure.get() != null) {
                throw new FluxoRuntimeException("KAFKA_WRITE_FAILED", "Writing batch " + batchId + " to Kafka failed: "
                        + failure.get().getMessage(), failure.get());
            }
            return;
        }
        String firstTopic = firstTopic(rows, columns);
        if (firstTopic == null) {
            return; // Nothing to write, nothing to remember.
        }
        if (producer == null) {
            startTransactionalProducer();
        }
        if (batchId <= committedBatch) {
            LOG.log(System.Logger.Level.INFO, "Batch " + batchId + " is already committed in Kafka (the query "
                    + "stopped before recording it); not writing it again.");
            return;
        }
        try {
            producer.beginTransaction();
            send(rows, columns, null);
            // The batch id, committed in the same transaction as the rows: a replay of this batch finds it.
            producer.sendOffsetsToTransaction(Map.of(new TopicPartition(firstTopic, 0),
                    new OffsetAndMetadata(batchId, "fluxo batch " + batchId)), new ConsumerGroupMetadata(groupId()));
            producer.commitTransaction();
            committedBatch = batchId;
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            close();
            throw new FluxoRuntimeException("KAFKA_PRODUCER_FENCED", "Another run of query " + queryId + " took over "
                    + "its Kafka transactions; batch " + batchId + " was not written by this one.", e);
        } catch (RuntimeException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
                close();
            }
            throw new FluxoRuntimeException("KAFKA_WRITE_FAILED", "Writing batch " + batchId + " to Kafka in a "
                    + "transaction failed; it was aborted: " + e.getMessage(), e);
        }
    }

    private record Columns(int value, int key, int topic, int partition, int headers) {
    }

    private String groupId() {
        return "fluxo-sink-" + queryId;
    }

    /**
     * One producer per query and writer: starting it fences any earlier producer of the same query (a killed run)
     * and aborts its open transaction; then the last batch Kafka committed for the query is read back.
     */
    private void startTransactionalProducer() {
        Map<String, Object> config = new HashMap<>(producerConfig);
        // A batch write has no query: its one transaction needs an id of its own.
        String id = queryId == null ? "fluxo-write-" + UUID.randomUUID() : "fluxo-" + queryId + "-0";
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        producer = new KafkaProducer<>(config);
        producer.initTransactions();
        if (queryId == null) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>();
        producerConfig.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                adminConfig.put(k, v);
            }
        });
        try (Admin admin = Admin.create(adminConfig)) {
            Map<TopicPartition, OffsetAndMetadata> marks = admin.listConsumerGroupOffsets(groupId())
                    .partitionsToOffsetAndMetadata().get();
            committedBatch = marks.values().stream().filter(java.util.Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset).max().orElse(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FluxoRuntimeException("KAFKA_WRITE_FAILED", "Interrupted reading the batches query " + queryId
                    + " committed to Kafka.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new FluxoRuntimeException("KAFKA_WRITE_FAILED", "Cannot read the batches query " + queryId
                    + " committed to Kafka (consumer group " + groupId() + "): " + e.getCause().getMessage(), e);
        }
    }

    /** The topic of the batch's first row, or null when it has none. */
    private String firstTopic(List<ColumnBatch> rows, Columns c) {
        for (ColumnBatch b : rows) {
            if (b.numRows() > 0) {
                return topic(b, c, 0);
            }
        }
        return null;
    }

    private String topic(ColumnBatch b, Columns c, int r) {
        String t = topic != null ? topic : string(b.column(c.topic()), r);
        if (t == null) {
            throw new FluxoRuntimeException("KAFKA_NULL_TOPIC", "Null topic present in the data. Use the "
                    + "topic option for setting a default topic.");
        }
        return t;
    }

    /** Sends every row; a failure lands in {@code failure}, or (in a transaction) fails its commit. */
    private void send(List<ColumnBatch> rows, Columns c, AtomicReference<Exception> failure) {
        for (ColumnBatch b : rows) {
            for (int r = 0; r < b.numRows(); r++) {
                Integer p = c.partition() < 0 || b.column(c.partition()).isNull(r) ? null
                        : ((IntVector) b.column(c.partition())).values()[r];
                producer.send(new ProducerRecord<>(topic(b, c, r), p, null,
                        c.key() < 0 ? null : bytes(b.column(c.key()), r), bytes(b.column(c.value()), r),
                        c.headers() < 0 ? null : headers(b.column(c.headers()), r)), (meta, e) -> {
                            if (e != null && failure != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
        }
    }

    /** A row of {@code headers ARRAY<STRUCT<key STRING, value BINARY>>} as Kafka headers. */
    private static List<org.apache.kafka.common.header.Header> headers(ColumnVector v, int row) {
        if (v.isNull(row)) {
            return null;
        }
        List<org.apache.kafka.common.header.Header> out = new java.util.ArrayList<>();
        for (Object element : (List<?>) v.getObject(row)) {
            Object[] kv = (Object[]) element;
            Object value = kv[1];
            out.add(new org.apache.kafka.common.header.internals.RecordHeader(String.valueOf(kv[0]),
                    value instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : (byte[]) value));
        }
        return out;
    }

    private static int column(StructType schema, String name, boolean required) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.field(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        if (required) {
            throw new AnalysisException("KAFKA_VALUE_MISSING", "Required attribute '" + name + "' not found.");
        }
        return -1;
    }

    private static void checkType(StructType schema, int column, String name, DataType... allowed) {
        if (column >= 0 && !Arrays.asList(allowed).contains(schema.field(column).dataType())) {
            throw new AnalysisException("KAFKA_ATTRIBUTE_TYPE", name + " attribute type must be "
                    + Arrays.stream(allowed).map(DataType::sql).reduce((a, b) -> a + " or " + b).orElse("")
                    + ", not " + schema.field(column).dataType().sql() + ".");
        }
    }

    private static byte[] bytes(ColumnVector v, int row) {
        if (v.isNull(row)) {
            return null;
        }
        BytesVector b = (BytesVector) v;
        return Arrays.copyOfRange(b.data(), b.start(row), b.start(row) + b.length(row));
    }

    private static String string(ColumnVector v, int row) {
        byte[] b = bytes(v, row);
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(10));
            producer = null;
        }
    }

    @Override
    public String description() {
        return "KafkaSink" + (topic == null ? "" : "[" + topic + "]");
    }
}
