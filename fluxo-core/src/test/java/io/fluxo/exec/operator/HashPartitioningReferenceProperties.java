package io.fluxo.exec.operator;

import static org.assertj.core.api.Assertions.fail;

import io.fluxo.exec.KeyColumns;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link HashPartitioning} sends equal keys (SQL grouping equality: NULLs equal whatever their slots hold, -0.0 =
 * 0.0, NaNs equal) to one partition, in every batch, and only to partitions that exist.
 */
class HashPartitioningReferenceProperties {
    private static final List<List<DataType>> KEY_TYPES = List.of(
            List.of(DataTypes.LongType),
            List.of(DataTypes.IntegerType),
            List.of(DataTypes.StringType),
            List.of(DataTypes.BinaryType),
            List.of(DataTypes.DoubleType),
            List.of(DataTypes.BooleanType),
            List.of(DataTypes.StringType, DataTypes.IntegerType),
            List.of(DataTypes.LongType, DataTypes.DoubleType, DataTypes.StringType));

    @Property(tries = 150)
    void equalKeysShareAPartition(@ForAll long seed) {
        Random random = new Random(seed);
        List<DataType> types = KEY_TYPES.get(random.nextInt(KEY_TYPES.size()));
        int numPartitions = 1 + random.nextInt(8);
        int spread = new int[] {1, 4, 50}[random.nextInt(3)];
        Map<List<Object>, Integer> partitionOfKey = new HashMap<>();
        for (int b = 0; b < 3; b++) {
            int n = random.nextInt(300);
            List<List<Object>> columns = new ArrayList<>();
            ColumnVector[] vectors = new ColumnVector[types.size()];
            for (int k = 0; k < vectors.length; k++) {
                List<Object> column = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    column.add(random.nextInt(4) == 0 ? null : KeyColumns.randomValue(types.get(k), random, spread));
                }
                columns.add(column);
                vectors[k] = KeyColumns.vector(types.get(k), column, random);
            }
            int[] partitions = new int[n];
            HashPartitioning.assign(vectors, n, numPartitions, new long[n], partitions);
            for (int i = 0; i < n; i++) {
                int row = i;
                List<Object> key = new ArrayList<>();
                for (List<Object> column : columns) {
                    key.add(KeyColumns.groupingValue(column.get(i)));
                }
                int first = partitionOfKey.computeIfAbsent(key, x -> partitions[row]);
                if (partitions[i] != first || first < 0 || first >= numPartitions) {
                    fail("partition of %s (types %s, %d partitions): %d, before %d", key, types, numPartitions,
                            partitions[i], first);
                }
            }
        }
    }
}
