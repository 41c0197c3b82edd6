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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes rows to Kafka as Spark's sink does: columns {@code value} (STRING or BINARY, required), {@code key}
 * (optional), {@code topic} (or the {@code topic} option, which wins), {@code partition} (optional INT). Each batch is
 * sent and flushed before it counts as written: at-least-once, as in Spark (a batch replayed after a crash is sent
 * again).
 */
final class KafkaSink implements StreamSink {
    private final Map<String, Object> producerConfig = new HashMap<>();
    private final String topic;
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
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (ColumnBatch b : rows) {
            for (int r = 0; r < b.numRows(); r++) {
                String t = topic != null ? topic : string(b.column(topicColumn), r);
                if (t == null) {
                    throw new FluxoRuntimeException("KAFKA_NULL_TOPIC", "Null topic present in the data. Use the "
                            + "topic option for setting a default topic.");
                }
                Integer p = partition < 0 || b.column(partition).isNull(r) ? null
                        : ((IntVector) b.column(partition)).values()[r];
                producer.send(new ProducerRecord<>(t, p, null, key < 0 ? null : bytes(b.column(key), r),
                        bytes(b.column(value), r), headers < 0 ? null : headers(b.column(headers), r)), (meta, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new FluxoRuntimeException("KAFKA_WRITE_FAILED", "Writing batch " + batchId + " to Kafka failed: "
                    + failure.get().getMessage(), failure.get());
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
