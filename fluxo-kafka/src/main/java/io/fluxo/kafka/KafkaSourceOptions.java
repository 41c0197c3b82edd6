package io.fluxo.kafka;

import io.fluxo.errors.AnalysisException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Kafka source's options, as Spark names them: {@code kafka.bootstrap.servers}, one of {@code subscribe},
 * {@code subscribePattern}, {@code assign}; {@code startingOffsets}; {@code maxOffsetsPerTrigger};
 * {@code failOnDataLoss}; every other {@code kafka.*} option goes to the consumer (security settings included).
 */
record KafkaSourceOptions(Map<String, Object> consumerConfig, List<String> topics, Pattern pattern,
        String assign, String startingOffsets, long maxOffsetsPerTrigger, boolean failOnDataLoss,
        long pollTimeoutMs) {

    static KafkaSourceOptions of(Map<String, String> options) {
        Map<String, String> lower = new HashMap<>();
        options.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
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
        String subscribe = lower.get("subscribe");
        String pattern = lower.get("subscribepattern");
        String assign = lower.get("assign");
        int given = (subscribe != null ? 1 : 0) + (pattern != null ? 1 : 0) + (assign != null ? 1 : 0);
        if (given != 1) {
            throw new AnalysisException("KAFKA_OPTION_MISSING", "One of the options 'subscribe', 'subscribePattern' "
                    + "or 'assign' must be specified for the Kafka source (exactly one).");
        }
        long max = Long.parseLong(lower.getOrDefault("maxoffsetspertrigger", Long.toString(Long.MAX_VALUE)));
        if (max <= 0) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "Option 'maxOffsetsPerTrigger' must be positive, got "
                    + max + ".");
        }
        return new KafkaSourceOptions(consumer,
                subscribe == null ? List.of() : List.of(subscribe.split("\\s*,\\s*")),
                pattern == null ? null : Pattern.compile(pattern), assign,
                lower.getOrDefault("startingoffsets", "latest").strip(), max,
                Boolean.parseBoolean(lower.getOrDefault("failondataloss", "true")),
                Long.parseLong(lower.getOrDefault("kafkaconsumer.polltimeoutms", "120000")));
    }
}
