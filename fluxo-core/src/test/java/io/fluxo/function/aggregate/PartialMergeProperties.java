package io.fluxo.function.aggregate;

import static io.fluxo.function.aggregate.AggregateRunner.bind;
import static io.fluxo.function.aggregate.AggregateRunner.run;
import static io.fluxo.function.aggregate.AggregateRunner.runTwoPhase;
import static io.fluxo.function.aggregate.AggregateRunner.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.vector.ColumnVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Splitting input into partitions, aggregating each, exporting states, and merging them into a fresh aggregator gives
 * the single-aggregator result: exactly for exact aggregates, within rounding for double sums and moments.
 */
class PartialMergeProperties {
    private static final DataType BIGINT = DataTypes.LongType;
    private static final DataType DOUBLE = DataTypes.DoubleType;
    private static final DataType STRING = DataTypes.StringType;
    private static final DataType BOOLEAN = DataTypes.BooleanType;
    private static final DecimalType DECIMAL = new DecimalType(10, 2);
    private static final DecimalType WIDE_DECIMAL = new DecimalType(25, 3);

    /** One random input: per-row group ids, partition cuts, and one column per type derived from one value. */
    private record Input(int numGroups, int[] groupIds, int[] cuts, ColumnVector longs, ColumnVector doubles,
            ColumnVector decimals, ColumnVector wideDecimals, ColumnVector strings, ColumnVector booleans) {
    }

    private static Input input(int rows, int numGroups, int partitions, long seed) {
        Random random = new Random(seed);
        int[] groupIds = new int[rows];
        List<Long> base = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            groupIds[i] = random.nextInt(numGroups);
            base.add(random.nextInt(5) == 0 ? null : (long) random.nextInt(101) - 50);
        }
        TreeSet<Integer> cutSet = new TreeSet<>(List.of(0, rows));
        for (int p = 1; p < partitions; p++) {
            cutSet.add(random.nextInt(rows + 1));
        }
        int[] cuts = cutSet.stream().mapToInt(Integer::intValue).toArray();
        return new Input(numGroups, groupIds, cuts, vector(BIGINT, base),
                vector(DOUBLE, base.stream().map(v -> v == null ? null : v * 0.37).toList()),
                vector(DECIMAL, base.stream().map(v -> v == null ? null : BigDecimal.valueOf(v * 1234, 2)).toList()),
                vector(WIDE_DECIMAL, base.stream().map(v -> v == null ? null : BigDecimal.valueOf(v * 7, 3)).toList()),
                vector(STRING, base.stream().map(v -> v == null ? null : "s" + v).toList()),
                vector(BOOLEAN, base.stream().map(v -> v == null ? null : v % 3 == 0).toList()));
    }

    private static void assertExact(BoundAggregateFunction f, Input in, ColumnVector... args) {
        List<Object> single = run(f, in.numGroups(), in.groupIds(), args);
        List<Object> merged = runTwoPhase(f, in.numGroups(), in.groupIds(), in.cuts(), args);
        assertThat(merged).isEqualTo(single);
    }

    private static void assertClose(BoundAggregateFunction f, Input in, ColumnVector... args) {
        List<Object> single = run(f, in.numGroups(), in.groupIds(), args);
        List<Object> merged = runTwoPhase(f, in.numGroups(), in.groupIds(), in.cuts(), args);
        assertThat(merged).hasSameSizeAs(single);
        for (int g = 0; g < single.size(); g++) {
            Object s = single.get(g);
            Object m = merged.get(g);
            if (s == null || m == null) {
                assertThat(m).isEqualTo(s);
            } else {
                double a = (Double) s;
                double b = (Double) m;
                assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1e-9 * Math.max(1.0, Math.abs(a)));
            }
        }
    }

    @Property(tries = 150)
    void exactAggregatesMergeToTheSingleAggregatorResult(@ForAll @IntRange(min = 0, max = 300) int rows,
            @ForAll @IntRange(min = 1, max = 12) int numGroups, @ForAll @IntRange(min = 1, max = 5) int partitions,
            @ForAll long seed) {
        Input in = input(rows, numGroups, partitions, seed);
        assertExact(bind("count", BIGINT), in, in.longs());
        assertExact(bind("count", BIGINT, STRING), in, in.longs(), in.strings());
        assertExact(bind("count_if", BOOLEAN), in, in.booleans());
        assertExact(bind("sum", BIGINT), in, in.longs());
        assertExact(bind("sum", DECIMAL), in, in.decimals());
        assertExact(bind("sum", WIDE_DECIMAL), in, in.wideDecimals());
        assertExact(bind("try_sum", BIGINT), in, in.longs());
        assertExact(bind("try_sum", DECIMAL), in, in.decimals());
        assertExact(bind("avg", DECIMAL), in, in.decimals());
        assertExact(bind("avg", WIDE_DECIMAL), in, in.wideDecimals());
        for (String f : List.of("min", "max")) {
            assertExact(bind(f, BIGINT), in, in.longs());
            assertExact(bind(f, DOUBLE), in, in.doubles());
            assertExact(bind(f, DECIMAL), in, in.decimals());
            assertExact(bind(f, WIDE_DECIMAL), in, in.wideDecimals());
            assertExact(bind(f, STRING), in, in.strings());
            assertExact(bind(f, BOOLEAN), in, in.booleans());
        }
        for (String f : List.of("first", "last")) {
            assertExact(bind(f, STRING), in, in.strings());
            assertExact(bind(f, DECIMAL), in, in.decimals());
        }
        assertExact(bind("max_by", STRING, BIGINT), in, in.strings(), in.longs());
        assertExact(bind("min_by", BIGINT, STRING), in, in.longs(), in.strings());
        assertExact(bind("collect_list", STRING), in, in.strings());
        assertExact(bind("collect_set", BIGINT), in, in.longs());
        assertExact(bind("bool_and", BOOLEAN), in, in.booleans());
        assertExact(bind("bool_or", BOOLEAN), in, in.booleans());
        assertExact(bind("approx_count_distinct", STRING), in, in.strings());
        assertExact(bind("approx_count_distinct", DOUBLE), in, in.doubles());
    }

    @Property(tries = 100)
    void distinctAggregatesMergeToTheSingleAggregatorResult(@ForAll @IntRange(min = 0, max = 300) int rows,
            @ForAll @IntRange(min = 1, max = 12) int numGroups, @ForAll @IntRange(min = 1, max = 5) int partitions,
            @ForAll long seed) {
        Input in = input(rows, numGroups, partitions, seed);
        assertExact(bind("count", true, BIGINT), in, in.longs());
        assertExact(bind("count", true, BIGINT, BOOLEAN), in, in.longs(), in.booleans());
        assertExact(bind("sum", true, BIGINT), in, in.longs());
        assertExact(bind("sum", true, DECIMAL), in, in.decimals());
        assertExact(bind("collect_list", true, STRING), in, in.strings());
        assertClose(bind("avg", true, DOUBLE), in, in.doubles());
        assertClose(bind("var_samp", true, DOUBLE), in, in.doubles());
    }

    @Property(tries = 100)
    void doubleAggregatesMergeWithinRounding(@ForAll @IntRange(min = 0, max = 300) int rows,
            @ForAll @IntRange(min = 1, max = 12) int numGroups, @ForAll @IntRange(min = 1, max = 5) int partitions,
            @ForAll long seed) {
        Input in = input(rows, numGroups, partitions, seed);
        assertClose(bind("sum", DOUBLE), in, in.doubles());
        assertClose(bind("avg", DOUBLE), in, in.doubles());
        for (String f : List.of("stddev_samp", "stddev_pop", "var_samp", "var_pop")) {
            assertClose(bind(f, DOUBLE), in, in.doubles());
        }
    }
}
