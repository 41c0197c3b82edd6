package io.fluxo.exec.operator;

import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnVector;
import java.util.List;
import java.util.stream.Collectors;

/** What the operators share: compiling bound expressions, allocating output vectors, EXPLAIN text. */
final class Operators {
    private Operators() {
    }

    /** Compiles bound expressions for one task. */
    static VectorEvaluator[] compile(List<Expression> es, TaskContext context) {
        VectorEvaluator[] out = new VectorEvaluator[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ExpressionCompiler.compile(es.get(i), context.evalContext());
        }
        return out;
    }

    /** Empty vectors, one per type, with room for {@code capacity} rows. */
    static ColumnVector[] allocate(List<DataType> types, int capacity) {
        ColumnVector[] out = new ColumnVector[types.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ColumnVector.allocate(types.get(i), capacity);
        }
        return out;
    }

    static String attrs(List<AttributeReference> attrs) {
        return attrs.stream().map(a -> a.name() + a.exprId()).collect(Collectors.joining(", ", "[", "]"));
    }

    static String exprs(List<? extends Expression> es) {
        return es.stream().map(Expression::sql).collect(Collectors.joining(", ", "[", "]"));
    }
}
