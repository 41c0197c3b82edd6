package io.fluxo.connector.spi;

import io.fluxo.types.StructType;
import java.io.IOException;
import java.util.List;

/**
 * A scan over static data, already configured (path, options, schema). The engine asks it for partitions, then
 * creates one reader per partition, possibly on several threads at once.
 */
public interface BatchScan {
    /** The full schema the scan produces. */
    StructType schema();

    /** One-line description for explain output, e.g. {@code json [data/sales]}. */
    String description();

    List<InputPartition> planInputPartitions() throws IOException;

    /**
     * A reader for {@code partition} that produces only the columns of {@code schema()} at {@code requiredColumns}
     * (in that order). Column pruning starts here: a reader should not even parse the columns it was not asked for.
     */
    PartitionReader createReader(InputPartition partition, int[] requiredColumns) throws IOException;
}
