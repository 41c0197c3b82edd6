package io.fluxo.kafka;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import java.util.List;

/**
 * {@code read().format("kafka")}: the records between {@code startingOffsets} (default earliest) and
 * {@code endingOffsets} (default latest), both resolved when the query is planned, as in Spark.
 */
final class KafkaBatchScan implements BatchScan {
    private final KafkaSourceOptions options;
    private final String endingOffsets;

    KafkaBatchScan(KafkaSourceOptions options, String endingOffsets) {
        this.options = options;
        this.endingOffsets = endingOffsets;
    }

    @Override
    public StructType schema() {
        return KafkaMicroBatchStream.SCHEMA;
    }

    @Override
    public String description() {
        return "kafka " + options.topics();
    }

    @Override
    public List<InputPartition> planInputPartitions() {
        KafkaMicroBatchStream stream = new KafkaMicroBatchStream(options);
        try {
            String start = KafkaOffsets.toJson(stream.resolve(options.startingOffsets()));
            String end = KafkaOffsets.toJson(stream.resolve(endingOffsets));
            return stream.planInputPartitions(start, end);
        } finally {
            stream.stop();
        }
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        return new KafkaPartitionReader((KafkaInputPartition) partition, requiredColumns, options);
    }
}
