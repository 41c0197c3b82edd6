package io.fluxo.exec.operator;

import static io.fluxo.api.functions.col;
import static io.fluxo.exec.BatchedFrames.collect;
import static io.fluxo.exec.BatchedFrames.frame;
import static io.fluxo.exec.RowMultisets.assertSameRows;
import static io.fluxo.exec.RowMultisets.assertSubMultiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fluxo.api.Column;
import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.api.functions;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * orderBy (and orderBy + limit, planned as a top-N) against a Java comparator with Spark's order: ASC puts NULLs
 * first and DESC last unless told otherwise, NaN is the greatest double and -0.0 equals 0.0, strings compare by
 * code point (UTF-8 bytes), several keys break ties in turn. Sorting need not be stable, so exact comparisons add the
 * unique row id as the last key; without it the output must be ordered and hold the input rows. A plain limit keeps
 * that many input rows.
 */
class SortReferenceProperties {
    private static final StructType SCHEMA = new StructType(List.of()).add("id", DataTypes.IntegerType)
            .add("a", DataTypes.IntegerType).add("s", DataTypes.StringType).add("d", DataTypes.DoubleType);
    private static final int ID = 0;
    private static final String[] STRINGS = {"", "a", "B", "b", "ab", "é", "\uD83D\uDE00", "\uFFFD", "z", "a\u0000"};
    private static final double[] DOUBLES = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, 1.5, -1.5, Double.MIN_VALUE, Double.longBitsToDouble(0x7ff8000000000123L)};
    private static final Comparator<String> UTF8_ORDER = (x, y) -> Arrays.compareUnsigned(
            x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));

    private static Session single;
    private static Session parallel;

    /** One sort key: the column, its direction and where its NULLs go, and how the Column API spelled it. */
    private record Key(int column, boolean ascending, boolean nullsFirst, Column order) {
        int compare(List<Object> x, List<Object> y) {
            Object a = x.get(column);
            Object b = y.get(column);
            if (a == null || b == null) {
                return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
            }
            int c;
            if (a instanceof Integer i) {
                c = Integer.compare(i, (Integer) b);
            } else if (a instanceof String s) {
                c = UTF8_ORDER.compare(s, (String) b);
            } else {
                double p = (Double) a;
                double q = (Double) b;
                c = p == q ? 0 : Double.compare(p, q);
            }
            return ascending ? c : -c;
        }
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

    @Property(tries = 150)
    void orderByAndTopNMatchTheComparator(@ForAll long seed) {
        Random random = new Random(seed);
        check(rows(random.nextInt(6) == 0 ? random.nextInt(2) : random.nextInt(300), random), random,
                1 + random.nextInt(40));
    }

    @Property(tries = 8)
    void largeInputsSortAcrossOutputBatches(@ForAll long seed) {
        Random random = new Random(seed);
        check(rows(4500 + random.nextInt(4000), random), random, 2048 + random.nextInt(5000));
    }

    private static void check(List<Object[]> data, Random random, int maxBatch) {
        List<Key> keys = randomKeys(random);
        List<Key> total = new ArrayList<>(keys);
        total.add(new Key(ID, true, true, col("id").asc()));
        List<List<Object>> input = new ArrayList<>();
        data.forEach(r -> input.add(Arrays.asList(r)));
        List<List<Object>> expected = new ArrayList<>(input);
        expected.sort(comparator(total));
        int limit = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(data.size() + 20);
        String description = "orderBy " + keys.stream().map(k -> k.order().toString()).toList() + " over "
                + data.size() + " rows, limit " + limit;

        for (Session session : List.of(single, parallel)) {
            DataFrame df = frame(session, SCHEMA, data, maxBatch, random);
            String where = description + ", " + session.conf().get("fluxo.sql.shuffle.partitions", "?")
                    + " shuffle partitions";

            List<List<Object>> sorted = collect(df.orderBy(orders(total)));
            assertThat(sorted).as(where + ", id last").isEqualTo(expected);
            assertThat(collect(df.orderBy(orders(total)).limit(limit))).as(where + ", id last")
                    .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));

            List<List<Object>> loose = collect(df.orderBy(orders(keys)));
            assertSameRows(loose, input, where);
            assertOrdered(loose, comparator(keys), where);
            List<List<Object>> top = collect(df.orderBy(orders(keys)).limit(limit));
            assertThat(top).as(where).hasSize(Math.min(limit, input.size()));
            assertSubMultiset(top, input, where);
            for (int i = 0; i < top.size(); i++) {
                if (comparator(keys).compare(top.get(i), expected.get(i)) != 0) {
                    fail("%s: row %d of the top-N is %s, the full sort has %s", where, i, top.get(i),
                            expected.get(i));
                }
            }

            List<List<Object>> limited = collect(df.limit(limit));
            assertThat(limited).as(where + ", no order").hasSize(Math.min(limit, input.size()));
            assertSubMultiset(limited, input, where + ", no order");
        }
    }

    private static List<Object[]> rows(int n, Random random) {
        int domain = 1 + random.nextInt(20);
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Object[] {i,
                random.nextInt(6) == 0 ? null : random.nextInt(domain) - domain / 2,
                random.nextInt(6) == 0 ? null : STRINGS[random.nextInt(Math.min(domain, STRINGS.length))],
                random.nextInt(6) == 0 ? null : random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)]
                        : (random.nextInt(domain) - domain / 2) / 2.0});
        }
        return out;
    }

    private static List<Key> randomKeys(Random random) {
        List<Integer> columns = new ArrayList<>(List.of(1, 2, 3));
        Collections.shuffle(columns, random);
        List<Key> keys = new ArrayList<>();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            int c = columns.get(k);
            String name = SCHEMA.field(c).name();
            switch (random.nextInt(6)) {
                case 0:
                    keys.add(new Key(c, true, true, col(name)));
                    break;
                case 1:
                    keys.add(new Key(c, true, true, functions.asc(name)));
                    break;
                case 2:
                    keys.add(new Key(c, false, false, col(name).desc()));
                    break;
                case 3:
                    keys.add(new Key(c, true, false, col(name).asc_nulls_last()));
                    break;
                case 4:
                    keys.add(new Key(c, false, true, col(name).desc_nulls_first()));
                    break;
                default:
                    keys.add(new Key(c, false, false, functions.desc(name)));
            }
        }
        return keys;
    }

    private static Column[] orders(List<Key> keys) {
        return keys.stream().map(Key::order).toArray(Column[]::new);
    }

    private static Comparator<List<Object>> comparator(List<Key> keys) {
        return (x, y) -> {
            for (Key k : keys) {
                int c = k.compare(x, y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static void assertOrdered(List<List<Object>> rows, Comparator<List<Object>> order, String description) {
        for (int i = 1; i < rows.size(); i++) {
            if (order.compare(rows.get(i - 1), rows.get(i)) > 0) {
                fail("%s: row %d %s sorts after row %d %s", description, i - 1, rows.get(i - 1), i, rows.get(i));
            }
        }
    }
}
