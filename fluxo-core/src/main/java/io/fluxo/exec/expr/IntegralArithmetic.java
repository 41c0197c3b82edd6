package io.fluxo.exec.expr;

import io.fluxo.errors.InternalError;
import io.fluxo.plan.expr.Arithmetic.Op;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;

/**
 * BIGINT and INT {@code + - * % div} under ANSI rules. The loops stay branch-free: each accumulates a possible
 * overflow per batch (sign bits of the classic xor tests, or the high word of the product), and only when that
 * fires does a slow pass look for the first row that really overflows, skipping null rows whose slots may hold
 * anything. Divisors are scanned for zero once per batch for the same reason.
 */
final class IntegralArithmetic {
    private IntegralArithmetic() {
    }

    /** Column op column (either side may be a materialized constant). */
    static VectorEvaluator columns(Op op, boolean isLong, VectorEvaluator left, VectorEvaluator right) {
        if (op == Op.INTEGRAL_DIVIDE) {
            return new IntegralDivide(isLong, left, right);
        }
        checkOp(op);
        return isLong ? new LongColumns(op, left, right) : new IntColumns(op, left, right);
    }

    /** Column op non-null constant; {@code %} only with a non-zero constant. */
    static VectorEvaluator withScalar(Op op, boolean isLong, VectorEvaluator left, long scalar) {
        checkOp(op);
        return isLong ? new LongScalar(op, left, scalar) : new IntScalar(op, left, (int) scalar);
    }

    private static void checkOp(Op op) {
        if (op == Op.DIVIDE || op == Op.INTEGRAL_DIVIDE) {
            throw new InternalError("operator " + op.symbol() + " has no integral kernel here");
        }
    }

    static String tryFunction(Op op) {
        switch (op) {
            case ADD:
                return "try_add";
            case SUBTRACT:
                return "try_subtract";
            case MULTIPLY:
                return "try_multiply";
            default:
                return "try_divide";
        }
    }

    static boolean overflows(Op op, long x, long y) {
        switch (op) {
            case ADD: {
                long r = x + y;
                return ((x ^ r) & (y ^ r)) < 0;
            }
            case SUBTRACT: {
                long r = x - y;
                return ((x ^ y) & (x ^ r)) < 0;
            }
            case MULTIPLY:
                return Math.multiplyHigh(x, y) != (x * y) >> 63;
            default:
                return false;
        }
    }

    static boolean overflowsInt(Op op, int x, int y) {
        long r;
        switch (op) {
            case ADD:
                r = (long) x + y;
                break;
            case SUBTRACT:
                r = (long) x - y;
                break;
            case MULTIPLY:
                r = (long) x * y;
                break;
            default:
                return false;
        }
        return r != (int) r;
    }

    private static boolean isNull(boolean[] nulls, int i) {
        return nulls != null && nulls[i];
    }

    /** Slow path once a batch flagged a possible overflow: throws for the first non-null row that overflows. */
    private static void reportLong(Op op, long[] a, long[] b, long scalar, boolean[] nulls, int n) {
        for (int i = 0; i < n; i++) {
            if (!isNull(nulls, i) && overflows(op, a[i], b == null ? scalar : b[i])) {
                throw ExecutionErrors.integralOverflow(true, tryFunction(op));
            }
        }
    }

    private static void reportInt(Op op, int[] a, int[] b, int scalar, boolean[] nulls, int n) {
        for (int i = 0; i < n; i++) {
            if (!isNull(nulls, i) && overflowsInt(op, a[i], b == null ? scalar : b[i])) {
                throw ExecutionErrors.integralOverflow(false, tryFunction(op));
            }
        }
    }

    private static boolean hasZero(long[] b, int n) {
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            zero |= b[i] == 0;
        }
        return zero;
    }

    private static boolean hasZero(int[] b, int n) {
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            zero |= b[i] == 0;
        }
        return zero;
    }

    private static final class LongColumns implements VectorEvaluator {
        private final Op op;
        private final VectorEvaluator left;
        private final VectorEvaluator right;

        LongColumns(Op op, VectorEvaluator left, VectorEvaluator right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            ColumnVector rv = right.evaluate(input);
            long[] a = ((LongVector) lv).values();
            long[] b = ((LongVector) rv).values();
            boolean[] nulls = NullMasks.union(lv.nulls(), rv.nulls(), n);
            long[] out = new long[Math.max(n, 1)];
            long flag = 0;
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        long x = a[i];
                        long y = b[i];
                        long r = x + y;
                        out[i] = r;
                        flag |= (x ^ r) & (y ^ r);
                    }
                    flag &= Long.MIN_VALUE;
                    break;
                case SUBTRACT:
                    for (int i = 0; i < n; i++) {
                        long x = a[i];
                        long y = b[i];
                        long r = x - y;
                        out[i] = r;
                        flag |= (x ^ y) & (x ^ r);
                    }
                    flag &= Long.MIN_VALUE;
                    break;
                case MULTIPLY:
                    for (int i = 0; i < n; i++) {
                        long x = a[i];
                        long y = b[i];
                        long r = x * y;
                        out[i] = r;
                        flag |= Math.multiplyHigh(x, y) ^ (r >> 63);
                    }
                    break;
                default:
                    remainder(a, b, out, n, nulls);
                    break;
            }
            if (flag != 0) {
                reportLong(op, a, b, 0, nulls, n);
            }
            return LongVector.wrap(LongType.INSTANCE, out, n, nulls);
        }

        private static void remainder(long[] a, long[] b, long[] out, int n, boolean[] nulls) {
            if (!hasZero(b, n)) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] % b[i];
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                long y = b[i];
                if (y == 0) {
                    if (!isNull(nulls, i)) {
                        throw ExecutionErrors.divideByZero();
                    }
                } else {
                    out[i] = a[i] % y;
                }
            }
        }
    }

    private static final class LongScalar implements VectorEvaluator {
        private final Op op;
        private final VectorEvaluator left;
        private final long c;

        LongScalar(Op op, VectorEvaluator left, long c) {
            this.op = op;
            this.left = left;
            this.c = c;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            long[] a = ((LongVector) lv).values();
            boolean[] nulls = lv.nulls();
            long[] out = new long[Math.max(n, 1)];
            long c = this.c;
            long flag = 0;
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        long x = a[i];
                        long r = x + c;
                        out[i] = r;
                        flag |= (x ^ r) & (c ^ r);
                    }
                    flag &= Long.MIN_VALUE;
                    break;
                case SUBTRACT:
                    for (int i = 0; i < n; i++) {
                        long x = a[i];
                        long r = x - c;
                        out[i] = r;
                        flag |= (x ^ c) & (x ^ r);
                    }
                    flag &= Long.MIN_VALUE;
                    break;
                case MULTIPLY:
                    for (int i = 0; i < n; i++) {
                        long x = a[i];
                        long r = x * c;
                        out[i] = r;
                        flag |= Math.multiplyHigh(x, c) ^ (r >> 63);
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] % c;
                    }
                    break;
            }
            if (flag != 0) {
                reportLong(op, a, null, c, nulls, n);
            }
            return LongVector.wrap(LongType.INSTANCE, out, n, nulls);
        }
    }

    private static final class IntColumns implements VectorEvaluator {
        private final Op op;
        private final VectorEvaluator left;
        private final VectorEvaluator right;

        IntColumns(Op op, VectorEvaluator left, VectorEvaluator right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            ColumnVector rv = right.evaluate(input);
            int[] a = ((IntVector) lv).values();
            int[] b = ((IntVector) rv).values();
            boolean[] nulls = NullMasks.union(lv.nulls(), rv.nulls(), n);
            int[] out = new int[Math.max(n, 1)];
            long flag = 0;
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        long r = (long) a[i] + b[i];
                        out[i] = (int) r;
                        flag |= r ^ (int) r;
                    }
                    break;
                case SUBTRACT:
                    for (int i = 0; i < n; i++) {
                        long r = (long) a[i] - b[i];
                        out[i] = (int) r;
                        flag |= r ^ (int) r;
                    }
                    break;
                case MULTIPLY:
                    for (int i = 0; i < n; i++) {
                        long r = (long) a[i] * b[i];
                        out[i] = (int) r;
                        flag |= r ^ (int) r;
                    }
                    break;
                default:
                    remainder(a, b, out, n, nulls);
                    break;
            }
            if (flag != 0) {
                reportInt(op, a, b, 0, nulls, n);
            }
            return IntVector.wrap(IntegerType.INSTANCE, out, n, nulls);
        }

        private static void remainder(int[] a, int[] b, int[] out, int n, boolean[] nulls) {
            if (!hasZero(b, n)) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] % b[i];
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                int y = b[i];
                if (y == 0) {
                    if (!isNull(nulls, i)) {
                        throw ExecutionErrors.divideByZero();
                    }
                } else {
                    out[i] = a[i] % y;
                }
            }
        }
    }

    private static final class IntScalar implements VectorEvaluator {
        private final Op op;
        private final VectorEvaluator left;
        private final int c;

        IntScalar(Op op, VectorEvaluator left, int c) {
            this.op = op;
            this.left = left;
            this.c = c;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            int[] a = ((IntVector) lv).values();
            boolean[] nulls = lv.nulls();
            int[] out = new int[Math.max(n, 1)];
            long c = this.c;
            long flag = 0;
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        long r = a[i] + c;
                        out[i] = (int) r;
                        flag |= r ^ (int) r;
                    }
                    break;
                case SUBTRACT:
                    for (int i = 0; i < n; i++) {
                        long r = a[i] - c;
                        out[i] = (int) r;
                        flag |= r ^ (int) r;
                    }
                    break;
                case MULTIPLY:
                    for (int i = 0; i < n; i++) {
                        long r = a[i] * c;
                        out[i] = (int) r;
                        flag |= r ^ (int) r;
                    }
                    break;
                default:
                    int d = this.c;
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] % d;
                    }
                    break;
            }
            if (flag != 0) {
                reportInt(op, a, null, this.c, nulls, n);
            }
            return IntVector.wrap(IntegerType.INSTANCE, out, n, nulls);
        }
    }

    /** {@code div}: integral division truncating toward zero, BIGINT result; MIN_VALUE div -1 overflows. */
    private static final class IntegralDivide implements VectorEvaluator {
        private final boolean isLong;
        private final VectorEvaluator left;
        private final VectorEvaluator right;

        IntegralDivide(boolean isLong, VectorEvaluator left, VectorEvaluator right) {
            this.isLong = isLong;
            this.left = left;
            this.right = right;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            ColumnVector rv = right.evaluate(input);
            boolean[] nulls = NullMasks.union(lv.nulls(), rv.nulls(), n);
            long[] out = new long[Math.max(n, 1)];
            if (isLong) {
                divideLongs(((LongVector) lv).values(), ((LongVector) rv).values(), out, n, nulls);
            } else {
                divideInts(((IntVector) lv).values(), ((IntVector) rv).values(), out, n, nulls);
            }
            return LongVector.wrap(LongType.INSTANCE, out, n, nulls);
        }

        private static void divideLongs(long[] a, long[] b, long[] out, int n, boolean[] nulls) {
            for (int i = 0; i < n; i++) {
                long y = b[i];
                long x = a[i];
                if (y == 0 || (y == -1 && x == Long.MIN_VALUE)) {
                    if (!isNull(nulls, i)) {
                        throw y == 0 ? ExecutionErrors.divideByZero()
                                : ExecutionErrors.arithmeticOverflow("Overflow in integral divide", "try_divide");
                    }
                } else {
                    out[i] = x / y;
                }
            }
        }

        private static void divideInts(int[] a, int[] b, long[] out, int n, boolean[] nulls) {
            for (int i = 0; i < n; i++) {
                int y = b[i];
                if (y == 0) {
                    if (!isNull(nulls, i)) {
                        throw ExecutionErrors.divideByZero();
                    }
                } else {
                    out[i] = (long) a[i] / y;
                }
            }
        }
    }
}
