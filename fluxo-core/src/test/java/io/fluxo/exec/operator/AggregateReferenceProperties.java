package io.fluxo.exec.operator;

import static io.fluxo.api.functions.avg;
import static io.fluxo.api.functions.col;
import static io.fluxo.api.functions.count;
import static io.fluxo.api.functions.countDistinct;
import static io.fluxo.api.functions.lit;
import static io.fluxo.api.functions.max;
import static io.fluxo.api.functions.min;
import static io.fluxo.api.functions.sum;
import static io.fluxo.exec.BatchedFrames.collect;
import static io.fluxo.exec.BatchedFrames.frame;
import static io.fluxo.exec.RowMultisets.assertSameRows;

import io.fluxo.api.Column;
import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Grouped aggregation through the DataFrame API against a HashMap over the rows: every key type the group tables
 * specialize on (BIGINT, INT, STRING, DOUBLE, composite, none), keys computed by an expression (whose NULL rows may
 * hold any value underneath), NULL and empty-string keys, long strings and enough distinct keys to grow the tables,
 * with count, sum, min, max, avg and count(DISTINCT). Each query runs in one partition (a complete aggregation) and
 * in several (partial aggregation, hash exchange, final merge), over inputs cut into many batches, now and then
 * read through a union.
 */
class AggregateReferenceProperties {
    private static final StructType SCHEMA = new StructType(List.of())
            .add("kl", DataTypes.LongType).add("ki", DataTypes.IntegerType).add("ks", DataTypes.StringType)
            .add("kd", DataTypes.DoubleType).add("a", DataTypes.IntegerType).add("b", DataTypes.IntegerType)
            .add("v", DataTypes.IntegerType).add("s", DataTypes.StringType);
    private static final int KL = 0;
    private static final int KI = 1;
    private static final int KS = 2;
    private static final int KD = 3;
    private static final int A = 4;
    private static final int B = 5;
    private static final int V = 6;
    private static final int S = 7;
    /** Grouping choices: column positions, or {@link #COMPUTED} for the key {@code a + b}. */
    private static final int COMPUTED = -1;
    private static final int[][] GROUPINGS = {{KL}, {KI}, {KS}, {KD}, {KS, KI}, {KL, KS, KD}, {}, {COMPUTED},
        {COMPUTED, KS}};
    private static final long[] SPECIAL_LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1L << 40};
    private static final int[] SPECIAL_INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0};
    private static final double[] SPECIAL_DOUBLES = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, -1.5, Double.longBitsToDouble(0x7ff8000000000123L)};
    private static final String[] SPECIAL_STRINGS = {"", " ", "a", "A", "é", "\uD83D\uDE00", "\uFFFD", "a\u0000b"};
    /** Spark orders strings by their UTF-8 bytes, unsigned: code-point order, not Java's UTF-16 order. */
    private static final Comparator<String> UTF8_ORDER = (x, y) -> Arrays.compareUnsigned(
            x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));

    private static Session single;
    private static Session parallel;

    @BeforeContainer
    static void start() {
        single = Session.builder().master("local").config("fluxo.sql.shuffle.partitions", 1).create();
        parallel = Session.builder().master("local[3]").config("fluxo.sql.shuffle.partitions", 4).create();
    }

    @AfterContainer
    static void stop() {
        single.close();
        parallel.close();
    }

    @Property(tries = 200)
    void groupedAggregatesMatchTheReference(@ForAll long seed) {
        Random random = new Random(seed);
        int[] grouping = GROUPINGS[random.nextInt(GROUPINGS.length)];
        int spread = new int[] {1, 3, 30, 300}[random.nextInt(4)];
        int rows = random.nextInt(6) == 0 ? random.nextInt(3) : random.nextInt(400);
        List<Object[]> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(randomRow(random, spread, 0.1));
        }
        int maxBatch = new int[] {1, 7, 64, 5000}[random.nextInt(4)];
        check(data, grouping, maxBatch, random);
    }

    @Property(tries = 12)
    void manyDistinctKeysGrowTheTablesAndSpanOutputBatches(@ForAll long seed) {
        Random random = new Random(seed);
        int[][] groupings = {{KL}, {KI}, {KS}, {KS, KI}, {KD}};
        int[] grouping = groupings[random.nextInt(groupings.length)];
        int rows = 4500 + random.nextInt(4000);
        List<Object[]> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Object[] row = randomRow(random, 1_000_000, 0.01);
            if (random.nextInt(4) == 0) {
                // Long keys: the string tables' arenas start at 64 KiB.
                row[KS] = "long-" + "x".repeat(100 + random.nextInt(400)) + random.nextInt(1000);
            }
            data.add(row);
        }
        check(data, grouping, 1024 + random.nextInt(4096), random);
    }

    private static void check(List<Object[]> data, int[] grouping, int maxBatch, Random random) {
        Map<List<Object>, Accumulator> reference = reference(data, grouping);
        List<List<Object>> expected = new ArrayList<>();
        reference.forEach((key, acc) -> expected.add(acc.result(key)));
        for (Session session : List.of(single, parallel)) {
            DataFrame input;
            if (random.nextInt(3) == 0) {
                // The input as a UNION ALL of two pieces: the union's partitions are its inputs' partitions.
                int cut = random.nextInt(data.size() + 1);
                input = frame(session, SCHEMA, data.subList(0, cut), maxBatch, random)
                        .union(frame(session, SCHEMA, data.subList(cut, data.size()), maxBatch, random));
            } else {
                input = frame(session, SCHEMA, data, maxBatch, random);
            }
            DataFrame df = query(input, grouping);
            assertSameRows(collect(df), expected, "groupBy " + Arrays.toString(grouping) + " over " + data.size()
                    + " rows, " + session.conf().get("fluxo.sql.shuffle.partitions", "?") + " shuffle partitions");
        }
    }

    private static DataFrame query(DataFrame input, int[] grouping) {
        DataFrame df = input.withColumn("ab", col("a").plus(col("b")));
        Column[] keys = new Column[grouping.length];
        for (int k = 0; k < grouping.length; k++) {
            keys[k] = grouping[k] == COMPUTED ? col("ab") : col(SCHEMA.field(grouping[k]).name());
        }
        Column v = col("v");
        Column s = col("s");
        return df.groupBy(keys).agg(count(lit(1)).as("rows"), count(v).as("cv"), sum(v).as("sv"), min(v).as("minv"),
                max(v).as("maxv"), avg(v).as("avgv"), countDistinct(v).as("dv"), min(s).as("mins"),
                max(s).as("maxs"), countDistinct(s).as("ds"));
    }

    private static Object[] randomRow(Random random, int spread, double nullRate) {
        Object[] row = new Object[SCHEMA.size()];
        row[KL] = random.nextDouble() < nullRate ? null : random.nextInt(20) == 0
                ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)] : (long) random.nextInt(spread) - spread / 2;
        row[KI] = random.nextDouble() < nullRate ? null : random.nextInt(20) == 0
                ? SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)] : random.nextInt(spread);
        row[KS] = random.nextDouble() < nullRate ? null : random.nextInt(8) == 0
                ? SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)] : "k" + random.nextInt(spread);
        row[KD] = random.nextDouble() < nullRate ? null : random.nextInt(3) == 0
                ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)] : random.nextInt(spread) / 4.0;
        row[A] = random.nextInt(4) == 0 ? null : random.nextInt(7) - 3;
        row[B] = random.nextInt(4) == 0 ? null : random.nextInt(7) - 3;
        row[V] = random.nextInt(5) == 0 ? null : random.nextInt(201) - 100;
        row[S] = random.nextInt(5) == 0 ? null : SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)]
                + random.nextInt(3);
        return row;
    }

    private static Map<List<Object>, Accumulator> reference(List<Object[]> data, int[] grouping) {
        Map<List<Object>, Accumulator> groups = new LinkedHashMap<>();
        for (Object[] row : data) {
            List<Object> key = new ArrayList<>();
            for (int g : grouping) {
                key.add(g == COMPUTED ? sumOrNull((Integer) row[A], (Integer) row[B]) : groupingValue(row[g]));
            }
            groups.computeIfAbsent(key, k -> new Accumulator()).add(row);
        }
        if (grouping.length == 0 && groups.isEmpty()) {
            groups.put(List.of(), new Accumulator());
        }
        return groups;
    }

    private static Integer sumOrNull(Integer x, Integer y) {
        return x == null || y == null ? null : x + y;
    }

    /** SQL grouping equality: -0.0 is 0.0 and every NaN is one NaN (the key is output normalized, as in Spark). */
    private static Object groupingValue(Object v) {
        if (v instanceof Double d) {
            return d == 0.0 ? 0.0 : d.isNaN() ? Double.NaN : d;
        }
        return v;
    }

    /** The reference state of one group. */
    private static final class Accumulator {
        private long rows;
        private long count;
        private long sum;
        private Integer min;
        private Integer max;
        private final Set<Integer> distinct = new HashSet<>();
        private String minS;
        private String maxS;
        private final Set<String> distinctS = new HashSet<>();

        void add(Object[] row) {
            rows++;
            Integer v = (Integer) row[V];
            if (v != null) {
                count++;
                sum += v;
                min = min == null ? v : Math.min(min, v);
                max = max == null ? v : Math.max(max, v);
                distinct.add(v);
            }
            String s = (String) row[S];
            if (s != null) {
                minS = minS == null || UTF8_ORDER.compare(s, minS) < 0 ? s : minS;
                maxS = maxS == null || UTF8_ORDER.compare(s, maxS) > 0 ? s : maxS;
                distinctS.add(s);
            }
        }

        List<Object> result(List<Object> key) {
            List<Object> out = new ArrayList<>(key);
            out.addAll(Arrays.asList(rows, count, count == 0 ? null : sum, min, max,
                    count == 0 ? null : (double) sum / count, (long) distinct.size(), minS, maxS,
                    (long) distinctS.size()));
            return out;
        }
    }
}
