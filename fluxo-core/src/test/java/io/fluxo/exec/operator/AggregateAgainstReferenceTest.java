package io.fluxo.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Grouped aggregation by STRING, BIGINT and composite keys (nulls, empty strings, long strings, many keys that grow
 * the tables) against a HashMap computed in plain Java, with one and several shuffle partitions.
 */
class AggregateAgainstReferenceTest {
    private static final StructType SCHEMA = SqlParser.parseTableSchema("s STRING, n BIGINT, v INT");
    private static Session onePartition;
    private static Session threePartitions;

    @BeforeContainer
    static void sessions() {
        onePartition = Session.builder().master("local[1]").config("fluxo.sql.shuffle.partitions", 1).create();
        threePartitions = Session.builder().master("local[2]").config("fluxo.sql.shuffle.partitions", 3).create();
    }

    @AfterContainer
    static void close() {
        onePartition.close();
        threePartitions.close();
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> strings = Arbitraries.oneOf(Arbitraries.of("", "a", "b", "é", "x".repeat(40)),
                Arbitraries.strings().alpha().ofMaxLength(3)).injectNull(0.1);
        Arbitrary<Long> longs = Arbitraries.longs().between(-2000, 2000).injectNull(0.1);
        Arbitrary<Integer> values = Arbitraries.integers().between(-100, 100).injectNull(0.1);
        return Combinators.combine(strings, longs, values).as(Row::of).list().ofMaxSize(3000);
    }

    @Property(tries = 40)
    void groupedAggregatesMatchAHashMap(@ForAll("rows") List<Row> rows, @ForAll boolean severalPartitions) {
        Session session = severalPartitions ? threePartitions : onePartition;
        var df = session.createDataFrame(rows, SCHEMA);
        for (List<Integer> key : List.of(List.of(0), List.of(1), List.of(0, 1))) {
            String[] names = key.stream().map(i -> SCHEMA.fields().get(i).name()).toArray(String[]::new);
            var result = df.groupBy(io.fluxo.api.functions.col(names[0]),
                    names.length > 1 ? io.fluxo.api.functions.col(names[1]) : io.fluxo.api.functions.lit(0))
                    .agg(io.fluxo.api.functions.expr("count(*)"), io.fluxo.api.functions.expr("count(v)"),
                            io.fluxo.api.functions.expr("sum(v)"), io.fluxo.api.functions.expr("min(v)"),
                            io.fluxo.api.functions.expr("max(v)"), io.fluxo.api.functions.expr("count(DISTINCT v)"))
                    .collectAsList();
            Map<List<Object>, List<Object>> actual = new HashMap<>();
            for (Row r : result) {
                List<Object> k = new ArrayList<>(List.of(r.get(0) == null ? "<null>" : r.get(0)));
                if (names.length > 1) {
                    k.add(r.get(1) == null ? "<null>" : r.get(1));
                }
                List<Object> aggs = new ArrayList<>();
                for (int i = 2; i < r.size(); i++) {
                    aggs.add(r.get(i));
                }
                assertThat(actual.put(k, aggs)).as("key %s appears once", k).isNull();
            }
            assertThat(actual).isEqualTo(reference(rows, key));
        }
    }

    private static Map<List<Object>, List<Object>> reference(List<Row> rows, List<Integer> key) {
        Map<List<Object>, List<Row>> groups = new HashMap<>();
        for (Row r : rows) {
            List<Object> k = new ArrayList<>();
            for (int i : key) {
                k.add(r.get(i) == null ? "<null>" : r.get(i));
            }
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        Map<List<Object>, List<Object>> out = new HashMap<>();
        groups.forEach((k, members) -> {
            long countV = 0;
            long sum = 0;
            Integer min = null;
            Integer max = null;
            Set<Integer> distinct = new HashSet<>();
            for (Row r : members) {
                Integer v = (Integer) r.get(2);
                if (v != null) {
                    countV++;
                    sum += v;
                    min = min == null ? v : Math.min(min, v);
                    max = max == null ? v : Math.max(max, v);
                    distinct.add(v);
                }
            }
            List<Object> aggs = new ArrayList<>();
            aggs.add((long) members.size());
            aggs.add(countV);
            aggs.add(countV == 0 ? null : sum);
            aggs.add(min);
            aggs.add(max);
            aggs.add((long) distinct.size());
            out.put(k, aggs);
        });
        return out;
    }
}
