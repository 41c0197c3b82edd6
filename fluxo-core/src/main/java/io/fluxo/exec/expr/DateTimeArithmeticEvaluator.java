package io.fluxo.exec.expr;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.scalar.MonthShifts;
import io.fluxo.plan.expr.DateTimeArithmetic.Kind;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;

/**
 * Evaluates {@link io.fluxo.plan.expr.DateTimeArithmetic}: loops over the operands' primitive arrays (timestamps
 * and day-time intervals in {@code long[]}, dates and year-month intervals in {@code int[]}). Overflow is an
 * ARITHMETIC_OVERFLOW error naming no row; a null row never fails.
 */
final class DateTimeArithmeticEvaluator implements VectorEvaluator {
    private final Kind kind;
    private final VectorEvaluator left;
    private final VectorEvaluator right;
    private final DataType type;
    private final MonthShifts months;

    DateTimeArithmeticEvaluator(Kind kind, VectorEvaluator left, VectorEvaluator right, DataType type, ZoneId zone) {
        this.kind = kind;
        this.left = left;
        this.right = right;
        this.type = type;
        this.months = MonthShifts.in(zone);
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int n = input.numRows();
        ColumnVector l = left.evaluate(input);
        ColumnVector r = right.evaluate(input);
        boolean[] nulls = NullMasks.union(l.nulls(), r.nulls(), n);
        try {
            switch (kind) {
                case TIMESTAMP_PLUS_DAY_TIME:
                case TIMESTAMP_MINUS_DAY_TIME:
                case INTERVAL_PLUS:
                case INTERVAL_MINUS:
                case TIMESTAMP_DIFF:
                    return type.isIntBacked() ? intSum(l, r, nulls, n) : longSum(l, r, nulls, n);
                case TIMESTAMP_PLUS_YEAR_MONTH:
                case TIMESTAMP_MINUS_YEAR_MONTH: {
                    long[] ts = ((LongVector) l).values();
                    int[] m = ((IntVector) r).values();
                    int sign = kind == Kind.TIMESTAMP_PLUS_YEAR_MONTH ? 1 : -1;
                    long[] out = new long[Math.max(n, 1)];
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            out[i] = months.timestamp(ts[i], Math.multiplyExact(sign, m[i]));
                        }
                    }
                    return LongVector.wrap(type, out, n, nulls);
                }
                case DATE_PLUS_YEAR_MONTH:
                case DATE_MINUS_YEAR_MONTH: {
                    int[] days = ((IntVector) l).values();
                    int[] m = ((IntVector) r).values();
                    int sign = kind == Kind.DATE_PLUS_YEAR_MONTH ? 1 : -1;
                    int[] out = new int[Math.max(n, 1)];
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            out[i] = MonthShifts.date(days[i], Math.multiplyExact(sign, m[i]));
                        }
                    }
                    return IntVector.wrap(type, out, n, nulls);
                }
                case DATE_PLUS_DAYS:
                case DATE_MINUS_DAYS: {
                    int[] days = ((IntVector) l).values();
                    long[] micros = ((LongVector) r).values();
                    long sign = kind == Kind.DATE_PLUS_DAYS ? 1 : -1;
                    int[] out = new int[Math.max(n, 1)];
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            out[i] = Math.toIntExact(days[i] + sign * (micros[i] / DateTimeUtils.MICROS_PER_DAY));
                        }
                    }
                    return IntVector.wrap(type, out, n, nulls);
                }
                case DATE_DIFF: {
                    int[] a = ((IntVector) l).values();
                    int[] b = ((IntVector) r).values();
                    long[] out = new long[Math.max(n, 1)];
                    for (int i = 0; i < n; i++) {
                        out[i] = ((long) a[i] - b[i]) * DateTimeUtils.MICROS_PER_DAY;
                    }
                    return LongVector.wrap(type, out, n, nulls);
                }
                case INTERVAL_TIMES:
                case INTERVAL_DIVIDED_BY:
                    return scaled(l, r, nulls, n);
                default:
                    throw new io.fluxo.errors.InternalError("no kernel for " + kind);
            }
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    private ColumnVector longSum(ColumnVector l, ColumnVector r, boolean[] nulls, int n) {
        long[] a = ((LongVector) l).values();
        long[] b = ((LongVector) r).values();
        boolean minus = kind.symbol().equals("-");
        long[] out = new long[Math.max(n, 1)];
        boolean overflow = false;
        for (int i = 0; i < n; i++) {
            long x = a[i];
            long y = b[i];
            long s = minus ? x - y : x + y;
            out[i] = s;
            overflow |= (minus ? ((x ^ y) & (x ^ s)) : ((x ^ s) & (y ^ s))) < 0;
        }
        if (overflow) {
            for (int i = 0; i < n; i++) {
                if ((nulls == null || !nulls[i]) && IntegralArithmetic.overflows(
                        minus ? io.fluxo.plan.expr.Arithmetic.Op.SUBTRACT : io.fluxo.plan.expr.Arithmetic.Op.ADD,
                        a[i], b[i])) {
                    throw overflow();
                }
            }
        }
        return LongVector.wrap(type, out, n, nulls);
    }

    private ColumnVector intSum(ColumnVector l, ColumnVector r, boolean[] nulls, int n) {
        int[] a = ((IntVector) l).values();
        int[] b = ((IntVector) r).values();
        boolean minus = kind.symbol().equals("-");
        int[] out = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            long s = minus ? (long) a[i] - b[i] : (long) a[i] + b[i];
            if (s != (int) s && (nulls == null || !nulls[i])) {
                throw overflow();
            }
            out[i] = (int) s;
        }
        return IntVector.wrap(type, out, n, nulls);
    }

    /** interval × number or ÷ number; fractional results round half up, as Spark's MultiplyDTInterval etc. do. */
    private ColumnVector scaled(ColumnVector l, ColumnVector r, boolean[] nulls, int n) {
        boolean divide = kind == Kind.INTERVAL_DIVIDED_BY;
        boolean dayTime = l instanceof LongVector;
        long[] out = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            long value = dayTime ? ((LongVector) l).values()[i] : ((IntVector) l).values()[i];
            long result;
            if (r instanceof DoubleVector d) {
                double f = d.values()[i];
                if (divide && f == 0) {
                    throw dividedByZero();
                }
                double exact = divide ? value / f : value * f;
                if (Double.isNaN(exact) || Double.isInfinite(exact)) {
                    throw overflow();
                }
                result = new BigDecimal(exact).setScale(0, RoundingMode.HALF_UP).longValueExact();
            } else if (r instanceof DecimalVector d) {
                BigDecimal f = d.getDecimal(i);
                if (divide && f.signum() == 0) {
                    throw dividedByZero();
                }
                BigDecimal v = BigDecimal.valueOf(value);
                result = (divide ? v.divide(f, 0, RoundingMode.HALF_UP) : v.multiply(f).setScale(0, RoundingMode.HALF_UP))
                        .longValueExact();
            } else {
                long f = r instanceof LongVector lv ? lv.values()[i] : ((IntVector) r).values()[i];
                if (divide) {
                    if (f == 0) {
                        throw dividedByZero();
                    }
                    result = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(f), 0, RoundingMode.HALF_UP)
                            .longValueExact();
                } else {
                    result = Math.multiplyExact(value, f);
                }
            }
            out[i] = result;
        }
        if (dayTime) {
            return LongVector.wrap(type, out, n, nulls);
        }
        int[] months = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            months[i] = Math.toIntExact(out[i]);
        }
        return IntVector.wrap(type, months, n, nulls);
    }

    private static FluxoRuntimeException overflow() {
        return new FluxoRuntimeException("INTERVAL_ARITHMETIC_OVERFLOW",
                "Integer overflow while operating with intervals. Try devising appropriate values for the interval "
                        + "parameters.");
    }

    private static FluxoRuntimeException dividedByZero() {
        return new FluxoRuntimeException("INTERVAL_DIVIDED_BY_ZERO",
                "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.");
    }
}
