package io.fluxo.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every join type, broadcast and shuffled, against a nested-loop join written plainly in Java: duplicate keys on both
 * sides, null keys (which never match), empty sides and a residual condition beyond the equi-key.
 */
class JoinAgainstReferenceTest {
    private static final StructType LEFT = SqlParser.parseTableSchema("k BIGINT, a INT");
    private static final StructType RIGHT = SqlParser.parseTableSchema("k BIGINT, b INT");
    private static final List<String> TYPES = List.of("inner", "left_outer", "right_outer", "full_outer", "left_semi",
            "left_anti");
    private static Session broadcast;
    private static Session shuffled;

    @BeforeContainer
    static void sessions() {
        broadcast = Session.builder().master("local[2]").config("fluxo.sql.shuffle.partitions", 3).create();
        shuffled = Session.builder().master("local[2]").config("fluxo.sql.shuffle.partitions", 3)
                .config("fluxo.sql.autoBroadcastJoinThreshold.rows", -1).create();
    }

    @AfterContainer
    static void close() {
        broadcast.close();
        shuffled.close();
    }

    @Provide
    Arbitrary<List<Row>> sides() {
        Arbitrary<Long> keys = Arbitraries.longs().between(0, 6).injectNull(0.15);
        Arbitrary<Integer> values = Arbitraries.integers().between(-3, 3);
        return net.jqwik.api.Combinators.combine(keys, values).as((k, v) -> Row.of(k, v)).list().ofMaxSize(25);
    }

    @Property(tries = 60)
    void everyJoinTypeMatchesANestedLoopJoin(@ForAll("sides") List<Row> left, @ForAll("sides") List<Row> right,
            @ForAll boolean withResidual, @ForAll boolean useBroadcast) {
        Session session = useBroadcast ? broadcast : shuffled;
        DataFrame l = session.createDataFrame(left, LEFT).alias("l");
        DataFrame r = session.createDataFrame(right, RIGHT).alias("r");
        for (String type : TYPES) {
            DataFrame joined = l.join(r, io.fluxo.api.functions.expr("l.k = r.k"
                    + (withResidual ? " AND l.a < r.b" : "")), type);
            assertThat(multiset(joined.collectAsList()))
                    .as("%s join (residual %s, broadcast %s) of %s and %s", type, withResidual, useBroadcast, left,
                            right)
                    .isEqualTo(multiset(reference(left, right, type, withResidual)));
        }
    }

    private static List<Row> reference(List<Row> left, List<Row> right, String type, boolean withResidual) {
        List<Row> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (Row lr : left) {
            boolean matched = false;
            for (int j = 0; j < right.size(); j++) {
                Row rr = right.get(j);
                boolean keys = lr.get(0) != null && rr.get(0) != null && lr.get(0).equals(rr.get(0));
                boolean residual = !withResidual || (lr.getInt(1) < rr.getInt(1));
                if (keys && residual) {
                    matched = true;
                    rightMatched[j] = true;
                    if (!type.equals("left_semi") && !type.equals("left_anti")) {
                        out.add(Row.of(lr.get(0), lr.get(1), rr.get(0), rr.get(1)));
                    }
                }
            }
            if (type.equals("left_semi") && matched || type.equals("left_anti") && !matched) {
                out.add(lr);
            }
            if (!matched && (type.equals("left_outer") || type.equals("full_outer"))) {
                out.add(Row.of(lr.get(0), lr.get(1), null, null));
            }
        }
        if (type.equals("right_outer") || type.equals("full_outer")) {
            for (int j = 0; j < right.size(); j++) {
                if (!rightMatched[j]) {
                    out.add(Row.of(null, null, right.get(j).get(0), right.get(j).get(1)));
                }
            }
        }
        return out;
    }

    private static Map<List<Object>, Integer> multiset(List<Row> rows) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            counts.merge(values, 1, Integer::sum);
        }
        return counts;
    }
}
