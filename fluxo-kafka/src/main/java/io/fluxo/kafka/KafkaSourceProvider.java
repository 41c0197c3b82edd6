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
        return new KafkaMicroBatchStream(KafkaSourceOptions.forStream(options));
    }

    @Override
    public io.fluxo.connector.spi.BatchScan createScan(Map<String, String> options, StructType userSchema) {
        if (userSchema != null) {
            throw new AnalysisException("UNSUPPORTED_FEATURE", "Kafka source has a fixed schema and cannot be set "
                    + "with a custom one.");
        }
        return new KafkaBatchScan(KafkaSourceOptions.forBatch(options));
    }
}
