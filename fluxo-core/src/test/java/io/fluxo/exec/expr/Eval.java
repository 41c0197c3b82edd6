package io.fluxo.exec.expr;

import io.fluxo.function.EvalContext;
import io.fluxo.plan.expr.BoundReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders for evaluator tests: columns from Java values, and results back as Java values. */
final class Eval {
    static final EvalContext UTC = new EvalContext(ZoneOffset.UTC, 0L);

    private Eval() {
    }

    static ColumnVector vector(DataType type, Object... values) {
        ColumnVector v = ColumnVector.allocate(type, Math.max(values.length, 1));
        for (Object o : values) {
            v.appendObject(o);
        }
        return v;
    }

    static ColumnBatch batch(ColumnVector... columns) {
        return new ColumnBatch(columns, columns.length == 0 ? 1 : columns[0].size());
    }

    static BoundReference col(int ordinal, DataType type) {
        return new BoundReference(ordinal, type, true);
    }

    static Literal lit(Object value, DataType type) {
        return new Literal(value, type);
    }

    /** The values of {@code e} over {@code input}, one per row, in internal form. */
    static List<Object> values(Expression e, ColumnBatch input) {
        ColumnVector v = ExpressionCompiler.compile(e, UTC).evaluate(input);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < input.numRows(); i++) {
            out.add(v.getObject(i));
        }
        return out;
    }

    /** The value of {@code e} over one column of one value. */
    static Object value(Expression e, DataType type, Object input) {
        return values(e, batch(vector(type, input))).get(0);
    }

    /** The rows the predicate evaluator selects. */
    static List<Integer> selected(Expression predicate, ColumnBatch input) {
        int[] selection = new int[Math.max(input.numRows(), 1)];
        int count = ExpressionCompiler.compilePredicate(predicate, UTC).select(input, selection);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(selection[i]);
        }
        return out;
    }

    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }
}
