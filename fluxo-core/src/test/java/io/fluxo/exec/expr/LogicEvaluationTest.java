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
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.IsNotNull;
import io.fluxo.plan.expr.IsNull;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.Or;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.vector.ColumnBatch;
import org.junit.jupiter.api.Test;

class LogicEvaluationTest {
    private static final DataType BOOL = DataTypes.BooleanType;
    private static final DataType LONG = DataTypes.LongType;

    /** Every pair of TRUE, FALSE, NULL: left varies slowest. */
    private static ColumnBatch truthTable() {
        Object[] v = {true, false, null};
        Object[] l = new Object[9];
        Object[] r = new Object[9];
        for (int i = 0; i < 9; i++) {
            l[i] = v[i / 3];
            r[i] = v[i % 3];
        }
        return batch(vector(BOOL, l), vector(BOOL, r));
    }

    @Test
    void andFollowsThreeValuedLogic() {
        Expression and = new And(col(0, BOOL), col(1, BOOL));
        assertThat(values(and, truthTable())).containsExactly(true, false, null, false, false, false, null, false,
                null);
        assertThat(selected(and, truthTable())).containsExactly(0);
    }

    @Test
    void orFollowsThreeValuedLogic() {
        Expression or = new Or(col(0, BOOL), col(1, BOOL));
        assertThat(values(or, truthTable())).containsExactly(true, true, true, true, false, null, true, null, null);
        assertThat(selected(or, truthTable())).containsExactly(0, 1, 2, 3, 6);
    }

    @Test
    void notAndNullTests() {
        ColumnBatch b = batch(vector(BOOL, true, false, null));
        assertThat(values(new Not(col(0, BOOL)), b)).containsExactly(false, true, null);
        assertThat(selected(new Not(col(0, BOOL)), b)).containsExactly(1);
        assertThat(values(new IsNull(col(0, BOOL)), b)).containsExactly(false, false, true);
        assertThat(values(new IsNotNull(col(0, BOOL)), b)).containsExactly(true, true, false);
        assertThat(selected(new IsNull(col(0, BOOL)), b)).containsExactly(2);
        assertThat(selected(new Not(new IsNull(col(0, BOOL))), b)).containsExactly(0, 1);
        assertThat(values(new IsNull(col(0, LONG)), batch(vector(LONG, 1L)))).containsExactly(false);
    }

    @Test
    void deMorganPushdownKeepsNullsOut() {
        ColumnBatch b = truthTable();
        Expression notAnd = new Not(new And(col(0, BOOL), col(1, BOOL)));
        Expression notOr = new Not(new Or(col(0, BOOL), col(1, BOOL)));
        assertThat(selected(notAnd, b)).containsExactly(1, 3, 4, 5, 7);
        assertThat(selected(notOr, b)).containsExactly(4);
        assertThat(values(notAnd, b)).containsExactly(false, true, null, true, true, true, null, true, null);
    }

    @Test
    void rightSideOfAndRunsOnlyWhereLeftIsNotFalse() {
        // b <> 0 AND a / b > 1 never divides by zero.
        ColumnBatch b = batch(vector(LONG, 10L, 5L, 7L), vector(LONG, 2L, 0L, 7L));
        Expression guard = new Not(new Comparison(Comparison.Op.EQUAL, col(1, LONG), lit(0L, LONG)));
        Expression quotient = new Comparison(Comparison.Op.GREATER_THAN,
                new Arithmetic(Arithmetic.Op.INTEGRAL_DIVIDE, col(0, LONG), col(1, LONG)), lit(1L, LONG));
        assertThat(values(new And(guard, quotient), b)).containsExactly(true, false, false);
        assertThat(selected(new And(guard, quotient), b)).containsExactly(0);
        // b = 0 OR a / b > 1: the right side only sees rows where b = 0 is not TRUE.
        Expression zero = new Comparison(Comparison.Op.EQUAL, col(1, LONG), lit(0L, LONG));
        assertThat(values(new Or(zero, quotient), b)).containsExactly(true, true, false);
        assertThat(selected(new Or(zero, quotient), b)).containsExactly(0, 1);
        // Without the guard the division fails.
        assertThatThrownBy(() -> values(new And(quotient, guard), b)).hasMessageStartingWith("[DIVIDE_BY_ZERO]");
    }

    @Test
    void andOrOverComparisonsSelectLikeTheyEvaluate() {
        ColumnBatch b = batch(vector(LONG, 1L, 11L, 20L, null, 15L),
                vector(DataTypes.DoubleType, 0.1, 0.2, 0.9, 0.1, null));
        Expression p = new And(new Comparison(Comparison.Op.GREATER_THAN, col(0, LONG), lit(10L, LONG)),
                new Comparison(Comparison.Op.LESS_THAN, col(1, DataTypes.DoubleType), lit(0.5, DataTypes.DoubleType)));
        assertThat(selected(p, b)).containsExactly(1);
        Expression q = new Or(new Comparison(Comparison.Op.GREATER_THAN, col(0, LONG), lit(15L, LONG)),
                new Comparison(Comparison.Op.LESS_THAN, col(1, DataTypes.DoubleType), lit(0.15, DataTypes.DoubleType)));
        assertThat(selected(q, b)).containsExactly(0, 2, 3);
        assertThat(values(q, b)).containsExactly(true, false, true, true, null);
    }

    @Test
    void constantPredicates() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L));
        assertThat(selected(lit(true, BOOL), b)).containsExactly(0, 1);
        assertThat(selected(lit(null, BOOL), b)).isEmpty();
        assertThat(selected(new Not(lit(false, BOOL)), b)).containsExactly(0, 1);
        assertThat(values(new And(lit(null, BOOL), lit(false, BOOL)), b)).containsExactly(false, false);
    }
}
