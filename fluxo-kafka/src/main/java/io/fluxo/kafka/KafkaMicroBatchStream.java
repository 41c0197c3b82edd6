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
import java.util.function.LongSupplier;
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
    /** With {@code includeHeaders}: the record's headers, in order. */
    static final StructType SCHEMA_WITH_HEADERS = SCHEMA.add("headers", new io.fluxo.types.ArrayType(
            StructType.empty().add("key", DataTypes.StringType, true).add("value", DataTypes.BinaryType, true), true),
            true);

    static StructType schema(KafkaSourceOptions options) {
        return options.includeHeaders() ? SCHEMA_WITH_HEADERS : SCHEMA;
    }

    private final KafkaSourceOptions options;
    private KafkaConsumer<byte[], byte[]> metadata;
    private String initial;
    /** What the last {@link #latestOffset} saw and returned, for planning the batch it ends. */
    private LiveOffsets lastLive;
    private String lastLatest;
    private LongSupplier clockMillis = System::currentTimeMillis;
    /** When the last batch was let through, for {@code maxTriggerDelay}; none yet, so the first batch never waits. */
    private long lastTriggerMillis = Long.MIN_VALUE;
    /** Under {@code Trigger.availableNow()}: the end offsets when the run began, past which it does not read. */
    private Map<TopicPartition, Long> availableNowEnd;

    KafkaMicroBatchStream(KafkaSourceOptions options) {
        this.options = options;
    }

    @Override
    public StructType schema() {
        return schema(options);
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
    public void open(Path checkpointDir, LongSupplier clockMillis) throws IOException {
        this.clockMillis = clockMillis;
        open(checkpointDir);
    }

    @Override
    public boolean prepareForTriggerAvailableNow() {
        availableNowEnd = consumer().endOffsets(partitions());
        return true;
    }

    @Override
    public void open(Path checkpointDir) throws IOException {
        Path file = checkpointDir.resolve("initial-offsets.json");
        if (Files.exists(file)) {
            initial = Files.readString(file, StandardCharsets.UTF_8).strip();
            return;
        }
        initial = KafkaOffsets.toJson(offsetsAt(options.start()));
        Files.createDirectories(checkpointDir);
        Path tmp = checkpointDir.resolve(".initial-offsets.json.tmp");
        Files.writeString(tmp, initial, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String initialOffset() {
        if (initial == null) {
            initial = KafkaOffsets.toJson(offsetsAt(options.start()));
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

    /** The offsets of every partition the query reads at one end of its range. */
    Map<TopicPartition, Long> offsetsAt(KafkaSourceOptions.Bound bound) {
        return bound.byTimestamp() ? byTimestamp(bound) : resolve(bound.offsets(), bound.option() + "Offsets");
    }

    /**
     * The first offset of each partition at or after a timestamp (ms): one for all partitions or one per partition.
     * A partition with no record that late fails the query or takes its latest offset, as the bound says.
     */
    private Map<TopicPartition, Long> byTimestamp(KafkaSourceOptions.Bound bound) {
        Set<TopicPartition> parts = partitions();
        Map<TopicPartition, Long> perPartition = bound.timestamp() == null
                ? KafkaOffsets.fromJson(bound.timestampsJson()) : null;
        String option = bound.option() + (bound.timestamp() != null ? "Timestamp" : "OffsetsByTimestamp");
        Map<TopicPartition, Long> times = new HashMap<>();
        for (TopicPartition tp : parts) {
            Long t = perPartition != null ? perPartition.get(tp) : bound.timestamp();
            if (t == null) {
                throw new FluxoRuntimeException("KAFKA_OFFSETS_OPTION", option + " does not name " + tp
                        + ", one of the partitions the query reads.");
            }
            times.put(tp, t);
        }
        Map<TopicPartition, Long> end = consumer().endOffsets(parts);
        Map<TopicPartition, Long> out = new TreeMap<>(KafkaOffsets.ORDER);
        consumer().offsetsForTimes(times).forEach((tp, o) -> {
            if (o == null && bound.failWithoutMatch()) {
                throw new FluxoRuntimeException("KAFKA_NO_OFFSET_FOR_TIMESTAMP", "Partition " + tp + " has no record "
                        + "at or after " + option + " " + times.get(tp) + " (ms); set "
                        + "startingOffsetsByTimestampStrategy to 'latest' to start such partitions at their end.");
            }
            out.put(tp, o == null ? end.get(tp) : o.offset());
        });
        return out;
    }

    /** {@code earliest}, {@code latest} or per-partition JSON (-2 earliest, -1 latest) as offsets of every partition. */
    private Map<TopicPartition, Long> resolve(String s, String option) {
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
                    throw new FluxoRuntimeException("KAFKA_OFFSETS_OPTION", option + " does not name " + tp
                            + ", one of the partitions the query reads: " + s);
                }
                out.put(tp, o == -2 ? begin.get(tp) : o == -1 ? end.get(tp) : o);
            }
        }
        return out;
    }

    /** The partitions the query reads now, with their first and next offsets. */
    private record LiveOffsets(Set<TopicPartition> partitions, Map<TopicPartition, Long> begin,
            Map<TopicPartition, Long> end) {
    }

    /**
     * Lists the partitions and asks for their offsets. Right after a topic is deleted or recreated the broker may
     * still list partitions that no longer exist, whose offsets never come: then the list is taken again, a few
     * times, before giving up.
     */
    private LiveOffsets liveOffsets() {
        Duration wait = Duration.ofMillis(Math.max(1, Math.min(options.pollTimeoutMs(), OFFSETS_ATTEMPT_MS)));
        for (int attempt = 1; ; attempt++) {
            Set<TopicPartition> parts = partitions();
            try {
                return new LiveOffsets(parts, consumer().beginningOffsets(parts, wait),
                        consumer().endOffsets(parts, wait));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (attempt == OFFSETS_ATTEMPTS) {
                    throw new FluxoRuntimeException("KAFKA_OFFSETS_TIMEOUT", "Kafka did not give the offsets of "
                            + parts + " in " + OFFSETS_ATTEMPTS + " attempts of " + wait.toMillis() + " ms.", e);
                }
            }
        }
    }

    private static final int OFFSETS_ATTEMPTS = 6;
    private static final long OFFSETS_ATTEMPT_MS = 10_000;

    @Override
    public String latestOffset(String start) throws IOException {
        Map<TopicPartition, Long> from = KafkaOffsets.fromJson(start);
        LiveOffsets live = liveOffsets();
        lastLive = live;
        Set<TopicPartition> parts = live.partitions();
        Map<TopicPartition, Long> end = new TreeMap<>(KafkaOffsets.ORDER);
        end.putAll(live.end());
        if (availableNowEnd != null) {
            end.keySet().retainAll(availableNowEnd.keySet());
            end.replaceAll((tp, o) -> Math.min(o, availableNowEnd.get(tp)));
        }
        Map<TopicPartition, Long> begin = live.begin();
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
        if (options.minOffsetsPerTrigger() > 0 && availableNowEnd == null && total > 0 && delayBatch(total)) {
            return start;
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
        lastLatest = KafkaOffsets.toJson(end);
        return lastLatest;
    }

    /**
     * {@code minOffsetsPerTrigger}: fewer records than that wait for more, but no longer than {@code maxTriggerDelay}
     * since the last batch went through, as in Spark.
     */
    private boolean delayBatch(long waiting) {
        long now = clockMillis.getAsLong();
        if (lastTriggerMillis != Long.MIN_VALUE && now - lastTriggerMillis < options.maxTriggerDelayMs()
                && waiting < options.minOffsetsPerTrigger()) {
            return true;
        }
        lastTriggerMillis = now;
        return false;
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        Map<TopicPartition, Long> from = KafkaOffsets.fromJson(start);
        Map<TopicPartition, Long> until = KafkaOffsets.fromJson(end);
        // The offsets latestOffset just fetched serve the batch it planned: three round trips fewer per batch.
        LiveOffsets offsets = lastLive != null && end.equals(lastLatest) ? lastLive : liveOffsets();
        lastLive = null;
        Set<TopicPartition> live = offsets.partitions();
        Map<TopicPartition, Long> begin = offsets.begin();
        Map<TopicPartition, Long> latest = offsets.end();
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
        return split(out);
    }

    /** With {@code minPartitions}, offset ranges cut into pieces (in proportion to their size) so there are enough. */
    private List<InputPartition> split(List<InputPartition> ranges) {
        int min = options.minPartitions();
        if (min <= ranges.size()) {
            return ranges;
        }
        long total = ranges.stream().mapToLong(r -> ((KafkaInputPartition) r).until() - ((KafkaInputPartition) r)
                .from()).sum();
        List<InputPartition> out = new ArrayList<>();
        for (InputPartition r : ranges) {
            KafkaInputPartition k = (KafkaInputPartition) r;
            long size = k.until() - k.from();
            int pieces = (int) Math.max(1, Math.min(size, Math.ceil((double) size * min / total)));
            for (int i = 0; i < pieces; i++) {
                long from = k.from() + size * i / pieces;
                long until = k.from() + size * (i + 1) / pieces;
                out.add(new KafkaInputPartition(k.topicPartition(), from, until));
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
        KafkaConsumerPool.closeIdle(options.consumerConfig());
        if (metadata != null) {
            metadata.close();
            metadata = null;
        }
    }
}
