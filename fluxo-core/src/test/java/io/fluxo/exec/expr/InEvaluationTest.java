package io.fluxo.exec.expr;

import static io.fluxo.exec.expr.Eval.batch;
import static io.fluxo.exec.expr.Eval.col;
import static io.fluxo.exec.expr.Eval.lit;
import static io.fluxo.exec.expr.Eval.selected;
import static io.fluxo.exec.expr.Eval.values;
import static io.fluxo.exec.expr.Eval.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.In;
import io.fluxo.plan.expr.Not;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.vector.ColumnBatch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InEvaluationTest {
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType STRING = DataTypes.StringType;

    private static Expression in(Expression value, Expression... items) {
        return new In(value, List.of(items));
    }

    @Test
    void constantListWithAndWithoutNull() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L, 0L, null));
        assertThat(values(in(col(0, LONG), lit(1L, LONG), lit(0L, LONG)), b)).containsExactly(true, false, true,
                null);
        assertThat(values(in(col(0, LONG), lit(1L, LONG), lit(null, LONG)), b)).containsExactly(true, null, null,
                null);
        assertThat(values(new Not(in(col(0, LONG), lit(1L, LONG), lit(null, LONG))), b)).containsExactly(false, null,
                null, null);
        assertThat(selected(in(col(0, LONG), lit(2L, LONG), lit(null, LONG)), b)).containsExactly(1);
        assertThat(values(in(col(0, LONG)), b)).containsExactly(false, false, false, null);
    }

    @Test
    void largeListsOfManyTypes() {
        List<Expression> items = new ArrayList<>();
        for (long i = 0; i < 1000; i += 3) {
            items.add(lit(i, LONG));
        }
        ColumnBatch b = batch(vector(LONG, 999L, 998L, -3L, 0L));
        assertThat(values(new In(col(0, LONG), items), b)).containsExactly(true, false, false, true);
        ColumnBatch s = batch(vector(STRING, "b", "é", "", "x", null));
        assertThat(values(in(col(0, STRING), lit("a", STRING), lit("é", STRING), lit("", STRING)), s))
                .containsExactly(false, true, true, false, null);
        DataType dbl = DataTypes.DoubleType;
        ColumnBatch d = batch(vector(dbl, Double.NaN, -0.0, 1.5));
        assertThat(values(in(col(0, dbl), lit(Double.NaN, dbl), lit(0.0, dbl)), d)).containsExactly(true, true,
                false);
        DataType date = DataTypes.DateType;
        assertThat(values(in(col(0, date), lit(5, date)), batch(vector(date, 5, 6)))).containsExactly(true, false);
        DecimalType dec = new DecimalType(5, 2);
        assertThat(values(in(col(0, dec), lit(new BigDecimal("1.50"), dec), lit(new BigDecimal("1.555"),
                new DecimalType(4, 3))), batch(vector(dec, new BigDecimal("1.5"), new BigDecimal("1.56")))))
                .containsExactly(true, false);
        DecimalType wide = new DecimalType(25, 1);
        assertThat(values(in(col(0, wide), lit(new BigDecimal("1.0"), wide)), batch(vector(wide,
                new BigDecimal("1"), new BigDecimal("2"))))).containsExactly(true, false);
        DataType bool = DataTypes.BooleanType;
        assertThat(values(in(col(0, bool), lit(false, bool)), batch(vector(bool, true, false))))
                .containsExactly(false, true);
        ArrayType arr = new ArrayType(DataTypes.IntegerType);
        assertThat(values(in(col(0, arr), lit(List.of(1, 2), arr)), batch(vector(arr, List.of(1, 2), List.of(2)))))
                .containsExactly(true, false);
    }

    @Test
    void itemsThatVaryPerRow() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L, 3L, null), vector(LONG, 1L, 5L, null, 1L));
        assertThat(values(in(col(0, LONG), col(1, LONG), lit(2L, LONG)), b)).containsExactly(true, true, null, null);
        Expression computed = new Arithmetic(Arithmetic.Op.ADD, col(0, LONG), lit(1L, LONG));
        assertThat(values(in(computed, col(1, LONG), lit(4L, LONG)), b)).containsExactly(false, false, true, null);
    }
}
