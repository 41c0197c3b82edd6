package io.fluxo.exec.expr;

import static io.fluxo.exec.expr.Eval.batch;
import static io.fluxo.exec.expr.Eval.col;
import static io.fluxo.exec.expr.Eval.list;
import static io.fluxo.exec.expr.Eval.lit;
import static io.fluxo.exec.expr.Eval.values;
import static io.fluxo.exec.expr.Eval.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.errors.InternalError;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.Arithmetic.Op;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.UnaryMinus;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.vector.ColumnBatch;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ArithmeticEvaluationTest {
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType DOUBLE = DataTypes.DoubleType;

    private static Expression op(Op op, Expression l, Expression r) {
        return new Arithmetic(op, l, r);
    }

    @Test
    void bigintOperatorsOverColumnsWithNulls() {
        ColumnBatch b = batch(vector(LONG, 7L, null, -7L, 9L), vector(LONG, 2L, 3L, null, -4L));
        assertThat(values(op(Op.ADD, col(0, LONG), col(1, LONG)), b)).containsExactly(9L, null, null, 5L);
        assertThat(values(op(Op.SUBTRACT, col(0, LONG), col(1, LONG)), b)).containsExactly(5L, null, null, 13L);
        assertThat(values(op(Op.MULTIPLY, col(0, LONG), col(1, LONG)), b)).containsExactly(14L, null, null, -36L);
        assertThat(values(op(Op.REMAINDER, col(0, LONG), col(1, LONG)), b)).containsExactly(1L, null, null, 1L);
        assertThat(values(op(Op.INTEGRAL_DIVIDE, col(0, LONG), col(1, LONG)), b))
                .containsExactly(3L, null, null, -2L);
    }

    @Test
    void intOperatorsAndColumnWithConstantShapes() {
        ColumnBatch b = batch(vector(INT, 7, null, -7));
        assertThat(values(op(Op.ADD, col(0, INT), lit(3, INT)), b)).containsExactly(10, null, -4);
        assertThat(values(op(Op.ADD, lit(3, INT), col(0, INT)), b)).containsExactly(10, null, -4);
        assertThat(values(op(Op.SUBTRACT, lit(3, INT), col(0, INT)), b)).containsExactly(-4, null, 10);
        assertThat(values(op(Op.SUBTRACT, col(0, INT), lit(3, INT)), b)).containsExactly(4, null, -10);
        assertThat(values(op(Op.MULTIPLY, col(0, INT), lit(-2, INT)), b)).containsExactly(-14, null, 14);
        assertThat(values(op(Op.REMAINDER, col(0, INT), lit(4, INT)), b)).containsExactly(3, null, -3);
        assertThat(values(op(Op.INTEGRAL_DIVIDE, col(0, INT), lit(2, INT)), b)).containsExactly(3L, null, -3L);
        assertThat(values(op(Op.ADD, col(0, INT), lit(null, INT)), b)).containsExactly(null, null, null);
    }

    @Test
    void emptyBatchesGiveEmptyResults() {
        ColumnBatch b = batch(vector(LONG), vector(LONG));
        assertThat(values(op(Op.MULTIPLY, col(0, LONG), col(1, LONG)), b)).isEmpty();
        assertThat(values(op(Op.INTEGRAL_DIVIDE, col(0, LONG), col(1, LONG)), b)).isEmpty();
        assertThat(values(op(Op.ADD, col(0, LONG), lit(1L, LONG)), b)).isEmpty();
    }

    @Test
    void bigintOverflowIsAnArithmeticOverflowNamingTheTryFunction() {
        ColumnBatch b = batch(vector(LONG, 1L, Long.MAX_VALUE), vector(LONG, 1L, 1L));
        assertThatThrownBy(() -> values(op(Op.ADD, col(0, LONG), col(1, LONG)), b))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessage("[ARITHMETIC_OVERFLOW] long overflow. Use 'try_add' to tolerate overflow and return NULL "
                        + "instead.")
                .extracting(e -> ((FluxoRuntimeException) e).getErrorClass()).isEqualTo("ARITHMETIC_OVERFLOW");
        assertThatThrownBy(() -> values(op(Op.MULTIPLY, col(0, LONG), lit(2L, LONG)), b))
                .hasMessageContaining("long overflow. Use 'try_multiply'");
        ColumnBatch low = batch(vector(LONG, Long.MIN_VALUE));
        assertThatThrownBy(() -> values(op(Op.SUBTRACT, col(0, LONG), lit(1L, LONG)), low))
                .hasMessageContaining("Use 'try_subtract'");
    }

    @Test
    void intOverflowSaysIntegerOverflow() {
        ColumnBatch b = batch(vector(INT, Integer.MAX_VALUE), vector(INT, 1));
        assertThatThrownBy(() -> values(op(Op.ADD, col(0, INT), col(1, INT)), b))
                .hasMessage("[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return "
                        + "NULL instead.");
        assertThatThrownBy(() -> values(op(Op.MULTIPLY, col(0, INT), lit(2, INT)), b))
                .hasMessageContaining("integer overflow");
    }

    @Test
    void overflowOnANullRowIsNoError() {
        // The null row's slot holds MAX_VALUE: the batch-level check fires, the slow pass finds no real row.
        ColumnBatch b = batch(vector(LONG, 1L, Long.MAX_VALUE), vector(LONG, 2L, 1L));
        b.column(1).setNull(1);
        assertThat(values(op(Op.ADD, col(0, LONG), col(1, LONG)), b)).containsExactly(3L, null);
    }

    @Test
    void divisionByZeroFailsUnlessAnOperandIsNull() {
        ColumnBatch b = batch(vector(LONG, 6L, null, 5L), vector(LONG, 3L, 0L, null));
        assertThat(values(op(Op.REMAINDER, col(0, LONG), col(1, LONG)), b)).containsExactly(0L, null, null);
        assertThat(values(op(Op.INTEGRAL_DIVIDE, col(0, LONG), col(1, LONG)), b)).containsExactly(2L, null, null);
        ColumnBatch zero = batch(vector(LONG, 6L, 1L), vector(LONG, 3L, 0L));
        assertThatThrownBy(() -> values(op(Op.INTEGRAL_DIVIDE, col(0, LONG), col(1, LONG)), zero))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessage("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and "
                        + "return NULL instead.");
        assertThatThrownBy(() -> values(op(Op.REMAINDER, col(0, LONG), lit(0L, LONG)), zero))
                .hasMessageStartingWith("[DIVIDE_BY_ZERO]");
        assertThatThrownBy(() -> values(op(Op.REMAINDER, col(0, INT), lit(0, INT)), batch(vector(INT, 1))))
                .hasMessageStartingWith("[DIVIDE_BY_ZERO]");
    }

    @Test
    void integralDivideOfMinByMinusOneOverflows() {
        ColumnBatch b = batch(vector(LONG, Long.MIN_VALUE), vector(LONG, -1L));
        assertThatThrownBy(() -> values(op(Op.INTEGRAL_DIVIDE, col(0, LONG), col(1, LONG)), b))
                .hasMessage("[ARITHMETIC_OVERFLOW] Overflow in integral divide. Use 'try_divide' to tolerate "
                        + "overflow and return NULL instead.");
        ColumnBatch ints = batch(vector(INT, Integer.MIN_VALUE), vector(INT, -1));
        assertThat(values(op(Op.INTEGRAL_DIVIDE, col(0, INT), col(1, INT)), ints)).containsExactly(2147483648L);
        assertThat(values(op(Op.REMAINDER, col(0, LONG), col(1, LONG)), b)).containsExactly(0L);
    }

    @Test
    void doubleArithmeticIsIeeeButDivisionByZeroFails() {
        ColumnBatch b = batch(vector(DOUBLE, 1.5, null, Double.NaN, 7.0), vector(DOUBLE, 0.5, 2.0, 1.0, 2.0));
        assertThat(values(op(Op.DIVIDE, col(0, DOUBLE), col(1, DOUBLE)), b)).containsExactly(3.0, null, Double.NaN,
                3.5);
        assertThat(values(op(Op.REMAINDER, col(0, DOUBLE), col(1, DOUBLE)), b)).containsExactly(0.0, null,
                Double.NaN, 1.0);
        assertThat(values(op(Op.MULTIPLY, col(0, DOUBLE), lit(2.0, DOUBLE)), b)).containsExactly(3.0, null,
                Double.NaN, 14.0);
        assertThat(values(op(Op.ADD, col(0, DOUBLE), lit(Double.MAX_VALUE, DOUBLE)), batch(vector(DOUBLE,
                Double.MAX_VALUE)))).containsExactly(Double.POSITIVE_INFINITY);
        ColumnBatch zero = batch(vector(DOUBLE, 1.0), vector(DOUBLE, -0.0));
        assertThatThrownBy(() -> values(op(Op.DIVIDE, col(0, DOUBLE), col(1, DOUBLE)), zero))
                .hasMessageStartingWith("[DIVIDE_BY_ZERO]");
        assertThatThrownBy(() -> values(op(Op.DIVIDE, col(0, DOUBLE), lit(0.0, DOUBLE)), zero))
                .hasMessageStartingWith("[DIVIDE_BY_ZERO]");
        ColumnBatch nullDividend = batch(vector(DOUBLE, (Object) null), vector(DOUBLE, 0.0));
        assertThat(values(op(Op.DIVIDE, col(0, DOUBLE), col(1, DOUBLE)), nullDividend)).containsExactly(
                (Object) null);
    }

    @Test
    void decimalResultTypesFollowSpark() {
        DecimalType d52 = new DecimalType(5, 2);
        DecimalType d31 = new DecimalType(3, 1);
        ColumnBatch b = batch(vector(d52, new BigDecimal("123.45"), null), vector(d31, new BigDecimal("10.5"),
                new BigDecimal("1.0")));
        Expression add = op(Op.ADD, col(0, d52), col(1, d31));
        assertThat(add.dataType()).isEqualTo(new DecimalType(6, 2));
        assertThat(values(add, b)).containsExactly(new BigDecimal("133.95"), null);
        assertThat(values(op(Op.SUBTRACT, col(0, d52), col(1, d31)), b)).containsExactly(new BigDecimal("112.95"),
                null);
        assertThat(values(op(Op.MULTIPLY, col(0, d52), col(1, d31)), b)).containsExactly(new BigDecimal("1296.225"),
                null);
        Expression div = op(Op.DIVIDE, col(0, d52), col(1, d31));
        assertThat(div.dataType()).isEqualTo(new DecimalType(10, 6));
        assertThat(values(div, b)).containsExactly(new BigDecimal("11.757143"), null);
        assertThat(values(op(Op.REMAINDER, col(0, d52), col(1, d31)), b)).containsExactly(new BigDecimal("7.95"),
                null);
        assertThat(values(op(Op.INTEGRAL_DIVIDE, col(0, d52), col(1, d31)), b)).containsExactly(11L, null);
    }

    @Test
    void wideDecimalsAndOverflowOfTheResultPrecision() {
        DecimalType d38 = new DecimalType(38, 0);
        BigDecimal big = new BigDecimal("9".repeat(38));
        ColumnBatch b = batch(vector(d38, big, BigDecimal.ONE), vector(d38, BigDecimal.ONE, BigDecimal.ONE));
        assertThatThrownBy(() -> values(op(Op.ADD, col(0, d38), col(1, d38)), b))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessage("[NUMERIC_VALUE_OUT_OF_RANGE] 1" + "0".repeat(38) + " cannot be represented as "
                        + "Decimal(38, 0).");
        ColumnBatch small = batch(vector(d38, new BigDecimal("12345678901234567890"), null),
                vector(d38, BigDecimal.TEN, BigDecimal.ONE));
        assertThat(values(op(Op.MULTIPLY, col(0, d38), col(1, d38)), small))
                .containsExactly(new BigDecimal("123456789012345678900"), null);
        assertThatThrownBy(() -> values(op(Op.DIVIDE, col(0, d38), col(1, d38)),
                batch(vector(d38, BigDecimal.ONE), vector(d38, BigDecimal.ZERO))))
                .hasMessageStartingWith("[DIVIDE_BY_ZERO]");
    }

    @Test
    void unaryMinus() {
        assertThat(values(new UnaryMinus(col(0, LONG)), batch(vector(LONG, 5L, null)))).containsExactly(-5L, null);
        assertThat(values(new UnaryMinus(col(0, DOUBLE)), batch(vector(DOUBLE, 0.0)))).containsExactly(-0.0);
        DecimalType d = new DecimalType(4, 2);
        assertThat(values(new UnaryMinus(col(0, d)), batch(vector(d, new BigDecimal("1.25")))))
                .containsExactly(new BigDecimal("-1.25"));
        assertThatThrownBy(() -> values(new UnaryMinus(col(0, INT)), batch(vector(INT, Integer.MIN_VALUE))))
                .hasMessage("[ARITHMETIC_OVERFLOW] integer overflow.");
        ColumnBatch nullMin = batch(vector(LONG, Long.MIN_VALUE));
        nullMin.column(0).setNull(0);
        assertThat(values(new UnaryMinus(col(0, LONG)), nullMin)).containsExactly((Object) null);
    }

    @Test
    void nullTypedOperandGivesNull() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L));
        assertThat(values(op(Op.ADD, col(0, LONG), lit(null, DataTypes.NullType)), b)).isEqualTo(list(null, null));
    }

    @Test
    void mismatchedOperandTypesAreAnInternalError() {
        assertThatThrownBy(() -> ExpressionCompiler.compile(op(Op.ADD, col(0, LONG), col(1, INT)), Eval.UTC))
                .isInstanceOf(InternalError.class).hasMessageContaining("must coerce");
    }
}
