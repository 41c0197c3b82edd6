package io.fluxo.nexmark;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.SourceProvider;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.StructType;
import java.util.Map;

/** {@code readStream().format("nexmark")} and {@code read().format("nexmark")}: the Nexmark benchmark's events. */
public final class NexmarkSourceProvider implements SourceProvider {
    @Override
    public String shortName() {
        return "nexmark";
    }

    @Override
    public MicroBatchStream createStream(Map<String, String> options, StructType userSchema) {
        refuseSchema(userSchema);
        return new NexmarkMicroBatchStream(NexmarkOptions.parse(options));
    }

    @Override
    public BatchScan createScan(Map<String, String> options, StructType userSchema) {
        refuseSchema(userSchema);
        return new NexmarkBatchScan(NexmarkOptions.parse(options));
    }

    private static void refuseSchema(StructType userSchema) {
        if (userSchema != null) {
            throw new AnalysisException("UNSUPPORTED_FEATURE", "The nexmark source has a fixed schema and cannot be "
                    + "given one; choose the columns with option 'table' (events, person, auction or bid).");
        }
    }
}
