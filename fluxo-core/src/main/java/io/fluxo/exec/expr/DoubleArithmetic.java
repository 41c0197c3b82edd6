package io.fluxo.exec.expr;

import io.fluxo.errors.InternalError;
import io.fluxo.plan.expr.Arithmetic.Op;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;

/**
 * DOUBLE {@code + - * / %}. IEEE results except that, under ANSI rules as in Spark, a zero divisor (0.0 or -0.0) on a
 * row whose operands are both non-null is a DIVIDE_BY_ZERO error rather than an infinity or NaN.
 */
final class DoubleArithmetic {
    private DoubleArithmetic() {
    }

    static VectorEvaluator columns(Op op, VectorEvaluator left, VectorEvaluator right) {
        checkOp(op);
        return new Columns(op, left, right);
    }

    /** Column op non-null constant; {@code /} and {@code %} only with a non-zero constant. */
    static VectorEvaluator withScalar(Op op, VectorEvaluator left, double scalar) {
        checkOp(op);
        return new Scalar(op, left, scalar);
    }

    private static void checkOp(Op op) {
        if (op == Op.INTEGRAL_DIVIDE) {
            throw new InternalError("div on DOUBLE operands must be cast to BIGINT by the analyzer");
        }
    }

    private static void checkDivisors(double[] b, boolean[] nulls, int n) {
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            zero |= b[i] == 0.0;
        }
        if (zero) {
            for (int i = 0; i < n; i++) {
                if (b[i] == 0.0 && (nulls == null || !nulls[i])) {
                    throw ExecutionErrors.divideByZero();
                }
            }
        }
    }

    private static final class Columns implements VectorEvaluator {
        private final Op op;
        private final VectorEvaluator left;
        private final VectorEvaluator right;

        Columns(Op op, VectorEvaluator left, VectorEvaluator right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            ColumnVector rv = right.evaluate(input);
            double[] a = ((DoubleVector) lv).values();
            double[] b = ((DoubleVector) rv).values();
            boolean[] nulls = NullMasks.union(lv.nulls(), rv.nulls(), n);
            double[] out = new double[Math.max(n, 1)];
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] + b[i];
                    }
                    break;
                case SUBTRACT:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] - b[i];
                    }
                    break;
                case MULTIPLY:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] * b[i];
                    }
                    break;
                case DIVIDE:
                    checkDivisors(b, nulls, n);
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] / b[i];
                    }
                    break;
                default:
                    checkDivisors(b, nulls, n);
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] % b[i];
                    }
                    break;
            }
            return DoubleVector.wrap(out, n, nulls);
        }
    }

    private static final class Scalar implements VectorEvaluator {
        private final Op op;
        private final VectorEvaluator left;
        private final double c;

        Scalar(Op op, VectorEvaluator left, double c) {
            this.op = op;
            this.left = left;
            this.c = c;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            double[] a = ((DoubleVector) lv).values();
            double[] out = new double[Math.max(n, 1)];
            double c = this.c;
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] + c;
                    }
                    break;
                case SUBTRACT:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] - c;
                    }
                    break;
                case MULTIPLY:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] * c;
                    }
                    break;
                case DIVIDE:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] / c;
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] % c;
                    }
                    break;
            }
            return DoubleVector.wrap(out, n, lv.nulls());
        }
    }
}
