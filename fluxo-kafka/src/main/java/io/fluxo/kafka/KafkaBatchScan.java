package io.fluxo.kafka;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import java.util.List;

/**
 * {@code read().format("kafka")}: the records between the starting bound (default earliest) and the ending bound
 * (default latest; offsets or timestamps), both resolved when the query is planned, as in Spark.
 */
final class KafkaBatchScan implements BatchScan {
    private final KafkaSourceOptions options;

    KafkaBatchScan(KafkaSourceOptions options) {
        this.options = options;
    }

    @Override
    public StructType schema() {
        return KafkaMicroBatchStream.schema(options);
    }

    @Override
    public String description() {
        return "kafka " + options.topics();
    }

    @Override
    public List<InputPartition> planInputPartitions() {
        KafkaMicroBatchStream stream = new KafkaMicroBatchStream(options);
        try {
            String start = KafkaOffsets.toJson(stream.offsetsAt(options.start()));
            String end = KafkaOffsets.toJson(stream.offsetsAt(options.end()));
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
