package io.fluxo.exec.expr;

import static io.fluxo.exec.expr.Eval.batch;
import static io.fluxo.exec.expr.Eval.col;
import static io.fluxo.exec.expr.Eval.lit;
import static io.fluxo.exec.expr.Eval.selected;
import static io.fluxo.exec.expr.Eval.values;
import static io.fluxo.exec.expr.Eval.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Comparison.Op;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Not;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DecimalType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonEvaluationTest {
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType DOUBLE = DataTypes.DoubleType;
    private static final DataType STRING = DataTypes.StringType;

    private static Expression cmp(Op op, Expression l, Expression r) {
        return new Comparison(op, l, r);
    }

    /** Results of all six operators of column 0 against column 1, as one string per operator. */
    private static String all(ColumnBatch b, DataType type) {
        StringBuilder sb = new StringBuilder();
        for (Op op : Op.values()) {
            sb.append(op.symbol()).append(values(cmp(op, col(0, type), col(1, type)), b)).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void integralOperatorsWithNullsAndNullSafeEquality() {
        ColumnBatch b = batch(vector(LONG, 1L, 2L, 3L, null, null), vector(LONG, 2L, 2L, 2L, 2L, null));
        assertThat(all(b, LONG)).isEqualTo("=[false, true, false, null, null] <=>[false, true, false, false, true] "
                + "<[true, false, false, null, null] <=[true, true, false, null, null] "
                + ">[false, false, true, null, null] >=[false, true, true, null, null]");
        ColumnBatch ints = batch(vector(INT, 1, 2, 3, null, null), vector(INT, 2, 2, 2, 2, null));
        assertThat(all(ints, INT)).isEqualTo(all(b, LONG));
    }

    @Test
    void columnAgainstConstantOnEitherSide() {
        ColumnBatch b = batch(vector(INT, 1, 5, null));
        assertThat(values(cmp(Op.LESS_THAN, col(0, INT), lit(3, INT)), b)).containsExactly(true, false, null);
        assertThat(values(cmp(Op.LESS_THAN, lit(3, INT), col(0, INT)), b)).containsExactly(false, true, null);
        assertThat(values(cmp(Op.NULL_SAFE_EQUAL, col(0, INT), lit(5, INT)), b)).containsExactly(false, true, false);
        assertThat(values(cmp(Op.NULL_SAFE_EQUAL, col(0, INT), lit(null, INT)), b)).containsExactly(false, false,
                true);
        assertThat(values(cmp(Op.EQUAL, col(0, INT), lit(null, INT)), b)).containsExactly(null, null, null);
    }

    @Test
    void doublesOrderNanAboveEverythingAndEqualToItselfAndZeroesEqual() {
        double nan = Double.NaN;
        ColumnBatch b = batch(vector(DOUBLE, nan, nan, 1.0, -0.0, Double.POSITIVE_INFINITY),
                vector(DOUBLE, nan, 1.0, nan, 0.0, nan));
        assertThat(all(b, DOUBLE)).isEqualTo("=[true, false, false, true, false] <=>[true, false, false, true, false] "
                + "<[false, false, true, false, true] <=[true, false, true, true, true] "
                + ">[false, true, false, false, false] >=[true, true, false, true, false]");
        ColumnBatch c = batch(vector(DOUBLE, nan, 1.0, -0.0, Double.NEGATIVE_INFINITY));
        assertThat(values(cmp(Op.GREATER_THAN, col(0, DOUBLE), lit(2.0, DOUBLE)), c)).containsExactly(true, false,
                false, false);
        assertThat(values(cmp(Op.EQUAL, col(0, DOUBLE), lit(0.0, DOUBLE)), c)).containsExactly(false, false, true,
                false);
        assertThat(values(cmp(Op.EQUAL, col(0, DOUBLE), lit(nan, DOUBLE)), c)).containsExactly(true, false, false,
                false);
        assertThat(values(cmp(Op.LESS_THAN, col(0, DOUBLE), lit(nan, DOUBLE)), c)).containsExactly(false, true,
                true, true);
        assertThat(selected(cmp(Op.GREATER_THAN_OR_EQUAL, col(0, DOUBLE), lit(1.0, DOUBLE)), c))
                .containsExactly(0, 1);
        assertThat(selected(new Not(cmp(Op.LESS_THAN, col(0, DOUBLE), lit(1.0, DOUBLE))), c)).containsExactly(0, 1);
    }

    @Test
    void stringsCompareByUnsignedBytesWhichIsCodePointOrder() {
        // U+00E9 (2 bytes), U+20AC (3 bytes) and U+1F600 (4 bytes, a surrogate pair in UTF-16) sort after ASCII and
        // by code point, where UTF-16 order would put U+1F600 before U+FF5E.
        ColumnBatch b = batch(vector(STRING, "a", "é", "€", "😀", "abc", "", null),
                vector(STRING, "b", "z", "é", "～", "ab", "", "x"));
        assertThat(values(cmp(Op.LESS_THAN, col(0, STRING), col(1, STRING)), b)).containsExactly(true, false, false,
                false, false, false, null);
        assertThat(values(cmp(Op.EQUAL, col(0, STRING), col(1, STRING)), b)).containsExactly(false, false, false,
                false, false, true, null);
        assertThat(values(cmp(Op.GREATER_THAN, col(0, STRING), lit("é", STRING)), b)).containsExactly(false, false,
                true, true, false, false, null);
        assertThat(selected(cmp(Op.GREATER_THAN_OR_EQUAL, col(0, STRING), lit("ab", STRING)), b))
                .containsExactly(1, 2, 3, 4);
        assertThat(selected(cmp(Op.EQUAL, col(0, STRING), lit("€", STRING)), b)).containsExactly(2);
    }

    @Test
    void decimalsCompareByValueAcrossScales() {
        DecimalType d52 = new DecimalType(5, 2);
        DecimalType d41 = new DecimalType(4, 1);
        ColumnBatch b = batch(vector(d52, new BigDecimal("1.50"), new BigDecimal("2.25"), null),
                vector(d41, new BigDecimal("1.5"), new BigDecimal("2.2"), new BigDecimal("1.0")));
        assertThat(values(cmp(Op.EQUAL, col(0, d52), col(1, d41)), b)).containsExactly(true, false, null);
        assertThat(values(cmp(Op.GREATER_THAN, col(0, d52), col(1, d41)), b)).containsExactly(false, true, null);
        assertThat(values(cmp(Op.GREATER_THAN, col(0, d52), lit(new BigDecimal("2.00"), d52)), b))
                .containsExactly(false, true, null);
        assertThat(selected(cmp(Op.LESS_THAN_OR_EQUAL, col(0, d52), lit(new BigDecimal("1.5"), d41)), b))
                .containsExactly(0);
        DecimalType wide = new DecimalType(30, 2);
        ColumnBatch w = batch(vector(wide, new BigDecimal("1e20"), new BigDecimal("-3.00")));
        assertThat(values(cmp(Op.LESS_THAN, col(0, wide), lit(new BigDecimal("0.00"), wide)), w))
                .containsExactly(false, true);
    }

    @Test
    void booleansDatesAndTimestamps() {
        DataType bool = DataTypes.BooleanType;
        ColumnBatch b = batch(vector(bool, false, true, true), vector(bool, true, true, false));
        assertThat(values(cmp(Op.LESS_THAN, col(0, bool), col(1, bool)), b)).containsExactly(true, false, false);
        DataType date = DataTypes.DateType;
        ColumnBatch d = batch(vector(date, 10, 20));
        assertThat(values(cmp(Op.GREATER_THAN, col(0, date), lit(15, date)), d)).containsExactly(false, true);
        DataType ts = DataTypes.TimestampType;
        ColumnBatch t = batch(vector(ts, 10L, 20L));
        assertThat(selected(cmp(Op.LESS_THAN, col(0, ts), lit(15L, ts)), t)).containsExactly(0);
    }

    @Test
    void structsAndArraysCompareLexicographicallyWithNullElementsFirst() {
        ArrayType arr = new ArrayType(INT);
        ColumnBatch a = batch(vector(arr, List.of(1, 2), List.of(1, 2), List.of(1), java.util.Arrays.asList(1, null),
                        java.util.Arrays.asList((Object) null)),
                vector(arr, List.of(1, 3), List.of(1, 2), List.of(1, 0), List.of(1, 0),
                        java.util.Arrays.asList((Object) null)));
        assertThat(values(cmp(Op.LESS_THAN, col(0, arr), col(1, arr)), a)).containsExactly(true, false, true, true,
                false);
        assertThat(values(cmp(Op.EQUAL, col(0, arr), col(1, arr)), a)).containsExactly(false, true, false, false,
                true);
        StructType st = StructType.empty().add("x", INT).add("s", STRING);
        ColumnBatch s = batch(vector(st, new Object[] {1, "b"}, new Object[] {1, null}, null),
                vector(st, new Object[] {1, "a"}, new Object[] {1, "a"}, new Object[] {1, "a"}));
        assertThat(values(cmp(Op.GREATER_THAN, col(0, st), col(1, st)), s)).containsExactly(true, false, null);
        assertThat(values(cmp(Op.NULL_SAFE_EQUAL, col(0, st), col(1, st)), s)).containsExactly(false, false, false);
    }

    @Test
    void emptyBatch() {
        ColumnBatch b = batch(vector(LONG), vector(LONG));
        assertThat(values(cmp(Op.LESS_THAN, col(0, LONG), col(1, LONG)), b)).isEmpty();
        assertThat(selected(cmp(Op.LESS_THAN, col(0, LONG), lit(3L, LONG)), b)).isEmpty();
    }
}
