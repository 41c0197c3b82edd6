package io.fluxo.function.scalar;

import static io.fluxo.function.scalar.FunctionTester.bind;
import static io.fluxo.function.scalar.FunctionTester.col;
import static io.fluxo.function.scalar.FunctionTester.doubles;
import static io.fluxo.function.scalar.FunctionTester.eval1;
import static io.fluxo.function.scalar.FunctionTester.eval;
import static io.fluxo.function.scalar.FunctionTester.ints;
import static io.fluxo.function.scalar.FunctionTester.lit;
import static io.fluxo.function.scalar.FunctionTester.longs;
import static io.fluxo.function.scalar.FunctionTester.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {

    @Test
    void absKeepsTheTypeAndFailsOnOverflow() {
        assertThat(eval("abs", ints(-1, null, 3))).containsExactly(1, null, 3);
        assertThat(bind("abs", longs(1L)).resultType()).isEqualTo(LongType.INSTANCE);
        assertThat(eval1("abs", -2.5)).isEqualTo(2.5);
        assertThat(eval1("abs", new BigDecimal("-1.20"))).isEqualTo(new BigDecimal("1.20"));
        assertThat(bind("abs", strings("1")).inputTypes()).containsExactly(DoubleType.INSTANCE);
        assertThatThrownBy(() -> eval1("abs", Integer.MIN_VALUE))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[ARITHMETIC_OVERFLOW] integer overflow.");
        assertThat(eval("abs", col(IntegerType.INSTANCE, (Object) null))).containsExactly((Object) null);
    }

    @Test
    void roundIsHalfUpAndBroundHalfEven() {
        assertThat(eval1("round", 2.5)).isEqualTo(3.0);
        assertThat(eval1("bround", 2.5)).isEqualTo(2.0);
        assertThat(eval1("round", -2.5)).isEqualTo(-3.0);
        assertThat(eval1("bround", -2.5)).isEqualTo(-2.0);
        assertThat(eval1("bround", 3.5)).isEqualTo(4.0);
        assertThat(eval1("round", 2.675, 2)).isEqualTo(2.68);
        assertThat(eval1("round", 1.005, 2)).isEqualTo(1.01);
        assertThat(eval1("bround", 2.665, 2)).isEqualTo(2.66);
        assertThat(eval1("round", 1234.5678, -2)).isEqualTo(1200.0);
        assertThat(eval1("round", 0.49999999999999994)).isEqualTo(0.0);
        assertThat(Double.doubleToLongBits((Double) eval1("round", -0.4))).isEqualTo(0L);
        assertThat(eval1("round", Double.NaN, 2)).isEqualTo(Double.NaN);
        assertThat(eval1("round", 125, -1)).isEqualTo(130);
        assertThat(eval1("bround", 125, -1)).isEqualTo(120);
        assertThat(eval1("round", 7L, 2)).isEqualTo(7L);
        assertThat(bind("round", lit(2.5)).resultType()).isEqualTo(DoubleType.INSTANCE);
    }

    @Test
    void roundMatchesBigDecimalOnRandomDoubles() {
        Random random = new Random(7);
        for (int k = 0; k < 5000; k++) {
            double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
            if (k % 3 == 0) {
                x = Math.round(x * 1000) / 1000.0 + 0.0005;
            }
            int scale = random.nextInt(6);
            for (RoundingMode mode : List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)) {
                double expected = BigDecimal.valueOf(x).setScale(scale, mode).doubleValue();
                double actual = MathFunctions.roundDouble(x, scale, mode == RoundingMode.HALF_EVEN);
                assertThat(Double.doubleToLongBits(actual)).as("round(%s, %s) %s", x, scale, mode)
                        .isEqualTo(Double.doubleToLongBits(expected));
            }
        }
    }

    @Test
    void roundOfDecimalsFollowsSparkResultType() {
        var bound = bind("round", lit(new BigDecimal("1.25")), lit(1));
        assertThat(bound.resultType()).isEqualTo(new DecimalType(3, 1));
        assertThat(eval1("round", new BigDecimal("1.25"), 1)).isEqualTo(new BigDecimal("1.3"));
        assertThat(eval1("bround", new BigDecimal("1.25"), 1)).isEqualTo(new BigDecimal("1.2"));
        assertThat(eval1("round", new BigDecimal("-1.25"), 1)).isEqualTo(new BigDecimal("-1.3"));
        assertThat(eval1("round", new BigDecimal("1.25"), 5)).isEqualTo(new BigDecimal("1.25"));
        assertThat(bind("round", lit(new BigDecimal("123.45")), lit(-1)).resultType())
                .isEqualTo(new DecimalType(4, 0));
        assertThat(eval1("round", new BigDecimal("125.5"), -1)).isEqualTo(new BigDecimal("130"));
    }

    @Test
    void roundNeedsAConstantScale() {
        assertThatThrownBy(() -> bind("round", doubles(1.0), ints(1)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT]");
    }

    @Test
    void floorAndCeilReturnBigintForDoublesAndNarrowDecimals() {
        assertThat(bind("floor", doubles(1.0)).resultType()).isEqualTo(LongType.INSTANCE);
        assertThat(bind("ceil", ints(1)).resultType()).isEqualTo(LongType.INSTANCE);
        assertThat(eval("floor", doubles(-1.5, 1.5, null))).containsExactly(-2L, 1L, null);
        assertThat(eval("ceil", doubles(-1.5, 1.5))).containsExactly(-1L, 2L);
        assertThat(eval1("ceiling", 5)).isEqualTo(5L);
        assertThat(bind("floor", lit(new BigDecimal("12.345"))).resultType()).isEqualTo(new DecimalType(3, 0));
        assertThat(eval1("floor", new BigDecimal("-12.345"))).isEqualTo(new BigDecimal("-13"));
        assertThat(eval1("ceil", new BigDecimal("12.345"))).isEqualTo(new BigDecimal("13"));
        assertThat(eval1("ceil", new BigDecimal("3.1411"), 3)).isEqualTo(new BigDecimal("3.142"));
        assertThat(eval1("floor", new BigDecimal("3.1411"), 3)).isEqualTo(new BigDecimal("3.141"));
        assertThat(eval1("floor", 3.1411, 2)).isEqualTo(new BigDecimal("3.14"));
        assertThat(eval1("ceil", "2.1")).isEqualTo(3L);
        assertThatThrownBy(() -> bind("floor", lit(true)))
                .hasMessageContaining("(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")");
    }

    @Test
    void powSqrtExpAndLogarithms() {
        assertThat(eval1("pow", 2, 3)).isEqualTo(8.0);
        assertThat(eval1("power", 2.0, 0.5)).isEqualTo(Math.sqrt(2));
        assertThat(eval1("sqrt", 4)).isEqualTo(2.0);
        assertThat((Double) eval1("sqrt", -1)).isNaN();
        assertThat(eval1("exp", 0)).isEqualTo(1.0);
        assertThat(eval("ln", doubles(1.0, 0.0, -1.0, null))).containsExactly(0.0, null, null, null);
        assertThat(eval1("log", 2, 8)).isEqualTo(3.0);
        assertThat(eval1("log", Math.E)).isEqualTo(1.0);
        assertThat(eval1("log", 0, 8)).isNull();
        assertThat(eval1("log10", 100)).isEqualTo(2.0);
        assertThat(eval1("log2", 8)).isEqualTo(3.0);
        assertThat(eval1("log2", 0)).isNull();
        assertThat(bind("ln", doubles(1.0)).nullable(new boolean[] {false})).isTrue();
        assertThat(eval1("sign", -3)).isEqualTo(-1.0);
        assertThat(eval1("signum", 0.0)).isEqualTo(0.0);
        assertThat(eval1("degrees", Math.PI)).isEqualTo(180.0);
        assertThat(eval1("pi")).isEqualTo(Math.PI);
        assertThat(eval1("atan2", 0, 1)).isEqualTo(0.0);
    }

    @Test
    void modKeepsTheCommonTypeAndPmodIsPositive() {
        assertThat(eval1("mod", -7, 3)).isEqualTo(-1);
        assertThat(eval1("pmod", -7, 3)).isEqualTo(2);
        assertThat(eval1("pmod", 7, -3)).isEqualTo(1);
        assertThat(eval1("mod", 7L, 3)).isEqualTo(1L);
        assertThat(bind("mod", lit(7), lit(3L)).resultType()).isEqualTo(LongType.INSTANCE);
        assertThat(eval1("mod", 7.5, 2)).isEqualTo(1.5);
        assertThat(eval1("pmod", -7.5, 2)).isEqualTo(0.5);
        assertThat(eval1("mod", new BigDecimal("7.5"), 2)).isEqualTo(new BigDecimal("1.5"));
        assertThat(eval("mod", ints(7, null), ints(null, 0))).containsExactly(null, null);
        assertThatThrownBy(() -> eval1("mod", 7, 0))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[REMAINDER_BY_ZERO]");
    }

    @Test
    void greatestAndLeastSkipNulls() {
        assertThat(eval("greatest", ints(1, null, null), ints(3, 2, null), ints(2, null, null)))
                .containsExactly(3, 2, null);
        assertThat(eval("least", ints(1, null), ints(3, 2))).containsExactly(1, 2);
        assertThat(eval1("greatest", 1, 2.5)).isEqualTo(2.5);
        assertThat(eval1("greatest", "a", "b")).isEqualTo("b");
        assertThat(eval1("least", Double.NaN, 1.0)).isEqualTo(1.0);
        assertThat(eval1("greatest", Double.NaN, 1.0)).isEqualTo(Double.NaN);
        assertThat(eval("greatest", col(DataTypes.DateType, 1, 5), col(DataTypes.DateType, 3, 2)))
                .containsExactly(3, 5);
        assertThatThrownBy(() -> bind("greatest", lit(1)))
                .hasMessageContaining("The `greatest` requires > 1 parameters but the actual number is 1.");
        assertThatThrownBy(() -> bind("greatest", lit(1), lit(true)))
                .hasMessageContaining("[DATATYPE_MISMATCH.DATA_DIFF_TYPES]");
        assertThat(bind("greatest", lit(1), lit("2")).resultType()).isEqualTo(LongType.INSTANCE);
        assertThat(bind("least", strings("a"), strings("b")).resultType()).isEqualTo(StringType.INSTANCE);
    }

    @Test
    void emptyBatches() {
        assertThat(eval("abs", ints())).isEmpty();
        assertThat(eval("round", doubles(), lit(2))).isEmpty();
        assertThat(eval("sqrt", doubles())).isEmpty();
        assertThat(eval("greatest", ints(), ints())).isEmpty();
    }
}
