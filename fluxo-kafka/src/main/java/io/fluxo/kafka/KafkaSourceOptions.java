package io.fluxo.kafka;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DateTimeUtils;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Kafka source's options, as Spark names them: {@code kafka.bootstrap.servers}, one of {@code subscribe},
 * {@code subscribePattern}, {@code assign}; where to start ({@code startingTimestamp}, else
 * {@code startingOffsetsByTimestamp}, else {@code startingOffsets}) and, for batch reads, where to end;
 * {@code maxOffsetsPerTrigger}, {@code minOffsetsPerTrigger} with {@code maxTriggerDelay}; {@code failOnDataLoss};
 * {@code includeHeaders}; {@code minPartitions}; every other {@code kafka.*} option goes to the consumer (security
 * settings included).
 */
record KafkaSourceOptions(Map<String, Object> consumerConfig, List<String> topics, Pattern pattern,
        String assign, Bound start, Bound end, long maxOffsetsPerTrigger, long minOffsetsPerTrigger,
        long maxTriggerDelayMs, boolean failOnDataLoss, long pollTimeoutMs, boolean includeHeaders,
        int minPartitions) {

    /**
     * One end of the range to read: a timestamp for every partition, timestamps per partition (JSON), or offsets
     * ({@code earliest}, {@code latest} or per-partition JSON), tried in that order. A partition with no record at or
     * after its timestamp fails the query when {@code failWithoutMatch}, else takes its latest offset.
     */
    record Bound(Long timestamp, String timestampsJson, String offsets, boolean failWithoutMatch, String option) {
        boolean byTimestamp() {
            return timestamp != null || timestampsJson != null;
        }
    }

    static final long DEFAULT_MAX_TRIGGER_DELAY_MS = 15 * 60 * 1000L;

    /** The options of a streaming read; {@code endingOffsets} and its kin are refused. */
    static KafkaSourceOptions forStream(Map<String, String> options) {
        Map<String, String> lower = lower(options);
        for (String batchOnly : List.of("endingoffsets", "endingtimestamp", "endingoffsetsbytimestamp")) {
            if (lower.containsKey(batchOnly)) {
                throw new AnalysisException("INVALID_OPTION", "Option '" + spelled(options, batchOnly) + "' is for "
                        + "batch reads; a streaming query reads on as long as it runs.");
            }
        }
        return of(options, "latest");
    }

    /** The options of a batch read: the range between the starting (default earliest) and ending (latest) bounds. */
    static KafkaSourceOptions forBatch(Map<String, String> options) {
        Map<String, String> lower = lower(options);
        for (String streamOnly : List.of("maxoffsetspertrigger", "minoffsetspertrigger", "maxtriggerdelay")) {
            if (lower.containsKey(streamOnly)) {
                throw new AnalysisException("INVALID_OPTION", "Option '" + spelled(options, streamOnly) + "' is for "
                        + "streaming queries; a batch read takes the whole range at once.");
            }
        }
        if ("earliest".equalsIgnoreCase(lower.getOrDefault("endingoffsets", "").strip())) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "endingOffsets 'earliest' is not allowed in a batch "
                    + "read (it would read nothing); use latest or per-partition offsets.");
        }
        return of(options, "earliest");
    }

    private static KafkaSourceOptions of(Map<String, String> options, String defaultStart) {
        Map<String, String> lower = lower(options);
        Map<String, Object> consumer = new HashMap<>();
        options.forEach((k, v) -> {
            if (k.toLowerCase(Locale.ROOT).startsWith("kafka.")) {
                consumer.put(k.substring("kafka.".length()), v);
            }
        });
        if (!consumer.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new AnalysisException("KAFKA_OPTION_MISSING", "Option 'kafka.bootstrap.servers' must be specified "
                    + "for the Kafka source.");
        }
        for (String forbidden : List.of(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)) {
            if (consumer.containsKey(forbidden)) {
                throw new AnalysisException("UNSUPPORTED_KAFKA_OPTION", "Kafka option 'kafka." + forbidden + "' is "
                        + "not supported: offsets live in the query's checkpoint and keys and values are bytes.");
            }
        }
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // Transactional input: only committed records, unless the user asks otherwise.
        consumer.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A reader must not bring a deleted topic back by asking for its metadata.
        consumer.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        String subscribe = lower.get("subscribe");
        String pattern = lower.get("subscribepattern");
        String assign = lower.get("assign");
        int given = (subscribe != null ? 1 : 0) + (pattern != null ? 1 : 0) + (assign != null ? 1 : 0);
        if (given != 1) {
            throw new AnalysisException("KAFKA_OPTION_MISSING", "One of the options 'subscribe', 'subscribePattern' "
                    + "or 'assign' must be specified for the Kafka source (exactly one).");
        }
        long max = positive(lower, options, "maxoffsetspertrigger", Long.MAX_VALUE);
        long min = positive(lower, options, "minoffsetspertrigger", 0);
        if (min > max) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "Option 'minOffsetsPerTrigger' (" + min + ") is "
                    + "higher than 'maxOffsetsPerTrigger' (" + max + ").");
        }
        String strategy = lower.getOrDefault("startingoffsetsbytimestampstrategy", "error").strip();
        if (!strategy.equalsIgnoreCase("error") && !strategy.equalsIgnoreCase("latest")) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "Option 'startingOffsetsByTimestampStrategy' is '"
                    + strategy + "'; expected 'error' or 'latest'.");
        }
        Bound start = new Bound(timestamp(lower, options, "startingtimestamp"),
                lower.get("startingoffsetsbytimestamp"), lower.getOrDefault("startingoffsets", defaultStart).strip(),
                strategy.equalsIgnoreCase("error"), "starting");
        Bound end = new Bound(timestamp(lower, options, "endingtimestamp"), lower.get("endingoffsetsbytimestamp"),
                lower.getOrDefault("endingoffsets", "latest").strip(), false, "ending");
        return new KafkaSourceOptions(consumer,
                subscribe == null ? List.of() : List.of(subscribe.split("\\s*,\\s*")),
                pattern == null ? null : Pattern.compile(pattern), assign, start, end, max, min,
                lower.containsKey("maxtriggerdelay") ? delayMillis(options, lower.get("maxtriggerdelay"))
                        : DEFAULT_MAX_TRIGGER_DELAY_MS,
                Boolean.parseBoolean(lower.getOrDefault("failondataloss", "true")),
                positive(lower, options, "kafkaconsumer.polltimeoutms", 120_000),
                Boolean.parseBoolean(lower.getOrDefault("includeheaders", "false")),
                (int) Math.min(Integer.MAX_VALUE, positive(lower, options, "minpartitions", 0)));
    }

    private static Map<String, String> lower(Map<String, String> options) {
        Map<String, String> lower = new HashMap<>();
        options.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }

    /** The option's name as the user wrote it, for messages. */
    private static String spelled(Map<String, String> options, String lowerName) {
        return options.keySet().stream().filter(k -> k.equalsIgnoreCase(lowerName)).findFirst().orElse(lowerName);
    }

    private static long positive(Map<String, String> lower, Map<String, String> options, String name, long dflt) {
        String v = lower.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AnalysisException("INVALID_OPTION_VALUE", "Option '" + spelled(options, name) + "' must be a "
                + "positive whole number, got '" + v + "'.");
    }

    private static Long timestamp(Map<String, String> lower, Map<String, String> options, String name) {
        String v = lower.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "Option '" + spelled(options, name) + "' must be "
                    + "milliseconds since the epoch, got '" + v + "'.");
        }
    }

    /** Spark's time strings: {@code 15m}, {@code 30s}, {@code 500ms}; a bare number is milliseconds. */
    private static long delayMillis(Map<String, String> options, String v) {
        String s = v.strip();
        try {
            return s.chars().allMatch(Character::isDigit) ? Long.parseLong(s)
                    : Math.round(DateTimeUtils.parseIntervalMicros(s) / 1000.0);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "Option '" + spelled(options, "maxtriggerdelay")
                    + "' must be a duration such as '15m' or '30s', got '" + v + "'.");
        }
    }
}
