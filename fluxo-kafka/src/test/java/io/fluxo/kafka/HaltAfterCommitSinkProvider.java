package io.fluxo.kafka;

import io.fluxo.connector.spi.SinkProvider;
import io.fluxo.stream.StreamSink;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code format("kafka-halt-after-commit")}, for crash tests: the Kafka sink, except that the first batch with rows it
 * writes (once per {@code haltDir}) is followed by {@code Runtime.halt}, which ends the JVM as {@code kill -9} would:
 * Kafka has committed the batch's transaction, the query's commit log has not recorded it.
 */
public final class HaltAfterCommitSinkProvider implements SinkProvider {
    @Override
    public String shortName() {
        return "kafka-halt-after-commit";
    }

    @Override
    public StreamSink createSink(Map<String, String> options) {
        KafkaSink kafka = new KafkaSink(options);
        Path marker = Path.of(options.get("haltDir")).resolve("halted");
        return new StreamSink() {
            @Override
            public void open(UUID queryId) {
                kafka.open(queryId);
            }

            @Override
            public void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) throws Exception {
                kafka.addBatch(batchId, schema, rows);
                if (rows.stream().anyMatch(b -> b.numRows() > 0) && !Files.exists(marker)) {
                    Files.writeString(marker, Long.toString(batchId));
                    Runtime.getRuntime().halt(137);
                }
            }

            @Override
            public String description() {
                return kafka.description();
            }

            @Override
            public void close() {
                kafka.close();
            }
        };
    }
}
