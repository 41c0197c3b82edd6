package io.fluxo.exec.operator;

import static io.fluxo.api.functions.lit;
import static io.fluxo.exec.BatchedFrames.collect;
import static io.fluxo.exec.BatchedFrames.frame;
import static io.fluxo.exec.RowMultisets.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.api.Column;
import io.fluxo.api.DataFrame;
import io.fluxo.api.RuntimeConfig;
import io.fluxo.api.Session;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every join type against a nested-loop join in plain Java, as multisets of rows: equi keys (one, composite, computed,
 * of different integral types, doubles with NaN and -0.0) with NULLs (which never match) and duplicates on both
 * sides, residual non-equi conditions, conditions without keys, null-safe equality, empty sides. Each query runs
 * broadcast and shuffled, in one partition and in several.
 */
class JoinReferenceProperties {
    private static final StructType LEFT = new StructType(List.of()).add("lid", DataTypes.IntegerType)
            .add("lk", DataTypes.IntegerType).add("ls", DataTypes.StringType).add("lx", DataTypes.IntegerType)
            .add("ld", DataTypes.DoubleType);
    private static final StructType RIGHT = new StructType(List.of()).add("rid", DataTypes.IntegerType)
            .add("rk", DataTypes.LongType).add("rs", DataTypes.StringType).add("rx", DataTypes.IntegerType)
            .add("rd", DataTypes.DoubleType);
    private static final int ID = 0;
    private static final int K = 1;
    private static final int S = 2;
    private static final int X = 3;
    private static final int D = 4;
    private static final int WIDTH = 5;
    private static final double[] DOUBLES = {Double.NaN, -0.0, 0.0, 1.5, Double.longBitsToDouble(0x7ff8000000000123L)};
    private static final String[] TYPES = {"inner", "cross", "left_outer", "right_outer", "full_outer", "left_semi",
        "left_anti"};
    private static final List<Condition> CONDITIONS = List.of(
            new Condition("lk = rk", true, (l, r) -> l.col("lk").equalTo(r.col("rk")),
                    (l, r) -> eq(l[K], r[K])),
            new Condition("rk = lk", true, (l, r) -> r.col("rk").equalTo(l.col("lk")),
                    (l, r) -> eq(l[K], r[K])),
            new Condition("lk = rk AND ls = rs", true,
                    (l, r) -> l.col("lk").equalTo(r.col("rk")).and(l.col("ls").equalTo(r.col("rs"))),
                    (l, r) -> eq(l[K], r[K]) && eq(l[S], r[S])),
            new Condition("lk = rk AND lx < rx", true,
                    (l, r) -> l.col("lk").equalTo(r.col("rk")).and(l.col("lx").lt(r.col("rx"))),
                    (l, r) -> eq(l[K], r[K]) && l[X] != null && r[X] != null && (Integer) l[X] < (Integer) r[X]),
            new Condition("ls = rs AND lx + rx > 3", true,
                    (l, r) -> l.col("ls").equalTo(r.col("rs")).and(l.col("lx").plus(r.col("rx")).gt(3)),
                    (l, r) -> eq(l[S], r[S]) && l[X] != null && r[X] != null && (Integer) l[X] + (Integer) r[X] > 3),
            new Condition("lk + 1 = rk", true, (l, r) -> l.col("lk").plus(1).equalTo(r.col("rk")),
                    (l, r) -> l[K] != null && eq((Integer) l[K] + 1, r[K])),
            new Condition("lx < rx", false, (l, r) -> l.col("lx").lt(r.col("rx")),
                    (l, r) -> l[X] != null && r[X] != null && (Integer) l[X] < (Integer) r[X]),
            new Condition("lk <=> rk", true, (l, r) -> l.col("lk").eqNullSafe(r.col("rk")),
                    (l, r) -> l[K] == null && r[K] == null || eq(l[K], r[K])),
            new Condition("ld = rd", true, (l, r) -> l.col("ld").equalTo(r.col("rd")),
                    (l, r) -> eqDouble(l[D], r[D])),
            new Condition("ld <=> rd AND lx <= rx", true,
                    (l, r) -> l.col("ld").eqNullSafe(r.col("rd")).and(l.col("lx").leq(r.col("rx"))),
                    (l, r) -> (l[D] == null && r[D] == null || eqDouble(l[D], r[D])) && l[X] != null && r[X] != null
                            && (Integer) l[X] <= (Integer) r[X]),
            new Condition("true", false, (l, r) -> lit(true), (l, r) -> true));

    private static Session single;
    private static Session parallel;

    /** A join condition as a Column over the two inputs, and as the reference's row predicate (TRUE only). */
    private record Condition(String sql, boolean hasEquiKeys, BiFunction<DataFrame, DataFrame, Column> column,
            BiPredicate<Object[], Object[]> holds) {
    }

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
    void joinsMatchANestedLoopJoin(@ForAll long seed) {
        Random random = new Random(seed);
        String type = TYPES[random.nextInt(TYPES.length)];
        Condition condition = random.nextInt(10) == 0 && (type.equals("inner") || type.equals("cross")) ? null
                : CONDITIONS.get(random.nextInt(CONDITIONS.size()));
        int domain = 1 + random.nextInt(5);
        List<Object[]> left = rows(random.nextInt(6) == 0 ? 0 : random.nextInt(30), domain, false, random);
        List<Object[]> right = rows(random.nextInt(6) == 0 ? 0 : random.nextInt(30), domain, true, random);
        check(type, condition, left, right, 1 + random.nextInt(8), random);
    }

    @Property(tries = 15)
    void manyMatchesPerKeySpanSeveralOutputBatches(@ForAll long seed) {
        Random random = new Random(seed);
        String type = TYPES[random.nextInt(TYPES.length)];
        Condition condition = CONDITIONS.get(random.nextInt(4));
        List<Object[]> left = rows(200 + random.nextInt(300), 2, false, random);
        List<Object[]> right = rows(40 + random.nextInt(100), 2, true, random);
        check(type, condition, left, right, 4096, random);
    }

    private static void check(String type, Condition condition, List<Object[]> left, List<Object[]> right,
            int maxBatch, Random random) {
        List<List<Object>> expected = nestedLoopJoin(type, condition, left, right);
        for (Session session : List.of(single, parallel)) {
            for (boolean broadcast : new boolean[] {true, false}) {
                session.conf().set(RuntimeConfig.BROADCAST_THRESHOLD_ROWS, broadcast ? 1_000_000 : -1);
                DataFrame l = frame(session, LEFT, left, maxBatch, random);
                DataFrame r = frame(session, RIGHT, right, maxBatch, random);
                DataFrame joined = condition == null ? (type.equals("cross") ? l.crossJoin(r) : l.join(r))
                        : l.join(r, condition.column().apply(l, r), type);
                String description = type + " join on " + (condition == null ? "nothing" : condition.sql())
                        + ", " + left.size() + " x " + right.size() + " rows, "
                        + session.conf().get(RuntimeConfig.SHUFFLE_PARTITIONS, "?") + " shuffle partitions, "
                        + (broadcast ? "broadcast allowed" : "no broadcast");
                boolean keyed = condition != null && condition.hasEquiKeys();
                String strategy = keyed && !(broadcast && !type.equals("full_outer")) ? "ShuffledHashJoin"
                        : "BroadcastHashJoin";
                assertThat(joined.explainString(false)).as(description).contains(strategy);
                assertSameRows(collect(joined), expected, description);
            }
        }
    }

    /** Rows of either side; the right side's key is BIGINT, so its values are Longs. */
    private static List<Object[]> rows(int n, int domain, boolean longKeys, Random random) {
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[WIDTH];
            row[ID] = i;
            int key = random.nextInt(domain);
            row[K] = random.nextInt(5) == 0 ? null : longKeys ? (Object) (long) key : (Object) key;
            row[S] = random.nextInt(5) == 0 ? null : random.nextInt(6) == 0 ? "" : "s" + random.nextInt(domain);
            row[X] = random.nextInt(6) == 0 ? null : random.nextInt(7) - 3;
            row[D] = random.nextInt(6) == 0 ? null : DOUBLES[random.nextInt(DOUBLES.length)];
            out.add(row);
        }
        return out;
    }

    private static List<List<Object>> nestedLoopJoin(String type, Condition condition, List<Object[]> left,
            List<Object[]> right) {
        boolean[] rightMatched = new boolean[right.size()];
        List<List<Object>> out = new ArrayList<>();
        for (Object[] l : left) {
            boolean matched = false;
            for (int j = 0; j < right.size(); j++) {
                Object[] r = right.get(j);
                if (condition == null || condition.holds().test(l, r)) {
                    matched = true;
                    rightMatched[j] = true;
                    if (!type.equals("left_semi") && !type.equals("left_anti")) {
                        out.add(concat(l, r));
                    }
                }
            }
            boolean keepUnmatched = type.equals("left_outer") || type.equals("full_outer");
            if (!matched && keepUnmatched || matched && type.equals("left_semi")
                    || !matched && type.equals("left_anti")) {
                out.add(type.startsWith("left_s") || type.startsWith("left_a") ? Arrays.asList(l)
                        : concat(l, new Object[WIDTH]));
            }
        }
        if (type.equals("right_outer") || type.equals("full_outer")) {
            for (int j = 0; j < right.size(); j++) {
                if (!rightMatched[j]) {
                    out.add(concat(new Object[WIDTH], right.get(j)));
                }
            }
        }
        return out;
    }

    private static List<Object> concat(Object[] l, Object[] r) {
        List<Object> row = new ArrayList<>(Arrays.asList(l));
        row.addAll(Arrays.asList(r));
        return row;
    }

    /** Spark's double equality (TRUE only): NaN equals NaN, -0.0 equals 0.0. */
    private static boolean eqDouble(Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        double x = (Double) a;
        double y = (Double) b;
        return x == y || Double.isNaN(x) && Double.isNaN(y);
    }

    /** SQL equality of two non-null values (TRUE only), across INT and BIGINT. */
    private static boolean eq(Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.longValue() == y.longValue();
        }
        return Objects.equals(a, b);
    }
}
