package io.fluxo.function.aggregate;

import static io.fluxo.function.aggregate.AggregateRunner.bind;
import static io.fluxo.function.aggregate.AggregateRunner.function;
import static io.fluxo.function.aggregate.AggregateRunner.global;
import static io.fluxo.function.aggregate.AggregateRunner.run;
import static io.fluxo.function.aggregate.AggregateRunner.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AggregateFunctionsTest {
    private static final DataType BIGINT = DataTypes.LongType;
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType DOUBLE = DataTypes.DoubleType;
    private static final DataType STRING = DataTypes.StringType;
    private static final DataType BOOLEAN = DataTypes.BooleanType;

    @Test
    void countSkipsNullsAndCountsRowsForNonNullArguments() {
        BoundAggregateFunction count = bind("count", BIGINT);
        assertThat(count.resultType()).isEqualTo(BIGINT);
        assertThat(count.nullable()).isFalse();
        assertThat(run(count, 2, new int[] {0, 0, 1, 1}, vector(BIGINT, 1L, null, null, null)))
                .containsExactly(1L, 0L);
        assertThat(global(bind("count", INT), vector(INT, 1, 1, 1))).isEqualTo(3L);
    }

    @Test
    void countOfSeveralArgumentsNeedsAllNonNull() {
        BoundAggregateFunction count = bind("count", BIGINT, STRING);
        assertThat(global(count, vector(BIGINT, 1L, null, 3L, 4L), vector(STRING, "a", "b", null, "d")))
                .isEqualTo(2L);
    }

    @Test
    void globalAggregatesOverNoRows() {
        assertThat(global(bind("count", BIGINT), vector(BIGINT))).isEqualTo(0L);
        assertThat(global(bind("count_if", BOOLEAN), vector(BOOLEAN))).isEqualTo(0L);
        assertThat(global(bind("sum", BIGINT), vector(BIGINT))).isNull();
        assertThat(global(bind("avg", BIGINT), vector(DOUBLE))).isNull();
        assertThat(global(bind("min", STRING), vector(STRING))).isNull();
        assertThat(global(bind("first", STRING), vector(STRING))).isNull();
        assertThat(global(bind("collect_list", STRING), vector(STRING))).isEqualTo(List.of());
        assertThat(global(bind("collect_set", STRING), vector(STRING))).isEqualTo(List.of());
        assertThat(global(bind("approx_count_distinct", STRING), vector(STRING))).isEqualTo(0L);
        assertThat(global(bind("stddev", DOUBLE), vector(DOUBLE))).isNull();
        assertThat(global(bind("bool_and", BOOLEAN), vector(BOOLEAN))).isNull();
        assertThat(global(bind("count", true, BIGINT), vector(BIGINT))).isEqualTo(0L);
        assertThat(global(bind("sum", true, BIGINT), vector(BIGINT))).isNull();
    }

    @Test
    void countWithoutArgumentsIsWrongNumArgs() {
        assertThatThrownBy(() -> bind("count"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `count` requires >= 1 parameters");
        assertThatThrownBy(() -> bind("sum", BIGINT, BIGINT))
                .hasMessageStartingWith("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `sum` requires 1 parameters but the"
                        + " actual number is 2.");
    }

    @Test
    void countIfCountsTrueRows() {
        assertThat(run(bind("count_if", BOOLEAN), 2, new int[] {0, 0, 0, 1},
                vector(BOOLEAN, true, false, null, null))).containsExactly(1L, 0L);
        assertThatThrownBy(() -> bind("count_if", BIGINT)).hasMessageContaining("UNEXPECTED_INPUT_TYPE");
    }

    @Test
    void sumOfIntegersIsBigintAndNullForAllNullGroups() {
        BoundAggregateFunction sum = bind("sum", INT);
        assertThat(sum.inputTypes()).containsExactly(BIGINT);
        assertThat(sum.resultType()).isEqualTo(BIGINT);
        assertThat(run(sum, 3, new int[] {0, 1, 0, 2}, vector(BIGINT, 5L, null, 7L, null)))
                .containsExactly(12L, null, null);
    }

    @Test
    void sumOverflowIsAnAnsiError() {
        BoundAggregateFunction sum = bind("sum", BIGINT);
        assertThatThrownBy(() -> global(sum, vector(BIGINT, Long.MAX_VALUE, 1L)))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[ARITHMETIC_OVERFLOW] long overflow.");
    }

    @Test
    void sumOfNegativeAndPositiveStaysExactNearTheLimits() {
        assertThat(global(bind("sum", BIGINT), vector(BIGINT, Long.MAX_VALUE, -1L, 1L))).isEqualTo(Long.MAX_VALUE);
        assertThat(global(bind("sum", BIGINT), vector(BIGINT, Long.MIN_VALUE, 0L))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void trySumIsNullOnOverflow() {
        BoundAggregateFunction trySum = bind("try_sum", INT);
        assertThat(run(trySum, 2, new int[] {0, 0, 1}, vector(BIGINT, Long.MAX_VALUE, 1L, 4L)))
                .containsExactly(null, 4L);
        DecimalType d = new DecimalType(38, 0);
        BigDecimal max = new BigDecimal("9".repeat(38));
        assertThat(global(bind("try_sum", d), vector(d, max, max, max))).isNull();
        assertThat(global(bind("try_sum", d), vector(d, max, max.negate(), BigDecimal.ONE))).isEqualTo(BigDecimal.ONE);
        assertThat(global(bind("try_sum", DOUBLE), vector(DOUBLE, 1.0, 2.0))).isEqualTo(3.0);
    }

    @Test
    void anOverflowInOnePartitionMakesTheMergedTrySumNull() {
        ColumnVector v = vector(BIGINT, Long.MAX_VALUE, 1L, 5L, 7L);
        assertThat(AggregateRunner.runTwoPhase(bind("try_sum", BIGINT), 1, new int[4], new int[] {0, 2, 4}, v))
                .containsExactly((Object) null);
        assertThat(AggregateRunner.runTwoPhase(bind("try_sum", BIGINT), 1, new int[4], new int[] {0, 0, 4},
                vector(BIGINT, 1L, 2L, null, 3L))).containsExactly(6L);
        assertThatThrownBy(() -> AggregateRunner.runTwoPhase(bind("sum", BIGINT), 1, new int[4],
                new int[] {0, 1, 4}, vector(BIGINT, Long.MAX_VALUE, 1L, 2L, 3L)))
                .hasMessageStartingWith("[ARITHMETIC_OVERFLOW]");
    }

    @Test
    void sumOfDoubles() {
        assertThat(global(bind("sum", DOUBLE), vector(DOUBLE, 1.5, null, 2.25))).isEqualTo(3.75);
        assertThat(global(bind("sum", DOUBLE), vector(DOUBLE, 1.0, Double.NaN))).isEqualTo(Double.NaN);
        assertThat(bind("sum", DataTypes.NullType).resultType()).isEqualTo(DOUBLE);
    }

    @Test
    void sumOfDecimalsWidensPrecisionByTen() {
        DecimalType d = new DecimalType(10, 2);
        BoundAggregateFunction sum = bind("sum", d);
        assertThat(sum.resultType()).isEqualTo(new DecimalType(20, 2));
        assertThat(global(sum, vector(d, new BigDecimal("12345678.91"), null, new BigDecimal("-0.01"))))
                .isEqualTo(new BigDecimal("12345678.90"));
        assertThat(bind("sum", new DecimalType(30, 5)).resultType()).isEqualTo(new DecimalType(38, 5));
        assertThat(bind("sum", new DecimalType(5, 5)).resultType()).isEqualTo(new DecimalType(15, 5));
    }

    @Test
    void sumOfCompactDecimalsCrossesSixtyFourBits() {
        DecimalType d = new DecimalType(18, 0);
        BigDecimal big = new BigDecimal("999999999999999999");
        Object[] values = new Object[100];
        Arrays.fill(values, big);
        assertThat(global(bind("sum", d), vector(d, values))).isEqualTo(big.multiply(BigDecimal.valueOf(100)));
        Arrays.fill(values, big.negate());
        assertThat(global(bind("sum", d), vector(d, values))).isEqualTo(big.negate().multiply(BigDecimal.valueOf(100)));
    }

    @Test
    void decimalSumBeyondResultPrecisionIsOutOfRange() {
        DecimalType d = new DecimalType(38, 0);
        BigDecimal max = new BigDecimal("9".repeat(38));
        assertThatThrownBy(() -> global(bind("sum", d), vector(d, max, BigDecimal.ONE)))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]")
                .hasMessageContaining("cannot be represented as Decimal(38, 0)");
        assertThat(global(bind("sum", d), vector(d, max, BigDecimal.ONE.negate()))).isEqualTo(max.subtract(
                BigDecimal.ONE));
        DecimalType small = new DecimalType(1, 0);
        Object[] nines = new Object[2_000];
        Arrays.fill(nines, new BigDecimal(9));
        assertThat(global(bind("sum", small), vector(small, nines))).isEqualTo(new BigDecimal(18_000));
    }

    @Test
    void sumOfStringIsATypeMismatch() {
        assertThatThrownBy(() -> bind("sum", STRING))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"sum\" due to data type"
                        + " mismatch: The first parameter requires the (\"NUMERIC\" or \"ANSI INTERVAL\") type,"
                        + " however the argument has the type \"STRING\".")
                .extracting(e -> ((FluxoException) e).getMessageParameters().get("inputType"))
                .isEqualTo("\"STRING\"");
        assertThatThrownBy(() -> bind("avg", BOOLEAN)).hasMessageContaining("\"avg\"");
        assertThatThrownBy(() -> bind("stddev", STRING)).hasMessageContaining("requires the \"DOUBLE\" type");
    }

    @Test
    void avgOfNumbersIsDouble() {
        BoundAggregateFunction avg = bind("avg", INT);
        assertThat(avg.inputTypes()).containsExactly(DOUBLE);
        assertThat(avg.resultType()).isEqualTo(DOUBLE);
        assertThat(run(avg, 2, new int[] {0, 0, 0, 1}, vector(DOUBLE, 1.0, 2.0, null, null)))
                .containsExactly(1.5, null);
        assertThat(function("mean").name()).isEqualTo("avg");
    }

    @Test
    void avgOfDecimalsAddsFourDigitsOfScale() {
        DecimalType d = new DecimalType(10, 2);
        BoundAggregateFunction avg = bind("avg", d);
        assertThat(avg.resultType()).isEqualTo(new DecimalType(14, 6));
        assertThat(avg.stateTypes()).containsExactly(new DecimalType(20, 2), BIGINT);
        assertThat(global(avg, vector(d, new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("2.00"))))
                .isEqualTo(new BigDecimal("1.666667"));
        assertThat(bind("avg", new DecimalType(38, 36)).resultType()).isEqualTo(new DecimalType(38, 38));
        assertThat(bind("avg", new DecimalType(36, 10)).resultType()).isEqualTo(new DecimalType(38, 14));
    }

    @Test
    void minAndMaxOfNumbersDatesAndStrings() {
        int[] groups = {0, 1, 0, 1, 0, 2};
        assertThat(run(bind("max", BIGINT), 3, groups, vector(BIGINT, 3L, -1L, 9L, null, -4L, null)))
                .containsExactly(9L, -1L, null);
        assertThat(run(bind("min", INT), 3, groups, vector(INT, 3, -1, 9, null, -4, null)))
                .containsExactly(-4, -1, null);
        assertThat(run(bind("min", DataTypes.DateType), 1, new int[] {0, 0}, vector(DataTypes.DateType, 20, 10)))
                .containsExactly(10);
        assertThat(run(bind("max", STRING), 2, new int[] {0, 0, 0, 1},
                vector(STRING, "apple", "été", "zebra", null))).containsExactly("été", null);
        assertThat(run(bind("min", STRING), 1, new int[] {0, 0, 0}, vector(STRING, "b", "", "a")))
                .containsExactly("");
        assertThat(global(bind("max", BOOLEAN), vector(BOOLEAN, false, true, null))).isEqualTo(true);
        assertThat(global(bind("min", BOOLEAN), vector(BOOLEAN, false, true, null))).isEqualTo(false);
    }

    @Test
    void minAndMaxOfArraysAndStructsUseSparkOrder() {
        ArrayType arrays = new ArrayType(BIGINT);
        ColumnVector v = vector(arrays, List.of(1L, 2L), List.of(1L), Arrays.asList(1L, null), List.of(0L, 9L), null);
        assertThat(global(bind("max", arrays), v)).isEqualTo(List.of(1L, 2L));
        assertThat(global(bind("min", arrays), v)).isEqualTo(List.of(0L, 9L));
        StructType struct = StructType.empty().add("a", STRING).add("b", DOUBLE);
        ColumnVector s = vector(struct, new Object[] {"x", 1.0}, new Object[] {"x", Double.NaN},
                new Object[] {null, 5.0});
        assertThat((Object[]) global(bind("max", struct), s)).containsExactly("x", Double.NaN);
        assertThat((Object[]) global(bind("min", struct), s)).containsExactly(null, 5.0);
    }

    @Test
    void mapsHaveNoOrderAndNoSet() {
        MapType map = new MapType(STRING, INT, true);
        assertThatThrownBy(() -> bind("max", map))
                .hasMessage("[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve \"max\" due to data type"
                        + " mismatch: The `max` does not support ordering on type \"MAP<STRING, INT>\".");
        assertThatThrownBy(() -> bind("max_by", STRING, map))
                .hasMessageStartingWith("[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE]");
        assertThatThrownBy(() -> bind("collect_set", map))
                .hasMessageStartingWith("[DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE]");
    }

    @Test
    void nanIsTheLargestDouble() {
        assertThat(global(bind("max", DOUBLE), vector(DOUBLE, 1.0, Double.NaN, Double.POSITIVE_INFINITY)))
                .isEqualTo(Double.NaN);
        assertThat(global(bind("min", DOUBLE), vector(DOUBLE, Double.NaN, 1.0, Double.NEGATIVE_INFINITY)))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(global(bind("min", DOUBLE), vector(DOUBLE, Double.NaN, Double.NaN))).isEqualTo(Double.NaN);
    }

    @Test
    void minAndMaxOfDecimals() {
        DecimalType compact = new DecimalType(10, 2);
        assertThat(global(bind("max", compact), vector(compact, new BigDecimal("1.50"), new BigDecimal("-3.00"))))
                .isEqualTo(new BigDecimal("1.50"));
        DecimalType wide = new DecimalType(30, 2);
        assertThat(global(bind("min", wide), vector(wide, new BigDecimal("1.50"), null, new BigDecimal("-3.00"))))
                .isEqualTo(new BigDecimal("-3.00"));
        assertThat(global(bind("max", DataTypes.NullType), vector(DataTypes.NullType, null, null))).isNull();
    }

    @Test
    void firstAndLastFollowInputOrderAndKeepNullsUnlessAsked() {
        ColumnVector v = vector(BIGINT, null, 1L, 2L, null);
        assertThat(global(bind("first", BIGINT), v)).isNull();
        assertThat(global(bind("last", BIGINT), v)).isNull();
        BoundAggregateFunction firstIgnoring = function("first").bind(
                List.of(FunctionArg.of(BIGINT, true), FunctionArg.constant(BOOLEAN, true)), false);
        BoundAggregateFunction lastIgnoring = function("last").bind(
                List.of(FunctionArg.of(BIGINT, true), FunctionArg.constant(BOOLEAN, true)), false);
        ColumnVector flags = vector(BOOLEAN, true, true, true, true);
        assertThat(global(firstIgnoring, v, flags)).isEqualTo(1L);
        assertThat(global(lastIgnoring, v, flags)).isEqualTo(2L);
        assertThat(run(bind("last", STRING), 2, new int[] {0, 1, 0, 1}, vector(STRING, "a", "b", "c", null)))
                .containsExactly("c", null);
        assertThat(run(bind("first", STRING), 2, new int[] {0, 1, 0, 1}, vector(STRING, "a", "b", "c", null)))
                .containsExactly("a", "b");
    }

    @Test
    void firstRejectsANonConstantIgnoreNulls() {
        assertThatThrownBy(() -> function("first").bind(
                List.of(FunctionArg.of(BIGINT, true), FunctionArg.of(BOOLEAN, true)), false))
                .hasMessageStartingWith("[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT]");
        assertThatThrownBy(() -> function("last").bind(
                List.of(FunctionArg.of(BIGINT, true), FunctionArg.constant(INT, 1)), false))
                .hasMessageStartingWith("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE]");
    }

    @Test
    void collectListAndSetSkipNulls() {
        BoundAggregateFunction list = bind("collect_list", BIGINT);
        assertThat(list.resultType()).isEqualTo(new ArrayType(BIGINT, false));
        assertThat(list.nullable()).isFalse();
        int[] groups = {0, 1, 0, 0, 1, 2};
        ColumnVector v = vector(BIGINT, 1L, 2L, null, 1L, 3L, null);
        assertThat(run(list, 3, groups, v)).containsExactly(List.of(1L, 1L), List.of(2L, 3L), List.of());
        assertThat(run(bind("collect_set", BIGINT), 3, groups, v))
                .containsExactly(List.of(1L), List.of(2L, 3L), List.of());
        assertThat(run(bind("collect_set", DOUBLE), 1, new int[] {0, 0, 0, 0},
                vector(DOUBLE, 0.0, -0.0, Double.NaN, 0.0 / 0.0))).containsExactly(List.of(0.0, Double.NaN));
    }

    @Test
    void collectOfArraysKeepsNestedValues() {
        ArrayType arrays = new ArrayType(STRING);
        ColumnVector v = vector(arrays, List.of("a"), Arrays.asList("b", null), List.of("a"), null);
        assertThat(global(bind("collect_list", arrays), v))
                .isEqualTo(List.of(List.of("a"), Arrays.asList("b", null), List.of("a")));
        assertThat(global(bind("collect_set", arrays), v)).isEqualTo(List.of(List.of("a"), Arrays.asList("b", null)));
    }

    @Test
    void varianceAndStandardDeviation() {
        ColumnVector v = vector(DOUBLE, 1.0, 2.0, 3.0, 4.0, null);
        assertThat((Double) global(bind("var_samp", DOUBLE), v)).isCloseTo(5.0 / 3.0, within());
        assertThat((Double) global(bind("var_pop", DOUBLE), v)).isCloseTo(1.25, within());
        assertThat((Double) global(bind("stddev_samp", DOUBLE), v)).isCloseTo(Math.sqrt(5.0 / 3.0), within());
        assertThat((Double) global(bind("stddev_pop", DOUBLE), v)).isCloseTo(Math.sqrt(1.25), within());
        assertThat(function("variance").name()).isEqualTo("var_samp");
        assertThat(function("std").name()).isEqualTo("stddev_samp");
    }

    @Test
    void sampleStatisticsOfOneRowAreNull() {
        ColumnVector one = vector(DOUBLE, 7.0, null);
        assertThat(global(bind("stddev", DOUBLE), one)).isNull();
        assertThat(global(bind("variance", DOUBLE), one)).isNull();
        assertThat(global(bind("stddev_pop", DOUBLE), one)).isEqualTo(0.0);
        assertThat(global(bind("var_pop", DOUBLE), one)).isEqualTo(0.0);
        assertThat(global(bind("var_pop", DOUBLE), vector(DOUBLE, (Object) null))).isNull();
    }

    @Test
    void boolAndAndBoolOr() {
        int[] groups = {0, 0, 1, 1, 2};
        ColumnVector v = vector(BOOLEAN, true, false, true, null, null);
        assertThat(run(bind("bool_and", BOOLEAN), 3, groups, v)).containsExactly(false, true, null);
        assertThat(run(bind("bool_or", BOOLEAN), 3, groups, v)).containsExactly(true, true, null);
        assertThat(function("every").name()).isEqualTo("bool_and");
        assertThat(function("some").name()).isEqualTo("bool_or");
        assertThat(function("any").name()).isEqualTo("bool_or");
    }

    @Test
    void maxByAndMinByTakeTheValueAtTheExtremeOrdering() {
        ColumnVector values = vector(STRING, "a", "b", "c", "d");
        ColumnVector order = vector(BIGINT, 2L, 5L, null, 5L);
        assertThat(global(bind("max_by", STRING, BIGINT), values, order)).isEqualTo("d");
        assertThat(global(bind("min_by", STRING, BIGINT), values, order)).isEqualTo("a");
        assertThat(global(bind("max_by", STRING, BIGINT), vector(STRING, "x"), vector(BIGINT, (Object) null)))
                .isNull();
    }

    @Test
    void distinctCountSumAndAvg() {
        int[] groups = {0, 0, 0, 0, 1, 1};
        ColumnVector v = vector(BIGINT, 1L, 1L, 2L, null, 5L, 5L);
        assertThat(run(bind("count", true, BIGINT), 2, groups, v)).containsExactly(2L, 1L);
        assertThat(run(bind("sum", true, BIGINT), 2, groups, v)).containsExactly(3L, 5L);
        assertThat(run(bind("avg", true, DOUBLE), 2, groups, vector(DOUBLE, 1.0, 1.0, 2.0, null, 5.0, 5.0)))
                .containsExactly(1.5, 5.0);
        assertThat(run(bind("collect_list", true, BIGINT), 2, groups, v))
                .containsExactly(List.of(1L, 2L), List.of(5L));
        assertThat(bind("count", true, BIGINT).stateTypes()).containsExactly(new ArrayType(BIGINT, false));
    }

    @Test
    void distinctCountOfSeveralColumnsCountsNonNullTuples() {
        ColumnVector a = vector(BIGINT, 1L, 1L, 1L, 2L, null);
        ColumnVector b = vector(STRING, "x", "x", "y", null, "x");
        assertThat(global(bind("count", true, BIGINT, STRING), a, b)).isEqualTo(2L);
    }

    @Test
    void manyGroupsGrowTheStateGeometrically() {
        BoundAggregateFunction sum = bind("sum", BIGINT);
        GroupedAggregator agg = sum.newGroupedAggregator();
        int groups = 0;
        long[] expected = new long[100_000];
        boolean[] touched = new boolean[expected.length];
        for (int batch = 0; batch < 50; batch++) {
            groups = Math.min(expected.length, groups + 2_000 + batch * 7);
            agg.ensureCapacity(groups);
            int[] ids = new int[4096];
            long[] values = new long[4096];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = (i * 31 + batch) % groups;
                values[i] = i - batch;
                expected[ids[i]] += values[i];
                touched[ids[i]] = true;
            }
            agg.update(ids, new ColumnVector[] {LongVector.wrap(BIGINT, values, ids.length, null)}, ids.length);
        }
        List<Object> results = AggregateRunner.results(sum, agg, groups);
        for (int g = 0; g < groups; g++) {
            assertThat(results.get(g)).isEqualTo(touched[g] ? expected[g] : null);
        }
        assertThat(agg.sizeInBytes()).isGreaterThan(8L * groups);
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-12);
    }
}
