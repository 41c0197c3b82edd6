package io.fluxo.kafka;

import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.SourceProvider;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.StructType;
import java.util.Map;

/** {@code readStream().format("kafka")}: Spark's Kafka source. */
public final class KafkaSourceProvider implements SourceProvider {
    @Override
    public String shortName() {
        return "kafka";
    }

    @Override
    public MicroBatchStream createStream(Map<String, String> options, StructType userSchema) {
        if (userSchema != null) {
            throw new AnalysisException("UNSUPPORTED_FEATURE", "Kafka source has a fixed schema and cannot be set "
                    + "with a custom one.");
        }
        return new KafkaMicroBatchStream(KafkaSourceOptions.of(options));
    }

    @Override
    public io.fluxo.connector.spi.BatchScan createScan(Map<String, String> options, StructType userSchema) {
        if (userSchema != null) {
            throw new AnalysisException("UNSUPPORTED_FEATURE", "Kafka source has a fixed schema and cannot be set "
                    + "with a custom one.");
        }
        Map<String, String> withDefaults = new java.util.HashMap<>(options);
        boolean hasStart = options.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("startingOffsets"));
        if (!hasStart) {
            withDefaults.put("startingOffsets", "earliest");
        }
        String ending = options.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("endingOffsets"))
                .map(Map.Entry::getValue).findFirst().orElse("latest");
        if (ending.equalsIgnoreCase("earliest")) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "endingOffsets 'earliest' is not allowed in a batch "
                    + "read (it would read nothing); use latest or per-partition offsets.");
        }
        return new KafkaBatchScan(KafkaSourceOptions.of(withDefaults), ending);
    }
}
