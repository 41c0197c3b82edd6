package io.fluxo.exec.expr;

import static io.fluxo.exec.expr.Eval.batch;
import static io.fluxo.exec.expr.Eval.col;
import static io.fluxo.exec.expr.Eval.lit;
import static io.fluxo.exec.expr.Eval.values;
import static io.fluxo.exec.expr.Eval.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.InternalError;
import io.fluxo.function.BoundScalarFunction;
import io.fluxo.function.EvalContext;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.ScalarFunction;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.GetStructField;
import io.fluxo.plan.expr.ScalarFunctionCall;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {
    private static final DataType LONG = DataTypes.LongType;

    /** {@code twice(x)}: 2x, counting its calls. */
    private static final class Twice implements ScalarFunction {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "twice";
        }

        @Override
        public BoundScalarFunction bind(List<FunctionArg> args) {
            return new BoundScalarFunction() {
                @Override
                public DataType resultType() {
                    return LONG;
                }

                @Override
                public List<DataType> inputTypes() {
                    return List.of(LONG);
                }

                @Override
                public ColumnVector evaluate(ColumnVector[] in, int numRows, EvalContext context) {
                    calls.incrementAndGet();
                    long[] a = ((LongVector) in[0]).values();
                    long[] out = new long[Math.max(numRows, 1)];
                    for (int i = 0; i < numRows; i++) {
                        out[i] = 2 * a[i];
                    }
                    return LongVector.wrap(LONG, out, numRows, in[0].nulls());
                }
            };
        }
    }

    @Test
    void scalarFunctionCallsGetEvaluatedArguments() {
        Twice twice = new Twice();
        Expression call = ScalarFunctionCall.bind(twice, List.of(col(0, LONG)));
        assertThat(values(call, batch(vector(LONG, 1L, null, 3L)))).containsExactly(2L, null, 6L);
        assertThat(twice.calls).hasValue(1);
    }

    @Test
    void constantSubtreesAreFoldedOnce() {
        Twice twice = new Twice();
        Expression constant = ScalarFunctionCall.bind(twice, List.of(lit(21L, LONG)));
        Expression sum = new Arithmetic(Arithmetic.Op.ADD, col(0, LONG), constant);
        VectorEvaluator evaluator = ExpressionCompiler.compile(sum, Eval.UTC);
        assertThat(twice.calls).hasValue(1);
        ColumnBatch b = batch(vector(LONG, 1L, 2L));
        evaluator.evaluate(b);
        evaluator.evaluate(b);
        assertThat(twice.calls).hasValue(1);
        assertThat(values(sum, b)).containsExactly(43L, 44L);
    }

    @Test
    void evaluateConstantGivesInternalForm() {
        assertThat(ExpressionCompiler.evaluateConstant(new Arithmetic(Arithmetic.Op.MULTIPLY, lit(6L, LONG),
                lit(7L, LONG)), Eval.UTC)).isEqualTo(42L);
        assertThat(ExpressionCompiler.evaluateConstant(lit(null, DataTypes.StringType), Eval.UTC)).isNull();
        assertThatThrownBy(() -> ExpressionCompiler.evaluateConstant(new Arithmetic(Arithmetic.Op.ADD,
                lit(Long.MAX_VALUE, LONG), lit(1L, LONG)), Eval.UTC)).hasMessageStartingWith("[ARITHMETIC_OVERFLOW]");
    }

    @Test
    void structFieldsAreNullWhereTheStructIs() {
        StructType st = StructType.empty().add("a", LONG).add("s", DataTypes.StringType);
        ColumnBatch b = batch(vector(st, new Object[] {1L, "x"}, null, new Object[] {null, "z"}));
        assertThat(values(new GetStructField(col(0, st), 0), b)).containsExactly(1L, null, null);
        assertThat(values(new GetStructField(col(0, st), 1), b)).containsExactly("x", null, "z");
        ColumnBatch noNulls = batch(vector(st, (Object) new Object[] {5L, "q"}));
        assertThat(values(new GetStructField(col(0, st), 0), noNulls)).containsExactly(5L);
    }

    @Test
    void aliasesEvaluateTheirChild() {
        assertThat(values(Alias.of(col(0, LONG), "x"), batch(vector(LONG, 4L)))).containsExactly(4L);
    }

    @Test
    void expressionsThatNeverReachEvaluationAreInternalErrors() {
        assertThatThrownBy(() -> ExpressionCompiler.compile(UnresolvedAttribute.of("a"), Eval.UTC))
                .isInstanceOf(InternalError.class);
        assertThatThrownBy(() -> ExpressionCompiler.compile(AttributeReference.create("a", LONG, true), Eval.UTC))
                .isInstanceOf(InternalError.class);
        assertThatThrownBy(() -> ExpressionCompiler.compile(SortOrder.asc(col(0, LONG)), Eval.UTC))
                .isInstanceOf(InternalError.class);
    }

    @Test
    void literalVectorsFollowTheBatchSize() {
        VectorEvaluator e = ExpressionCompiler.compile(lit("ab", DataTypes.StringType), Eval.UTC);
        assertThat(e.evaluate(batch(vector(LONG, 1L, 2L, 3L))).getObject(2)).isEqualTo("ab");
        ColumnVector small = e.evaluate(batch(vector(LONG, 1L)));
        assertThat(small.size()).isEqualTo(1);
        assertThat(e.evaluate(batch(vector(LONG, 1L, 2L, 3L, 4L, 5L))).getObject(4)).isEqualTo("ab");
    }
}
