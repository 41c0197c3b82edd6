package io.fluxo.kafka;

import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Spark's Kafka source as a micro-batch stream: offsets are each partition's next offset, kept in the query's
 * checkpoint (not in consumer groups), so batch N reads exactly its recorded range again after a restart. The
 * starting offsets are fixed on first start and written to the source's checkpoint folder. Partitions that appear
 * later are read from their beginning. Offsets that have aged out or partitions that vanished fail the query
 * (failOnDataLoss, the default) or are skipped.
 */
final class KafkaMicroBatchStream implements MicroBatchStream {
    static final StructType SCHEMA = StructType.empty().add("key", DataTypes.BinaryType, true)
            .add("value", DataTypes.BinaryType, true).add("topic", DataTypes.StringType, true)
            .add("partition", DataTypes.IntegerType, true).add("offset", DataTypes.LongType, true)
            .add("timestamp", DataTypes.TimestampType, true).add("timestampType", DataTypes.IntegerType, true);

    private final KafkaSourceOptions options;
    private KafkaConsumer<byte[], byte[]> metadata;
    private String initial;

    KafkaMicroBatchStream(KafkaSourceOptions options) {
        this.options = options;
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public String description() {
        return "KafkaV2[" + (options.pattern() != null ? "SubscribePattern[" + options.pattern() + "]"
                : options.assign() != null ? "Assign[" + options.assign() + "]" : "Subscribe" + options.topics())
                + "]";
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (metadata == null) {
            metadata = new KafkaConsumer<>(options.consumerConfig());
        }
        return metadata;
    }

    @Override
    public void open(Path checkpointDir) throws IOException {
        Path file = checkpointDir.resolve("initial-offsets.json");
        if (Files.exists(file)) {
            initial = Files.readString(file, StandardCharsets.UTF_8).strip();
            return;
        }
        initial = KafkaOffsets.toJson(startingOffsets());
        Files.createDirectories(checkpointDir);
        Path tmp = checkpointDir.resolve(".initial-offsets.json.tmp");
        Files.writeString(tmp, initial, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String initialOffset() {
        if (initial == null) {
            initial = KafkaOffsets.toJson(startingOffsets());
        }
        return initial;
    }

    /** The partitions the query reads now. */
    private Set<TopicPartition> partitions() {
        KafkaConsumer<byte[], byte[]> c = consumer();
        Set<TopicPartition> out = new java.util.TreeSet<>((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        if (options.assign() != null) {
            out.addAll(KafkaOffsets.fromJsonPartitions(options.assign()));
            return out;
        }
        Map<String, List<PartitionInfo>> topics = c.listTopics(Duration.ofMillis(options.pollTimeoutMs()));
        for (Map.Entry<String, List<PartitionInfo>> t : topics.entrySet()) {
            boolean wanted = options.pattern() != null ? options.pattern().matcher(t.getKey()).matches()
                    : options.topics().contains(t.getKey());
            if (wanted) {
                t.getValue().forEach(p -> out.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return out;
    }

    private Map<TopicPartition, Long> startingOffsets() {
        return resolve(options.startingOffsets());
    }

    /** {@code earliest}, {@code latest} or per-partition JSON (-2 earliest, -1 latest) as offsets of every partition. */
    Map<TopicPartition, Long> resolve(String s) {
        Set<TopicPartition> parts = partitions();
        Map<TopicPartition, Long> out = new TreeMap<>(KafkaOffsets.ORDER);
        if (s.equalsIgnoreCase("earliest")) {
            out.putAll(consumer().beginningOffsets(parts));
        } else if (s.equalsIgnoreCase("latest")) {
            out.putAll(consumer().endOffsets(parts));
        } else {
            Map<TopicPartition, Long> given = KafkaOffsets.fromJson(s);
            Map<TopicPartition, Long> begin = consumer().beginningOffsets(parts);
            Map<TopicPartition, Long> end = consumer().endOffsets(parts);
            for (TopicPartition tp : parts) {
                Long o = given.get(tp);
                if (o == null) {
                    throw new FluxoRuntimeException("KAFKA_STARTING_OFFSETS", "The offsets option does not name "
                            + tp + ", one of the partitions the query reads: " + s);
                }
                out.put(tp, o == -2 ? begin.get(tp) : o == -1 ? end.get(tp) : o);
            }
        }
        return out;
    }

    @Override
    public String latestOffset(String start) throws IOException {
        Map<TopicPartition, Long> from = KafkaOffsets.fromJson(start);
        Set<TopicPartition> parts = partitions();
        Map<TopicPartition, Long> end = new TreeMap<>(KafkaOffsets.ORDER);
        end.putAll(consumer().endOffsets(parts));
        Map<TopicPartition, Long> begin = consumer().beginningOffsets(parts);
        for (TopicPartition tp : from.keySet()) {
            if (!end.containsKey(tp)) {
                // The partition is gone (a deleted topic): keep its last offset, and let planning report the loss.
                end.put(tp, from.get(tp));
            }
        }
        long total = 0;
        Map<TopicPartition, Long> available = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            long f = from.getOrDefault(e.getKey(), begin.getOrDefault(e.getKey(), 0L));
            long n = Math.max(0, e.getValue() - f);
            available.put(e.getKey(), n);
            total += n;
        }
        if (total > options.maxOffsetsPerTrigger()) {
            // Spread the limit over the partitions in proportion to what each has waiting, as Spark does.
            long limit = options.maxOffsetsPerTrigger();
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                long f = from.getOrDefault(e.getKey(), begin.getOrDefault(e.getKey(), 0L));
                long share = (long) Math.floor((double) available.get(e.getKey()) * limit / total);
                e.setValue(f + share);
            }
        }
        return KafkaOffsets.toJson(end);
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        Map<TopicPartition, Long> from = KafkaOffsets.fromJson(start);
        Map<TopicPartition, Long> until = KafkaOffsets.fromJson(end);
        Set<TopicPartition> live = partitions();
        Map<TopicPartition, Long> begin = consumer().beginningOffsets(live);
        Map<TopicPartition, Long> latest = consumer().endOffsets(live);
        List<InputPartition> out = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> e : until.entrySet()) {
            TopicPartition tp = e.getKey();
            long f = from.containsKey(tp) ? from.get(tp) : begin.getOrDefault(tp, 0L);
            if (!live.contains(tp)) {
                dataLoss("Partition " + tp + " is gone (its topic was deleted?); offsets from " + f
                        + " were not read.");
                continue;
            }
            long earliest = begin.get(tp);
            if (f < earliest) {
                dataLoss("Offsets " + f + " to " + (earliest - 1) + " of " + tp + " are no longer in Kafka (aged "
                        + "out or deleted); reading from " + earliest + ".");
                f = earliest;
            }
            long last = e.getValue();
            if (last > latest.get(tp)) {
                // The partition holds fewer records than the query has seen: the topic was recreated or truncated.
                dataLoss("Partition " + tp + "'s offset went back from " + last + " to " + latest.get(tp)
                        + " (recreated topic?); some data may have been missed.");
                last = latest.get(tp);
                f = Math.min(f, last);
            }
            if (last > f) {
                out.add(new KafkaInputPartition(tp, f, last));
            }
        }
        return out;
    }

    private void dataLoss(String message) {
        if (options.failOnDataLoss()) {
            throw new FluxoRuntimeException("KAFKA_DATA_LOSS", message + " Set failOnDataLoss to false to skip what "
                    + "was lost.");
        }
        System.err.println("fluxo kafka: " + message);
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        return new KafkaPartitionReader((KafkaInputPartition) partition, requiredColumns, options);
    }

    @Override
    public void stop() {
        if (metadata != null) {
            metadata.close();
            metadata = null;
        }
    }
}
