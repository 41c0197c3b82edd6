package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.state.StateStore;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What the operators share: compiling bound expressions, allocating output vectors, EXPLAIN text. */
final class Operators {
    private Operators() {
    }

    /**
     * Runs one partition of a stateful operator against its store (null in a batch query): commits what
     * {@code body} changed, or undoes it when it fails.
     */
    static BatchIterator committing(StateStore store, Supplier<List<ColumnBatch>> body) {
        try {
            List<ColumnBatch> out = body.get();
            if (store != null) {
                store.commit();
            }
            return BatchIterator.of(out);
        } catch (RuntimeException | Error e) {
            if (store != null) {
                store.abort();
            }
            throw e;
        }
    }

    /**
     * The rows of {@code b} whose event time in {@code column} — a timestamp, or a window by its end, as Spark compares
     * a window with the watermark — is NULL or after {@code lateMicros}; the others are late.
     */
    static ColumnBatch withoutLateRows(ColumnBatch b, int column, long lateMicros) {
        ColumnVector time = b.column(column);
        ColumnVector end = time instanceof io.fluxo.vector.StructVector window ? window.field(1) : time;
        long[] t = ((io.fluxo.vector.LongVector) end).values();
        int n = b.numRows();
        int[] keep = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (time.isNull(i) || end.isNull(i) || t[i] > lateMicros) {
                keep[kept++] = i;
            }
        }
        return kept == n ? b : b.gather(keep, kept);
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
