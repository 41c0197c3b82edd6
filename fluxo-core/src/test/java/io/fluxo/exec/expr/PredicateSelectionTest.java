package io.fluxo.exec.expr;

import static io.fluxo.exec.expr.Eval.batch;
import static io.fluxo.exec.expr.Eval.col;
import static io.fluxo.exec.expr.Eval.lit;
import static io.fluxo.exec.expr.Eval.selected;
import static io.fluxo.exec.expr.Eval.values;
import static io.fluxo.exec.expr.Eval.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Comparison.Op;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Like;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.Or;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.vector.ColumnBatch;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PredicateSelectionTest {
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType DOUBLE = DataTypes.DoubleType;
    private static final DataType STRING = DataTypes.StringType;

    private static Expression cmp(Op op, Expression l, Expression r) {
        return new Comparison(op, l, r);
    }

    @Test
    void negatedComparisonsKeepNullRowsOut() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L, null, 3L));
        assertThat(selected(new Not(cmp(Op.GREATER_THAN, col(0, LONG), lit(1L, LONG))), b)).containsExactly(0);
        assertThat(selected(new Not(cmp(Op.EQUAL, col(0, LONG), lit(2L, LONG))), b)).containsExactly(0, 3);
        assertThat(selected(new Not(cmp(Op.NULL_SAFE_EQUAL, col(0, LONG), lit(2L, LONG))), b))
                .containsExactly(0, 2, 3);
        assertThat(selected(cmp(Op.NULL_SAFE_EQUAL, col(0, LONG), lit(null, LONG)), b)).containsExactly(2);
        assertThat(selected(cmp(Op.NULL_SAFE_EQUAL, col(0, LONG), lit(2L, LONG)), b)).containsExactly(1);
        assertThat(selected(cmp(Op.EQUAL, col(0, LONG), lit(null, LONG)), b)).isEmpty();
    }

    @Test
    void columnAgainstColumnWithNulls() {
        ColumnBatch ints = batch(vector(INT, 1, 5, null, 4), vector(INT, 2, 5, 1, null));
        assertThat(selected(cmp(Op.LESS_THAN_OR_EQUAL, col(0, INT), col(1, INT)), ints)).containsExactly(0, 1);
        ColumnBatch doubles = batch(vector(DOUBLE, Double.NaN, 1.0, -0.0), vector(DOUBLE, Double.NaN, Double.NaN,
                0.0));
        assertThat(selected(cmp(Op.EQUAL, col(0, DOUBLE), col(1, DOUBLE)), doubles)).containsExactly(0, 2);
        assertThat(selected(cmp(Op.LESS_THAN, col(0, DOUBLE), col(1, DOUBLE)), doubles)).containsExactly(1);
        assertThat(selected(cmp(Op.NULL_SAFE_EQUAL, col(0, DOUBLE), col(1, DOUBLE)), doubles)).containsExactly(0, 2);
    }

    @Test
    void stringsAndDecimalsAgainstConstants() {
        ColumnBatch s = batch(vector(STRING, "b", "a", null, "c", "ab"));
        assertThat(selected(new Not(cmp(Op.EQUAL, col(0, STRING), lit("a", STRING))), s)).containsExactly(0, 3, 4);
        assertThat(selected(cmp(Op.LESS_THAN, col(0, STRING), lit("b", STRING)), s)).containsExactly(1, 4);
        DecimalType d = new DecimalType(6, 2);
        ColumnBatch dec = batch(vector(d, new BigDecimal("1.00"), new BigDecimal("2.50"), null));
        assertThat(selected(cmp(Op.GREATER_THAN, col(0, d), lit(new BigDecimal("1.5"), new DecimalType(2, 1))), dec))
                .containsExactly(1);
        assertThat(selected(cmp(Op.EQUAL, col(0, d), lit(new BigDecimal("1.001"), new DecimalType(4, 3))), dec))
                .isEmpty();
    }

    @Test
    void laterConjunctsOnlySeeRowsEarlierOnesKept() {
        // a < 100 AND a * 2 > 5: MAX_VALUE * 2 would overflow, but that row never reaches the product.
        ColumnBatch b = batch(vector(LONG, 1L, Long.MAX_VALUE, 50L, 3L));
        Expression product = cmp(Op.GREATER_THAN, new Arithmetic(Arithmetic.Op.MULTIPLY, col(0, LONG),
                lit(2L, LONG)), lit(5L, LONG));
        Expression guarded = new And(cmp(Op.LESS_THAN, col(0, LONG), lit(100L, LONG)), product);
        assertThat(selected(guarded, b)).containsExactly(2, 3);
        assertThat(values(guarded, b)).containsExactly(false, false, true, true);
        assertThatThrownBy(() -> selected(product, b)).hasMessageStartingWith("[ARITHMETIC_OVERFLOW]");
        Expression either = new Or(cmp(Op.GREATER_THAN, col(0, LONG), lit(100L, LONG)), product);
        assertThat(selected(either, b)).containsExactly(1, 2, 3);
        assertThat(values(either, b)).containsExactly(false, true, true, true);
    }

    @Test
    void nestedOrAndNotPushdown() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L, 3L, 4L, 5L, null), vector(STRING, "x", "ab", "b", "a", "ax", "a"));
        Expression p = new Or(new And(cmp(Op.GREATER_THAN, col(0, LONG), lit(3L, LONG)),
                new Like(col(1, STRING), lit("a%", STRING), '\\')),
                new Not(new Or(cmp(Op.GREATER_THAN_OR_EQUAL, col(0, LONG), lit(2L, LONG)),
                        new Like(col(1, STRING), lit("a%", STRING), '\\'))));
        assertThat(selected(p, b)).containsExactly(0, 3, 4);
        assertThat(values(p, b)).containsExactly(true, false, false, true, true, null);
    }

    @Test
    void untypedNullOperandsOfLogicalOperators() {
        ColumnBatch b = batch(vector(DataTypes.BooleanType, true, false));
        Expression nullLit = lit(null, DataTypes.NullType);
        assertThat(values(new And(col(0, DataTypes.BooleanType), nullLit), b)).containsExactly(null, false);
        assertThat(values(new Or(col(0, DataTypes.BooleanType), nullLit), b)).containsExactly(true, null);
        assertThat(selected(new Or(nullLit, col(0, DataTypes.BooleanType)), b)).containsExactly(0);
        assertThat(values(new Not(nullLit), b)).containsExactly(null, null);
    }

    @Test
    void emptyBatches() {
        ColumnBatch b = batch(vector(LONG), vector(STRING));
        assertThat(selected(new Or(cmp(Op.GREATER_THAN, col(0, LONG), lit(3L, LONG)),
                new Like(col(1, STRING), lit("a%", STRING), '\\')), b)).isEmpty();
        assertThat(selected(new Not(cmp(Op.LESS_THAN, col(0, LONG), col(0, LONG))), b)).isEmpty();
    }
}
