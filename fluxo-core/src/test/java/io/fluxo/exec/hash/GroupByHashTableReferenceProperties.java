package io.fluxo.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Every {@link GroupByHashTable} implementation (no key, one integral key, one string or binary key, encoded keys)
 * against a HashMap from key tuples to ids: batches of random keys get the ids of the keys' first appearance (dense,
 * NULLs one group whatever their slots hold, -0.0 = 0.0, NaNs one group), {@code lookup} finds the same ids without
 * adding any, and {@code appendKeys} gives the keys back, across growth of slots, id arrays and byte arenas.
 */
class GroupByHashTableReferenceProperties {
    private static final io.fluxo.types.StructType WINDOW = io.fluxo.types.StructType.empty()
            .add("start", DataTypes.TimestampType, true).add("end", DataTypes.TimestampType, true);
    private static final List<List<DataType>> KEY_TYPES = List.of(
            List.of(),
            List.of(DataTypes.LongType),
            List.of(DataTypes.IntegerType),
            List.of(DataTypes.DateType),
            List.of(DataTypes.TimestampType),
            List.of(DataTypes.StringType),
            List.of(DataTypes.BinaryType),
            List.of(DataTypes.DoubleType),
            List.of(DataTypes.BooleanType),
            List.of(DataTypes.StringType, DataTypes.IntegerType),
            List.of(DataTypes.LongType, DataTypes.DoubleType, DataTypes.StringType),
            List.of(DataTypes.LongType, DataTypes.IntegerType),
            List.of(DataTypes.BooleanType, DataTypes.DoubleType, DataTypes.DateType),
            List.of(WINDOW, DataTypes.LongType),
            List.of(WINDOW),
            List.of(io.fluxo.types.StructType.empty().add("a", DataTypes.IntegerType, true)
                    .add("b", DataTypes.DoubleType, true), DataTypes.StringType));

    @Property(tries = 200)
    void groupIdsLookupAndKeysMatchAHashMap(@ForAll long seed) {
        Random random = new Random(seed);
        List<DataType> types = KEY_TYPES.get(random.nextInt(KEY_TYPES.size()));
        int spread = new int[] {1, 5, 100, 5000}[random.nextInt(4)];
        int maxRows = random.nextBoolean() ? 50 : 3000;
        GroupByHashTable table = GroupByHashTable.create(types);
        Map<List<Object>, Integer> reference = new HashMap<>();
        List<List<Object>> keysById = new ArrayList<>();

        int batches = 1 + random.nextInt(5);
        for (int b = 0; b < batches; b++) {
            List<List<Object>> rows = randomRows(types, random.nextInt(maxRows + 1), spread, random);
            int[] ids = new int[rows.size()];
            table.groupIds(vectors(types, rows, random), rows.size(), ids);
            for (int i = 0; i < rows.size(); i++) {
                List<Object> key = groupingKey(rows.get(i));
                Integer expected = reference.get(key);
                if (expected == null) {
                    expected = keysById.size();
                    reference.put(key, expected);
                    keysById.add(key);
                }
                if (ids[i] != expected) {
                    fail("id of %s in batch %d (types %s): expected %d but was %d", rows.get(i), b, types, expected,
                            ids[i]);
                }
            }
            assertThat(table.size()).isEqualTo(keysById.size());
        }

        List<List<Object>> probes = randomRows(types, random.nextInt(maxRows + 1), spread * 2, random);
        int[] found = new int[probes.size()];
        table.lookup(vectors(types, probes, random), probes.size(), found);
        for (int i = 0; i < probes.size(); i++) {
            int expected = reference.getOrDefault(groupingKey(probes.get(i)), -1);
            if (found[i] != expected) {
                fail("lookup of %s (types %s): expected %d but was %d", probes.get(i), types, expected, found[i]);
            }
        }
        assertThat(table.size()).as("lookup adds no group").isEqualTo(keysById.size());

        ColumnVector[] out = new ColumnVector[types.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = ColumnVector.allocate(types.get(k), 4);
        }
        for (int from = 0; from < table.size(); ) {
            int count = Math.min(table.size() - from, 1 + random.nextInt(2000));
            table.appendKeys(from, count, out);
            from += count;
        }
        for (int g = 0; g < keysById.size(); g++) {
            List<Object> key = new ArrayList<>();
            for (ColumnVector v : out) {
                key.add(KeyColumns.groupingValue(v.getObject(g)));
            }
            if (!key.equals(keysById.get(g))) {
                fail("key of group %d: expected %s but was %s", g, keysById.get(g), key);
            }
        }
    }

    private static List<List<Object>> randomRows(List<DataType> types, int n, int spread, Random random) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (DataType t : types) {
                row.add(random.nextInt(10) == 0 ? null : KeyColumns.randomValue(t, random, spread));
            }
            rows.add(row);
        }
        return rows;
    }

    private static ColumnVector[] vectors(List<DataType> types, List<List<Object>> rows, Random random) {
        ColumnVector[] out = new ColumnVector[types.size()];
        for (int k = 0; k < out.length; k++) {
            List<Object> column = new ArrayList<>();
            for (List<Object> row : rows) {
                column.add(row.get(k));
            }
            out[k] = KeyColumns.vector(types.get(k), column, random);
        }
        return out;
    }

    private static List<Object> groupingKey(List<Object> row) {
        List<Object> key = new ArrayList<>();
        for (Object v : row) {
            key.add(KeyColumns.groupingValue(v));
        }
        return key;
    }
}
