package io.fluxo.connector.spi;

import io.fluxo.types.StructType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A source that lives in its own module (Kafka, say), found by its short name when a query says
 * {@code readStream().format(name)}: modules list their providers in
 * {@code META-INF/services/io.fluxo.connector.spi.SourceProvider}.
 */
public interface SourceProvider {
    /** The name {@code format(…)} uses, lower case: {@code kafka}. */
    String shortName();

    /** A stream over the options given to the reader; {@code userSchema} is null when none was given. */
    MicroBatchStream createStream(Map<String, String> options, StructType userSchema);

    /** A batch read ({@code read().format(name).load()}); {@code userSchema} is null when none was given. */
    default BatchScan createScan(Map<String, String> options, StructType userSchema) {
        throw new io.fluxo.errors.AnalysisException("UNSUPPORTED_FEATURE", "The source '" + shortName()
                + "' cannot be read as a batch.");
    }

    /** The provider named {@code name} on the class path, if any. */
    static Optional<SourceProvider> find(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class)) {
            if (p.shortName().equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
