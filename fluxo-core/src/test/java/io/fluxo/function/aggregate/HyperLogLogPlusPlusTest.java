package io.fluxo.function.aggregate;

import static io.fluxo.function.aggregate.AggregateRunner.function;
import static io.fluxo.function.aggregate.AggregateRunner.global;
import static io.fluxo.function.aggregate.AggregateRunner.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DataTypes;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.LongVector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HyperLogLogPlusPlusTest {
    private static BoundAggregateFunction approxCountDistinct(Double rsd) {
        List<FunctionArg> args = rsd == null ? List.of(FunctionArg.of(DataTypes.LongType, true))
                : List.of(FunctionArg.of(DataTypes.LongType, true), FunctionArg.constant(DataTypes.DoubleType, rsd));
        return function("approx_count_distinct").bind(args, false);
    }

    /** Estimates the distinct count of {@code 0..n-1}, each value fed twice, in batches of 4096 rows. */
    private static long estimate(BoundAggregateFunction f, int n) {
        GroupedAggregator agg = f.newGroupedAggregator();
        agg.ensureCapacity(1);
        int batch = 4096;
        int[] groups = new int[batch];
        long[] values = new long[batch];
        for (int pass = 0; pass < 2; pass++) {
            for (int from = 0; from < n; from += batch) {
                int count = Math.min(batch, n - from);
                for (int i = 0; i < count; i++) {
                    values[i] = (from + i) * 0x9E3779B97F4A7C15L;
                }
                ColumnVector[] args = {LongVector.wrap(DataTypes.LongType, values, count, null),
                    DoubleVector.wrap(new double[count], count, null)};
                agg.update(groups, args, count);
            }
        }
        return (Long) AggregateRunner.results(f, agg, 1).get(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 10_000, 100_000, 1_000_000})
    void estimateIsWithinThreeStandardErrorsOfTheTruth(int n) {
        long estimate = estimate(approxCountDistinct(null), n);
        assertThat(Math.abs(estimate - n) / (double) n).isLessThan(3 * 0.05);
    }

    @Test
    void smallerRelativeErrorUsesMoreRegisters() {
        assertThat(HyperLogLogPlusPlusAggregator.precisionFor(0.05)).isEqualTo(9);
        assertThat(HyperLogLogPlusPlusAggregator.precisionFor(0.01)).isEqualTo(14);
        assertThat(HyperLogLogPlusPlusAggregator.stateBytes(9)).isEqualTo(416);
        long estimate = estimate(approxCountDistinct(0.01), 100_000);
        assertThat(Math.abs(estimate - 100_000) / 100_000.0).isLessThan(0.03);
    }

    @Test
    void smallCardinalitiesAreCountedByLinearCounting() {
        assertThat(estimate(approxCountDistinct(null), 10)).isEqualTo(10);
        assertThat(global(approxCountDistinct(null), vector(DataTypes.LongType, 1L, 2L, null, 2L, 1L)))
                .isEqualTo(2L);
    }

    @Test
    void relativeErrorMustBeAConstantBelowThirtyNinePercent() {
        assertThatThrownBy(() -> approxCountDistinct(0.5))
                .hasMessageStartingWith("[INVALID_PARAMETER_VALUE.RELATIVE_SD]");
        assertThatThrownBy(() -> function("approx_count_distinct").bind(
                List.of(FunctionArg.of(DataTypes.LongType, true), FunctionArg.of(DataTypes.DoubleType, false)),
                false)).hasMessageStartingWith("[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT]");
    }

    @Test
    void xxHash64MatchesTheReferenceAndSpark() {
        byte[] empty = new byte[0];
        assertThat(XxHash64.hashBytes(empty, 0, 0, 0)).isEqualTo(0xEF46DB3751D8E999L);
        byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
        assertThat(XxHash64.hashBytes(abc, 0, 3, 0)).isEqualTo(0x44BC2CF5AD770999L);
        // Spark's documented example: xxhash64('Spark', array(123), 2) = 5602566077635097486 (seed 42, chained).
        byte[] spark = "Spark".getBytes(StandardCharsets.UTF_8);
        long h = XxHash64.hashBytes(spark, 0, spark.length, 42L);
        h = XxHash64.hashInt(123, h);
        h = XxHash64.hashInt(2, h);
        assertThat(h).isEqualTo(5602566077635097486L);
        byte[] longBytes = new byte[40];
        for (int i = 0; i < longBytes.length; i++) {
            longBytes[i] = (byte) (i * 37 + 1);
        }
        long x = 0;
        for (int b = 7; b >= 0; b--) {
            x = (x << 8) | (longBytes[b] & 0xFF);
        }
        assertThat(XxHash64.hashLong(x, 42L)).isEqualTo(XxHash64.hashBytes(longBytes, 0, 8, 42L));
        assertThat(XxHash64.hashBytes(longBytes, 0, 40, 7L)).isNotEqualTo(XxHash64.hashBytes(longBytes, 0, 39, 7L));
    }
}
