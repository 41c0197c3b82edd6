package io.fluxo.exec.expr;

import static io.fluxo.exec.expr.Eval.batch;
import static io.fluxo.exec.expr.Eval.col;
import static io.fluxo.exec.expr.Eval.lit;
import static io.fluxo.exec.expr.Eval.values;
import static io.fluxo.exec.expr.Eval.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.CaseWhen;
import io.fluxo.plan.expr.Cast;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Expression;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.vector.ColumnBatch;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseWhenEvaluationTest {
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType DOUBLE = DataTypes.DoubleType;
    private static final DataType STRING = DataTypes.StringType;

    private static CaseWhen.Branch when(Expression condition, Expression value) {
        return new CaseWhen.Branch(condition, value);
    }

    private static Expression eq(Expression l, Expression r) {
        return new Comparison(Comparison.Op.EQUAL, l, r);
    }

    @Test
    void branchesAreTakenInOrderAndMissingElseIsNull() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L, 3L, null));
        Expression c = new CaseWhen(List.of(when(eq(col(0, LONG), lit(1L, LONG)), lit("one", STRING)),
                when(new Comparison(Comparison.Op.LESS_THAN, col(0, LONG), lit(3L, LONG)), lit("small", STRING)),
                when(new Comparison(Comparison.Op.LESS_THAN, col(0, LONG), lit(5L, LONG)), lit("x", STRING))),
                Optional.empty());
        assertThat(values(c, b)).containsExactly("one", "small", "x", null);
        Expression withElse = new CaseWhen(List.of(when(eq(col(0, LONG), lit(2L, LONG)), col(0, LONG))),
                Optional.of(lit(-1L, LONG)));
        assertThat(values(withElse, b)).containsExactly(-1L, 2L, -1L, -1L);
    }

    @Test
    void aBranchNotTakenRaisesNoError() {
        // CASE WHEN b = 0 THEN NULL ELSE a div b END
        ColumnBatch b = batch(vector(LONG, 10L, 7L, 9L), vector(LONG, 2L, 0L, 3L));
        Expression div = new Arithmetic(Arithmetic.Op.INTEGRAL_DIVIDE, col(0, LONG), col(1, LONG));
        Expression guarded = new CaseWhen(List.of(when(eq(col(1, LONG), lit(0L, LONG)), lit(null, LONG))),
                Optional.of(div));
        assertThat(values(guarded, b)).containsExactly(5L, null, 3L);
        Expression dbl = new CaseWhen(List.of(when(eq(col(1, LONG), lit(0L, LONG)), lit(null, DOUBLE))),
                Optional.of(new Arithmetic(Arithmetic.Op.DIVIDE, new Cast(col(0, LONG), DOUBLE, false),
                        new Cast(col(1, LONG), DOUBLE, false))));
        assertThat(values(dbl, b)).containsExactly(5.0, null, 3.0);
        Expression unguarded = new CaseWhen(List.of(when(eq(col(1, LONG), lit(1L, LONG)), lit(null, LONG))),
                Optional.of(div));
        assertThatThrownBy(() -> values(unguarded, b)).hasMessageStartingWith("[DIVIDE_BY_ZERO]");
    }

    @Test
    void aConditionOnlySeesRowsEarlierConditionsLeft() {
        ColumnBatch b = batch(vector(LONG, 10L, 7L), vector(LONG, 2L, 0L));
        Expression c = new CaseWhen(List.of(
                when(eq(col(1, LONG), lit(0L, LONG)), lit("zero", STRING)),
                when(new Comparison(Comparison.Op.GREATER_THAN,
                        new Arithmetic(Arithmetic.Op.INTEGRAL_DIVIDE, col(0, LONG), col(1, LONG)), lit(4L, LONG)),
                        lit("big", STRING))), Optional.of(lit("other", STRING)));
        assertThat(values(c, b)).containsExactly("big", "zero");
    }

    @Test
    void stringDecimalAndNestedResults() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L, 3L), vector(STRING, "a", null, "ccc"));
        Expression s = new CaseWhen(List.of(when(eq(col(0, LONG), lit(2L, LONG)), lit("two", STRING))),
                Optional.of(col(1, STRING)));
        assertThat(values(s, b)).containsExactly("a", "two", "ccc");
        DecimalType dec = new DecimalType(10, 2);
        Expression d = new CaseWhen(List.of(when(eq(col(0, LONG), lit(2L, LONG)), lit(new BigDecimal("1.25"), dec))),
                Optional.of(lit(new BigDecimal("0.50"), dec)));
        assertThat(values(d, b)).containsExactly(new BigDecimal("0.50"), new BigDecimal("1.25"),
                new BigDecimal("0.50"));
        ArrayType arr = new ArrayType(LONG);
        Expression a = new CaseWhen(List.of(when(eq(col(0, LONG), lit(1L, LONG)), lit(List.of(1L), arr))),
                Optional.empty());
        assertThat(values(a, b)).containsExactly(List.of(1L), null, null);
    }

    @Test
    void allRowsInOneBranchAndEmptyBatches() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L));
        Expression all = new CaseWhen(List.of(when(lit(true, DataTypes.BooleanType), col(0, LONG))),
                Optional.of(lit(0L, LONG)));
        assertThat(values(all, b)).containsExactly(1L, 2L);
        Expression none = new CaseWhen(List.of(when(lit(false, DataTypes.BooleanType), col(0, LONG))),
                Optional.of(lit(0L, LONG)));
        assertThat(values(none, b)).containsExactly(0L, 0L);
        assertThat(values(all, batch(vector(LONG)))).isEmpty();
    }
}
