package io.fluxo.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of topic partitions as Spark's Kafka source writes them: {@code {"topic":{"0":23,"1":-1}}}, topics and
 * partitions in order, so equal offsets give equal text.
 */
final class KafkaOffsets {
    private static final JsonFactory JSON = new JsonFactory();
    static final java.util.Comparator<TopicPartition> ORDER = (a, b) -> a.topic().equals(b.topic())
            ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic());

    private KafkaOffsets() {
    }

    static String toJson(Map<TopicPartition, Long> offsets) {
        Map<String, Map<Integer, Long>> byTopic = new TreeMap<>();
        offsets.forEach((tp, o) -> byTopic.computeIfAbsent(tp.topic(), t -> new TreeMap<>()).put(tp.partition(), o));
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Map<Integer, Long>> t : byTopic.entrySet()) {
                g.writeObjectFieldStart(t.getKey());
                for (Map.Entry<Integer, Long> p : t.getValue().entrySet()) {
                    g.writeNumberField(Integer.toString(p.getKey()), p.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException when the text is not such an object */
    static Map<TopicPartition, Long> fromJson(String json) {
        Map<TopicPartition, Long> out = new TreeMap<>(ORDER);
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, json);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String topic = p.currentName();
                expect(p.nextToken() == JsonToken.START_OBJECT, json);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    int partition = Integer.parseInt(p.currentName());
                    expect(p.nextToken() == JsonToken.VALUE_NUMBER_INT, json);
                    out.put(new TopicPartition(topic, partition), p.getLongValue());
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("Expected e.g. {\"topicA\":{\"0\":23,\"1\":-1}}, got " + json, e);
        }
        return out;
    }

    /** The partitions of the {@code assign} option: {@code {"topicA":[0,1],"topicB":[2]}}. */
    static java.util.List<TopicPartition> fromJsonPartitions(String json) {
        java.util.List<TopicPartition> out = new java.util.ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, json);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String topic = p.currentName();
                expect(p.nextToken() == JsonToken.START_ARRAY, json);
                while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                    out.add(new TopicPartition(topic, p.getIntValue()));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Expected e.g. {\"topicA\":[0,1]}, got " + json, e);
        }
        return out;
    }

    private static void expect(boolean ok, String json) {
        if (!ok) {
            throw new IllegalArgumentException("Expected e.g. {\"topicA\":{\"0\":23,\"1\":-1}}, got " + json);
        }
    }
}
