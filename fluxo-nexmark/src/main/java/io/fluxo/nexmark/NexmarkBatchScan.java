package io.fluxo.nexmark;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.StructType;
import java.util.List;

/** {@code read().format("nexmark")}: the first {@code maxEvents} events as static data, the same rows as the stream. */
final class NexmarkBatchScan implements BatchScan {
    private final NexmarkOptions options;
    private final EventModel model;

    NexmarkBatchScan(NexmarkOptions options) {
        if (options.maxEvents <= 0) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "A batch read of the nexmark source needs an end: set "
                    + "option 'maxEvents' to a positive number of events.");
        }
        if (options.baseTimeAtStart) {
            throw new AnalysisException("INVALID_OPTION_VALUE", "baseTime 'now' is for streams (event time is the "
                    + "time each event is offered); give a batch read a fixed baseTime.");
        }
        this.options = options;
        this.model = new EventModel(options);
    }

    @Override
    public StructType schema() {
        return options.table.schema();
    }

    @Override
    public String description() {
        return "nexmark [" + options.describe() + "]";
    }

    @Override
    public List<InputPartition> planInputPartitions() {
        return List.copyOf(EventRange.split(0, options.maxEvents, options.numPartitions));
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        return new EventReader(model, options.table, (EventRange) partition, requiredColumns);
    }
}
