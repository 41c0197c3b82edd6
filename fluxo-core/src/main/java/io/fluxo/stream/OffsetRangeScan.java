package io.fluxo.stream;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.util.List;

/**
 * One micro-batch's slice of a stream, {@code (start, end]}, seen as a static scan so batch planning applies; counts
 * the rows read for the progress report.
 */
final class OffsetRangeScan implements BatchScan {
    private final MicroBatchStream stream;
    private final String start;
    private final String end;
    private final java.util.concurrent.atomic.LongAdder rowsRead;

    OffsetRangeScan(MicroBatchStream stream, String start, String end, java.util.concurrent.atomic.LongAdder rowsRead) {
        this.stream = stream;
        this.start = start;
        this.end = end;
        this.rowsRead = rowsRead;
    }

    @Override
    public StructType schema() {
        return stream.schema();
    }

    @Override
    public String description() {
        return stream.description() + " (" + start + ", " + end + "]";
    }

    @Override
    public List<InputPartition> planInputPartitions() throws IOException {
        return stream.planInputPartitions(start, end);
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException {
        PartitionReader reader = stream.createReader(partition, requiredColumns);
        return new PartitionReader() {
            @Override
            public io.fluxo.vector.ColumnBatch next() throws IOException {
                io.fluxo.vector.ColumnBatch b = reader.next();
                if (b != null) {
                    rowsRead.add(b.numRows());
                }
                return b;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
