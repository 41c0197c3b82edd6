package io.fluxo.exec.expr;

import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.Arithmetic.Op;
import io.fluxo.types.DecimalType;
import io.fluxo.types.LongType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * DECIMAL {@code + - * / % div} with Spark's result types ({@link Arithmetic#decimalResult}). When both operands and
 * the result are compact (precision ≤ 18), {@code + - *} run on unscaled longs: the result type is wide enough that
 * they can neither overflow a long nor the result precision. Everything else goes through BigDecimal per row, rounds
 * half-up to the result scale and fails with NUMERIC_VALUE_OUT_OF_RANGE when the result does not fit.
 */
final class DecimalArithmetic implements VectorEvaluator {
    /** Powers of ten that fit a long, for rescaling unscaled values. */
    static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private static final int DIVISION_SCALE = 38;

    private final Op op;
    private final VectorEvaluator left;
    private final VectorEvaluator right;
    private final DecimalType leftType;
    private final DecimalType rightType;
    /** Null for {@code div}, whose result is BIGINT. */
    private final DecimalType resultType;
    private final boolean compact;

    DecimalArithmetic(Op op, VectorEvaluator left, VectorEvaluator right, DecimalType leftType,
            DecimalType rightType) {
        this.op = op;
        this.left = left;
        this.right = right;
        this.leftType = leftType;
        this.rightType = rightType;
        this.resultType = op == Op.INTEGRAL_DIVIDE ? null : Arithmetic.decimalResult(op, leftType, rightType);
        this.compact = resultType != null && resultType.isCompact() && leftType.isCompact() && rightType.isCompact()
                && (op == Op.ADD || op == Op.SUBTRACT || op == Op.MULTIPLY);
    }

    /** True when no row can fail: the compact {@code + - *} kernels. */
    static boolean cannotFail(Op op, DecimalType leftType, DecimalType rightType) {
        if (op != Op.ADD && op != Op.SUBTRACT && op != Op.MULTIPLY) {
            return false;
        }
        return leftType.isCompact() && rightType.isCompact()
                && Arithmetic.decimalResult(op, leftType, rightType).isCompact();
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int n = input.numRows();
        DecimalVector lv = (DecimalVector) left.evaluate(input);
        DecimalVector rv = (DecimalVector) right.evaluate(input);
        boolean[] nulls = NullMasks.union(lv.nulls(), rv.nulls(), n);
        if (resultType == null) {
            return integralDivide(lv, rv, nulls, n);
        }
        DecimalVector out = new DecimalVector(resultType, Math.max(n, 1));
        if (compact) {
            compactKernel(lv.unscaledValues(), rv.unscaledValues(), out.unscaledValues(), n);
        } else {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    out.setDecimal(i, wide(lv.getDecimal(i), rv.getDecimal(i)));
                }
            }
        }
        out.setSize(n);
        out.setNulls(nulls);
        return out;
    }

    private void compactKernel(long[] a, long[] b, long[] out, int n) {
        int scale = resultType.scale();
        if (op == Op.MULTIPLY) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * b[i];
            }
            return;
        }
        long fa = POW10[scale - leftType.scale()];
        long fb = POW10[scale - rightType.scale()];
        if (op == Op.ADD) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * fa + b[i] * fb;
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * fa - b[i] * fb;
            }
        }
    }

    private BigDecimal wide(BigDecimal x, BigDecimal y) {
        BigDecimal z;
        switch (op) {
            case ADD:
                z = x.add(y);
                break;
            case SUBTRACT:
                z = x.subtract(y);
                break;
            case MULTIPLY:
                z = x.multiply(y);
                break;
            case DIVIDE:
                if (y.signum() == 0) {
                    throw ExecutionErrors.divideByZero();
                }
                // Spark divides to 38 places before rounding to the result scale; doing the same keeps results equal.
                z = x.divide(y, DIVISION_SCALE, RoundingMode.HALF_UP);
                break;
            default:
                if (y.signum() == 0) {
                    throw ExecutionErrors.divideByZero();
                }
                z = x.remainder(y);
                break;
        }
        return fit(z, resultType);
    }

    /** {@code value} rounded half-up to the type's scale, or NUMERIC_VALUE_OUT_OF_RANGE when it does not fit. */
    static BigDecimal fit(BigDecimal value, DecimalType type) {
        BigDecimal z = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (z.precision() > type.precision()) {
            throw ExecutionErrors.numericValueOutOfRange(z, type.precision(), type.scale());
        }
        return z;
    }

    private static ColumnVector integralDivide(DecimalVector lv, DecimalVector rv, boolean[] nulls, int n) {
        long[] out = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                BigDecimal y = rv.getDecimal(i);
                if (y.signum() == 0) {
                    throw ExecutionErrors.divideByZero();
                }
                BigDecimal q = lv.getDecimal(i).divideToIntegralValue(y);
                try {
                    out[i] = q.longValueExact();
                } catch (ArithmeticException e) {
                    throw ExecutionErrors.arithmeticOverflow("Overflow in integral divide", "try_divide");
                }
            }
        }
        return LongVector.wrap(LongType.INSTANCE, out, n, nulls);
    }
}
