package io.fluxo.exec.operator;

import static io.fluxo.api.functions.call_function;
import static io.fluxo.api.functions.col;
import static io.fluxo.exec.BatchedFrames.collect;
import static io.fluxo.exec.BatchedFrames.frame;
import static io.fluxo.exec.RowMultisets.assertSameRows;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * explode, explode_outer, posexplode and posexplode_outer over arrays and maps with NULL and empty collections and
 * NULL elements, against a loop over the rows: one row per element next to the input row's columns, or one row of
 * NULLs for an empty or NULL collection in the outer forms.
 */
class GenerateReferenceProperties {
    private static final StructType SCHEMA = SqlParser.parseTableSchema(
            "id INT, arr ARRAY<INT>, m MAP<STRING, INT>");
    private static final String[] GENERATORS = {"explode", "explode_outer", "posexplode", "posexplode_outer"};

    private static Session parallel;

    @BeforeContainer
    static void start() {
        parallel = Session.builder().master("local[3]").config("fluxo.sql.shuffle.partitions", 4).create();
    }

    @AfterContainer
    static void stop() {
        parallel.close();
    }

    @Property(tries = 150)
    void generatorsMatchALoopOverTheRows(@ForAll long seed) {
        Random random = new Random(seed);
        String generator = GENERATORS[random.nextInt(GENERATORS.length)];
        boolean overMap = random.nextBoolean();
        boolean outer = generator.endsWith("_outer");
        boolean withPosition = generator.startsWith("pos");
        List<Object[]> data = new ArrayList<>();
        List<List<Object>> expected = new ArrayList<>();
        int rows = random.nextInt(6) == 0 ? 0 : random.nextInt(200);
        for (int i = 0; i < rows; i++) {
            List<Object> arr = random.nextInt(6) == 0 ? null : randomList(random);
            Map<String, Object> m = random.nextInt(6) == 0 ? null : randomMap(random);
            data.add(new Object[] {i, arr, m});
            List<List<Object>> elements = new ArrayList<>();
            if (overMap && m != null) {
                m.forEach((k, v) -> elements.add(Arrays.asList(k, v)));
            } else if (!overMap && arr != null) {
                arr.forEach(e -> elements.add(Arrays.asList(e)));
            }
            for (int e = 0; e < elements.size(); e++) {
                List<Object> row = new ArrayList<>(List.of(i));
                if (withPosition) {
                    row.add(e);
                }
                row.addAll(elements.get(e));
                expected.add(row);
            }
            if (elements.isEmpty() && outer) {
                List<Object> row = new ArrayList<>(List.of(i));
                row.addAll(Arrays.asList(new Object[(withPosition ? 1 : 0) + (overMap ? 2 : 1)]));
                expected.add(row);
            }
        }
        DataFrame df = frame(parallel, SCHEMA, data, 1 + random.nextInt(30), random)
                .select(col("id"), call_function(generator, col(overMap ? "m" : "arr")));
        assertSameRows(collect(df), expected, generator + " over " + (overMap ? "a map" : "an array") + ", "
                + rows + " rows");
    }

    private static List<Object> randomList(Random random) {
        List<Object> out = new ArrayList<>();
        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.add(random.nextInt(5) == 0 ? null : random.nextInt(10));
        }
        return out;
    }

    private static Map<String, Object> randomMap(Random random) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(5);
        for (int i = 0; i < n; i++) {
            out.put("k" + random.nextInt(8), random.nextInt(5) == 0 ? null : random.nextInt(10));
        }
        return out;
    }
}
