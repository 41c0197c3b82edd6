package io.fluxo.connector.spi;

import io.fluxo.stream.StreamSink;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A sink that lives in its own module (Kafka, say), found by its short name for {@code writeStream().format(name)}
 * and {@code write().format(name).save()}: modules list their providers in
 * {@code META-INF/services/io.fluxo.connector.spi.SinkProvider}.
 */
public interface SinkProvider {
    /** The name {@code format(…)} uses, lower case: {@code kafka}. */
    String shortName();

    /** A sink over the writer's options; a batch write is one call of {@link StreamSink#addBatch} with batch 0. */
    StreamSink createSink(Map<String, String> options);

    /** The provider named {@code name} on the class path, if any. */
    static Optional<SinkProvider> find(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (SinkProvider p : ServiceLoader.load(SinkProvider.class)) {
            if (p.shortName().equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
