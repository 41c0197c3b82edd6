package io.fluxo.function.scalar;

import static io.fluxo.function.scalar.FunctionTester.bind;
import static io.fluxo.function.scalar.FunctionTester.col;
import static io.fluxo.function.scalar.FunctionTester.doubles;
import static io.fluxo.function.scalar.FunctionTester.eval;
import static io.fluxo.function.scalar.FunctionTester.eval1;
import static io.fluxo.function.scalar.FunctionTester.ints;
import static io.fluxo.function.scalar.FunctionTester.lit;
import static io.fluxo.function.scalar.FunctionTester.longs;
import static io.fluxo.function.scalar.FunctionTester.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionalFunctionsTest {

    @Test
    void coalescePicksTheFirstNonNull() {
        assertThat(eval("coalesce", ints(null, 1, null), ints(2, 3, null), lit(9))).containsExactly(2, 1, 9);
        assertThat(eval("coalesce", strings("a", null), strings("b", "c"))).containsExactly("a", "c");
        assertThat(eval("coalesce", ints(null, null), ints(null, 1))).containsExactly(null, 1);
        assertThat(eval1("coalesce", (Object) null)).isNull();
        var bound = bind("coalesce", ints(1), longs(2L));
        assertThat(bound.resultType()).isEqualTo(LongType.INSTANCE);
        assertThat(bound.inputTypes()).containsExactly(LongType.INSTANCE, LongType.INSTANCE);
        assertThat(bound.nullable(new boolean[] {true, false})).isFalse();
        assertThat(bound.nullable(new boolean[] {true, true})).isTrue();
    }

    @Test
    void coalesceWidensLikeSparkAnsi() {
        assertThat(bind("coalesce", ints(1), lit(new BigDecimal("1.5"))).resultType())
                .isEqualTo(new DecimalType(11, 1));
        assertThat(bind("coalesce", ints(1), doubles(1.0)).resultType()).isEqualTo(DoubleType.INSTANCE);
        assertThat(bind("coalesce", col(DataTypes.DateType, 1), col(TimestampType.INSTANCE, 1L)).resultType())
                .isEqualTo(TimestampType.INSTANCE);
        assertThat(bind("coalesce", strings("1"), ints(1)).resultType()).isEqualTo(LongType.INSTANCE);
        assertThat(bind("coalesce", col(new ArrayType(IntegerType.INSTANCE)), col(new ArrayType(LongType.INSTANCE)))
                .resultType()).isEqualTo(new ArrayType(LongType.INSTANCE, true));
        assertThatThrownBy(() -> bind("coalesce", ints(1), col(new ArrayType(IntegerType.INSTANCE))))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("[DATATYPE_MISMATCH.DATA_DIFF_TYPES]")
                .hasMessageContaining("[\"INT\", \"ARRAY<INT>\"]");
        assertThatThrownBy(() -> bind("coalesce"))
                .hasMessageContaining("The `coalesce` requires > 0 parameters but the actual number is 0.");
    }

    @Test
    void ifnullNvlNvl2() {
        assertThat(eval("ifnull", strings(null, "a"), lit("x"))).containsExactly("x", "a");
        assertThat(eval("nvl", ints(null, 1), lit(0))).containsExactly(0, 1);
        assertThat(eval("nvl2", strings(null, "a"), lit(1), lit(2))).containsExactly(2, 1);
        assertThatThrownBy(() -> bind("nvl", ints(1))).hasMessageContaining("The `ifnull` requires 2 parameters");
    }

    @Test
    void nullifNullsEqualValues() {
        assertThat(eval("nullif", ints(1, 2, null), lit(2))).containsExactly(1, null, null);
        assertThat(eval("nullif", strings("a", "b"), strings("a", null))).containsExactly(null, "b");
        assertThat(eval1("nullif", Double.NaN, Double.NaN)).isNull();
    }

    @Test
    void ifChoosesTheBranchAndTreatsNullAsFalse() {
        assertThat(eval("if", col(BooleanType.INSTANCE, true, false, null), lit("yes"), lit("no")))
                .containsExactly("yes", "no", "no");
        assertThat(eval("if", col(BooleanType.INSTANCE, true, false), ints(1, 2), doubles(0.5, 0.25)))
                .containsExactly(1.0, 0.25);
        assertThat(eval("if", col(BooleanType.INSTANCE, true), col(new ArrayType(IntegerType.INSTANCE), List.of(1)),
                col(new ArrayType(IntegerType.INSTANCE), List.of(2)))).containsExactly(List.of(1));
        assertThatThrownBy(() -> bind("if", col(new ArrayType(IntegerType.INSTANCE)), lit(1), lit(2)))
                .hasMessageContaining("The first parameter requires the \"BOOLEAN\" type");
    }

    @Test
    void nanHelpers() {
        assertThat(eval("isnan", doubles(Double.NaN, 1.0, null))).containsExactly(true, false, false);
        assertThat(eval("nanvl", doubles(Double.NaN, 1.0, null), lit(0.0))).containsExactly(0.0, 1.0, null);
        assertThat(eval("isnull", strings("a", null))).containsExactly(false, true);
        assertThat(eval("isnotnull", strings("a", null))).containsExactly(true, false);
        assertThat(bind("isnull", strings("a")).resultType()).isEqualTo(BooleanType.INSTANCE);
        assertThat(bind("ifnull", strings("a"), lit(1)).resultType()).isEqualTo(LongType.INSTANCE);
        assertThat(bind("ifnull", strings("a"), lit("b")).resultType()).isEqualTo(StringType.INSTANCE);
    }

    @Test
    void emptyBatches() {
        assertThat(eval("coalesce", ints(), ints())).isEmpty();
        assertThat(eval("if", col(BooleanType.INSTANCE), ints(), ints())).isEmpty();
        assertThat(eval("nullif", ints(), ints())).isEmpty();
    }
}
