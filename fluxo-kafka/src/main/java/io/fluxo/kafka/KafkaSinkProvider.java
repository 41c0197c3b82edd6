package io.fluxo.kafka;

import io.fluxo.connector.spi.SinkProvider;
import io.fluxo.stream.StreamSink;
import java.util.Map;

/** {@code writeStream().format("kafka")} and {@code write().format("kafka")}: Spark's Kafka sink. */
public final class KafkaSinkProvider implements SinkProvider {
    @Override
    public String shortName() {
        return "kafka";
    }

    @Override
    public StreamSink createSink(Map<String, String> options) {
        return new KafkaSink(options);
    }
}
