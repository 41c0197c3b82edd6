package io.fluxo.exec.expr;

import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Expression;
import io.fluxo.types.DataTypes;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.LongVector;
import java.util.Random;

/**
 * A rough throughput sanity check, not a benchmark (those live in fluxo-bench): {@code filter(a > 10 AND b < 0.5)}
 * then {@code select(a * 2 + 1, b)} over BIGINT/DOUBLE batches of 4096 rows. Run its main from the test classpath.
 */
public final class ExpressionThroughputCheck {
    private ExpressionThroughputCheck() {
    }

    public static void main(String[] args) {
        int n = ColumnBatch.DEFAULT_SIZE;
        Random random = new Random(42);
        long[] a = new long[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(21);
            b[i] = random.nextDouble();
        }
        ColumnBatch batch = new ColumnBatch(new ColumnVector[] {LongVector.wrap(DataTypes.LongType, a, n, null),
            DoubleVector.wrap(b, n, null)}, n);
        Expression colA = Eval.col(0, DataTypes.LongType);
        Expression colB = Eval.col(1, DataTypes.DoubleType);
        Expression predicate = new And(
                new Comparison(Comparison.Op.GREATER_THAN, colA, Eval.lit(10L, DataTypes.LongType)),
                new Comparison(Comparison.Op.LESS_THAN, colB, Eval.lit(0.5, DataTypes.DoubleType)));
        Expression projection = new Arithmetic(Arithmetic.Op.ADD,
                new Arithmetic(Arithmetic.Op.MULTIPLY, colA, Eval.lit(2L, DataTypes.LongType)),
                Eval.lit(1L, DataTypes.LongType));
        PredicateEvaluator filter = ExpressionCompiler.compilePredicate(predicate, Eval.UTC);
        VectorEvaluator project = ExpressionCompiler.compile(projection, Eval.UTC);
        VectorEvaluator passThrough = ExpressionCompiler.compile(colB, Eval.UTC);
        int[] selection = new int[n];
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int batches = 20_000;
            long start = System.nanoTime();
            for (int k = 0; k < batches; k++) {
                sink += filter.select(batch, selection);
            }
            long filterNanos = System.nanoTime() - start;
            start = System.nanoTime();
            for (int k = 0; k < batches; k++) {
                sink += ((LongVector) project.evaluate(batch)).values()[k % n];
                sink += passThrough.evaluate(batch).size();
            }
            long projectNanos = System.nanoTime() - start;
            start = System.nanoTime();
            for (int k = 0; k < batches; k++) {
                int count = filter.select(batch, selection);
                ColumnBatch kept = batch.gather(selection, count);
                sink += ((LongVector) project.evaluate(kept)).values()[0];
                sink += passThrough.evaluate(kept).size();
            }
            long pipelineNanos = System.nanoTime() - start;
            double rows = (double) batches * n;
            System.out.printf("filter %.0f M rows/s, project %.0f M rows/s, filter+gather+project %.0f M rows/s%n",
                    rows / filterNanos * 1e3, rows / projectNanos * 1e3, rows / pipelineNanos * 1e3);
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
