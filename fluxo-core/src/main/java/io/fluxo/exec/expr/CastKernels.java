package io.fluxo.exec.expr;

import io.fluxo.errors.InternalError;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.types.YearMonthIntervalType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.ZoneId;

/**
 * The cast kernel for each pair of types Spark's ANSI cast allows, with Spark's rules: integral narrowing and
 * double-to-integral truncation fail with CAST_OVERFLOW out of range (NaN included); decimals round half-up and fail
 * with NUMERIC_VALUE_OUT_OF_RANGE when they do not fit (a NaN or infinite double becomes NULL, as in Spark); numbers
 * to BOOLEAN are {@code != 0}; TIMESTAMP to a number is seconds (floor), a number to TIMESTAMP is seconds; DATE and
 * TIMESTAMP convert at midnight / in the session zone. Widening casts and the common implicit ones are tight loops;
 * the rest convert row by row. Strings are parsed in {@link StringCasts}, nested types in {@link NestedCasts}.
 */
final class CastKernels {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private CastKernels() {
    }

    static CastKernel of(DataType from, DataType to, ZoneId zone) {
        if (from.equals(to)) {
            return (in, n, failed) -> in;
        }
        if (from instanceof NullType) {
            return (in, n, failed) -> ConstantVectors.nulls(to, n);
        }
        if (to instanceof StringType) {
            return StringCasts.toStringKernel(from, zone);
        }
        if (from instanceof StringType) {
            return StringCasts.fromString(to, zone);
        }
        if (to instanceof ArrayType || to instanceof MapType || to instanceof StructType) {
            return NestedCasts.of(from, to, zone);
        }
        if (from instanceof DayTimeIntervalType && to instanceof DayTimeIntervalType t) {
            // A narrower end field drops the finer units, as Spark's cast does.
            long unit = t.endField() == DayTimeIntervalType.SECOND ? 1
                    : t.endField() == DayTimeIntervalType.MINUTE ? 60_000_000L
                    : t.endField() == DayTimeIntervalType.HOUR ? 3_600_000_000L : 86_400_000_000L;
            return (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                long[] out = new long[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] / unit * unit;
                }
                return LongVector.wrap(to, out, n, in.nulls());
            };
        }
        if (from instanceof YearMonthIntervalType && to instanceof YearMonthIntervalType t) {
            int unit = t.endField() == YearMonthIntervalType.YEAR ? 12 : 1;
            return (in, n, failed) -> {
                int[] a = ((IntVector) in).values();
                int[] out = new int[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] / unit * unit;
                }
                return IntVector.wrap(to, out, n, in.nulls());
            };
        }
        CastKernel kernel = null;
        if (to instanceof BooleanType) {
            kernel = toBoolean(from);
        } else if (to instanceof IntegerType) {
            kernel = toInt(from);
        } else if (to instanceof LongType) {
            kernel = toLong(from);
        } else if (to instanceof DoubleType) {
            kernel = toDouble(from);
        } else if (to instanceof DecimalType d) {
            kernel = toDecimal(from, d);
        } else if (to instanceof TimestampType) {
            kernel = toTimestamp(from, new ZoneConversions(zone));
        } else if (to instanceof DateType && from instanceof TimestampType) {
            ZoneConversions zones = new ZoneConversions(zone);
            kernel = (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                int[] out = new int[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = zones.microsToDays(a[i]);
                }
                return IntVector.wrap(DateType.INSTANCE, out, n, in.nulls());
            };
        }
        if (kernel == null) {
            throw new InternalError("no cast from " + from.sql() + " to " + to.sql());
        }
        return kernel;
    }

    // ---- row-by-row builders: convert each non-null row, a converter may fail the row through CastNulls ----

    interface ToLong {
        long convert(int row, CastNulls nulls);
    }

    interface ToInt {
        int convert(int row, CastNulls nulls);
    }

    interface ToDouble {
        double convert(int row, CastNulls nulls);
    }

    interface ToBoolean {
        boolean convert(int row, CastNulls nulls);
    }

    /** Returns the value at the target's scale, or null after failing or nulling the row. */
    interface ToDecimal {
        BigDecimal convert(int row, CastNulls nulls);
    }

    static ColumnVector longs(DataType type, ColumnVector in, int n, boolean[] failed, ToLong f) {
        CastNulls nulls = new CastNulls(in.nulls(), n, failed);
        long[] out = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            if (!nulls.isNull(i)) {
                out[i] = f.convert(i, nulls);
            }
        }
        return LongVector.wrap(type, out, n, nulls.mask());
    }

    static ColumnVector ints(DataType type, ColumnVector in, int n, boolean[] failed, ToInt f) {
        CastNulls nulls = new CastNulls(in.nulls(), n, failed);
        int[] out = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            if (!nulls.isNull(i)) {
                out[i] = f.convert(i, nulls);
            }
        }
        return IntVector.wrap(type, out, n, nulls.mask());
    }

    static ColumnVector doubles(ColumnVector in, int n, boolean[] failed, ToDouble f) {
        CastNulls nulls = new CastNulls(in.nulls(), n, failed);
        double[] out = new double[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            if (!nulls.isNull(i)) {
                out[i] = f.convert(i, nulls);
            }
        }
        return DoubleVector.wrap(out, n, nulls.mask());
    }

    static ColumnVector booleans(ColumnVector in, int n, boolean[] failed, ToBoolean f) {
        CastNulls nulls = new CastNulls(in.nulls(), n, failed);
        boolean[] out = new boolean[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            if (!nulls.isNull(i)) {
                out[i] = f.convert(i, nulls);
            }
        }
        return BooleanVector.wrap(out, n, nulls.mask());
    }

    static ColumnVector decimals(DecimalType type, ColumnVector in, int n, boolean[] failed, ToDecimal f) {
        CastNulls nulls = new CastNulls(in.nulls(), n, failed);
        DecimalVector out = new DecimalVector(type, Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            if (!nulls.isNull(i)) {
                BigDecimal d = f.convert(i, nulls);
                if (d != null) {
                    out.setDecimal(i, d);
                }
            }
        }
        out.setSize(n);
        out.setNulls(nulls.mask());
        return out;
    }

    /** {@code value} at the type's scale (half-up), or fails the row with NUMERIC_VALUE_OUT_OF_RANGE. */
    static BigDecimal fit(BigDecimal value, DecimalType type, int row, CastNulls nulls) {
        BigDecimal z = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (z.precision() > type.precision()) {
            nulls.fail(row, () -> ExecutionErrors.numericValueOutOfRange(z, type.precision(), type.scale()));
            return null;
        }
        return z;
    }

    // ---- to BOOLEAN ----

    private static CastKernel toBoolean(DataType from) {
        if (from instanceof IntegerType) {
            return (in, n, failed) -> {
                int[] a = ((IntVector) in).values();
                return booleans(in, n, failed, (i, nulls) -> a[i] != 0);
            };
        }
        if (from instanceof LongType) {
            return (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                return booleans(in, n, failed, (i, nulls) -> a[i] != 0);
            };
        }
        if (from instanceof DoubleType) {
            return (in, n, failed) -> {
                double[] a = ((DoubleVector) in).values();
                return booleans(in, n, failed, (i, nulls) -> a[i] != 0);
            };
        }
        if (from instanceof DecimalType) {
            return (in, n, failed) -> {
                DecimalVector d = (DecimalVector) in;
                return booleans(in, n, failed, (i, nulls) -> d.getDecimal(i).signum() != 0);
            };
        }
        return null;
    }

    // ---- to INT ----

    private static CastKernel toInt(DataType from) {
        if (from instanceof BooleanType) {
            return (in, n, failed) -> {
                boolean[] a = ((BooleanVector) in).values();
                int[] out = new int[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] ? 1 : 0;
                }
                return IntVector.wrap(IntegerType.INSTANCE, out, n, in.nulls());
            };
        }
        if (from instanceof LongType) {
            return (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                int[] out = new int[Math.max(n, 1)];
                boolean outOfRange = false;
                for (int i = 0; i < n; i++) {
                    long x = a[i];
                    out[i] = (int) x;
                    outOfRange |= x != (int) x;
                }
                if (!outOfRange) {
                    return IntVector.wrap(IntegerType.INSTANCE, out, n, in.nulls());
                }
                return ints(IntegerType.INSTANCE, in, n, failed, (i, nulls) -> {
                    long x = a[i];
                    if (x != (int) x) {
                        nulls.fail(i, () -> ExecutionErrors.castOverflow(x, LongType.INSTANCE, IntegerType.INSTANCE));
                    }
                    return (int) x;
                });
            };
        }
        if (from instanceof DoubleType) {
            return (in, n, failed) -> {
                double[] a = ((DoubleVector) in).values();
                int[] out = new int[Math.max(n, 1)];
                boolean outOfRange = false;
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    out[i] = (int) x;
                    outOfRange |= !(x > -2147483649.0 && x < 2147483648.0);
                }
                if (!outOfRange) {
                    return IntVector.wrap(IntegerType.INSTANCE, out, n, in.nulls());
                }
                return ints(IntegerType.INSTANCE, in, n, failed, (i, nulls) -> {
                    double x = a[i];
                    if (!(Math.floor(x) <= Integer.MAX_VALUE && Math.ceil(x) >= Integer.MIN_VALUE)) {
                        nulls.fail(i, () -> ExecutionErrors.castOverflow(x, DoubleType.INSTANCE,
                                IntegerType.INSTANCE));
                        return 0;
                    }
                    return (int) x;
                });
            };
        }
        if (from instanceof DecimalType d) {
            return (in, n, failed) -> {
                DecimalVector dv = (DecimalVector) in;
                return ints(IntegerType.INSTANCE, in, n, failed, (i, nulls) -> {
                    BigInteger whole = dv.getDecimal(i).toBigInteger();
                    if (whole.bitLength() > 31) {
                        nulls.fail(i, () -> ExecutionErrors.castOverflow(dv.getDecimal(i), d, IntegerType.INSTANCE));
                        return 0;
                    }
                    return whole.intValue();
                });
            };
        }
        if (from instanceof TimestampType) {
            return (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                return ints(IntegerType.INSTANCE, in, n, failed, (i, nulls) -> {
                    long seconds = Math.floorDiv(a[i], DateTimeUtils.MICROS_PER_SECOND);
                    if (seconds != (int) seconds) {
                        long micros = a[i];
                        nulls.fail(i, () -> ExecutionErrors.castOverflow(micros, TimestampType.INSTANCE,
                                IntegerType.INSTANCE));
                    }
                    return (int) seconds;
                });
            };
        }
        return null;
    }

    // ---- to BIGINT ----

    private static CastKernel toLong(DataType from) {
        if (from instanceof BooleanType) {
            return (in, n, failed) -> {
                boolean[] a = ((BooleanVector) in).values();
                long[] out = new long[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] ? 1 : 0;
                }
                return LongVector.wrap(LongType.INSTANCE, out, n, in.nulls());
            };
        }
        if (from instanceof IntegerType) {
            return (in, n, failed) -> {
                int[] a = ((IntVector) in).values();
                long[] out = new long[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
                return LongVector.wrap(LongType.INSTANCE, out, n, in.nulls());
            };
        }
        if (from instanceof DoubleType) {
            return (in, n, failed) -> {
                double[] a = ((DoubleVector) in).values();
                long[] out = new long[Math.max(n, 1)];
                boolean outOfRange = false;
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    out[i] = (long) x;
                    // Strictly inside ±2^63: anything else (NaN included) takes the exact check below.
                    outOfRange |= !(x > -9.223372036854775808E18 && x < 9.223372036854775808E18);
                }
                if (!outOfRange) {
                    return LongVector.wrap(LongType.INSTANCE, out, n, in.nulls());
                }
                return longs(LongType.INSTANCE, in, n, failed, (i, nulls) -> {
                    double x = a[i];
                    if (!(Math.floor(x) <= Long.MAX_VALUE && Math.ceil(x) >= Long.MIN_VALUE)) {
                        nulls.fail(i, () -> ExecutionErrors.castOverflow(x, DoubleType.INSTANCE, LongType.INSTANCE));
                        return 0;
                    }
                    return (long) x;
                });
            };
        }
        if (from instanceof DecimalType d) {
            if (d.isCompact()) {
                long pow = DecimalArithmetic.POW10[d.scale()];
                return (in, n, failed) -> {
                    long[] a = ((DecimalVector) in).unscaledValues();
                    long[] out = new long[Math.max(n, 1)];
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] / pow;
                    }
                    return LongVector.wrap(LongType.INSTANCE, out, n, in.nulls());
                };
            }
            return (in, n, failed) -> {
                DecimalVector dv = (DecimalVector) in;
                return longs(LongType.INSTANCE, in, n, failed, (i, nulls) -> {
                    BigInteger whole = dv.getDecimal(i).toBigInteger();
                    if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
                        nulls.fail(i, () -> ExecutionErrors.castOverflow(dv.getDecimal(i), d, LongType.INSTANCE));
                        return 0;
                    }
                    return whole.longValue();
                });
            };
        }
        if (from instanceof TimestampType) {
            return (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                long[] out = new long[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = Math.floorDiv(a[i], DateTimeUtils.MICROS_PER_SECOND);
                }
                return LongVector.wrap(LongType.INSTANCE, out, n, in.nulls());
            };
        }
        return null;
    }

    // ---- to DOUBLE ----

    private static CastKernel toDouble(DataType from) {
        if (from instanceof BooleanType) {
            return (in, n, failed) -> {
                boolean[] a = ((BooleanVector) in).values();
                double[] out = new double[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] ? 1 : 0;
                }
                return DoubleVector.wrap(out, n, in.nulls());
            };
        }
        if (from instanceof IntegerType) {
            return (in, n, failed) -> {
                int[] a = ((IntVector) in).values();
                double[] out = new double[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
                return DoubleVector.wrap(out, n, in.nulls());
            };
        }
        if (from instanceof LongType) {
            return (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                double[] out = new double[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
                return DoubleVector.wrap(out, n, in.nulls());
            };
        }
        if (from instanceof DecimalType d) {
            return (in, n, failed) -> {
                DecimalVector dv = (DecimalVector) in;
                double[] out = new double[Math.max(n, 1)];
                boolean[] nulls = in.nulls();
                if (dv.isCompact() && d.scale() <= 22) {
                    long[] a = dv.unscaledValues();
                    double pow = Math.pow(10, d.scale());
                    for (int i = 0; i < n; i++) {
                        long u = a[i];
                        // Exact operands give a correctly rounded quotient; larger ones go through BigDecimal.
                        out[i] = Math.abs(u) < (1L << 53) ? u / pow : BigDecimal.valueOf(u, d.scale()).doubleValue();
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            out[i] = dv.getDecimal(i).doubleValue();
                        }
                    }
                }
                return DoubleVector.wrap(out, n, nulls);
            };
        }
        if (from instanceof TimestampType) {
            return (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                double[] out = new double[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] / (double) DateTimeUtils.MICROS_PER_SECOND;
                }
                return DoubleVector.wrap(out, n, in.nulls());
            };
        }
        return null;
    }

    // ---- to DECIMAL ----

    private static CastKernel toDecimal(DataType from, DecimalType to) {
        if (from instanceof BooleanType) {
            return (in, n, failed) -> {
                boolean[] a = ((BooleanVector) in).values();
                return decimals(to, in, n, failed, (i, nulls) -> fit(a[i] ? BigDecimal.ONE : BigDecimal.ZERO, to, i,
                        nulls));
            };
        }
        if (from instanceof IntegerType || from instanceof LongType) {
            return integralToDecimal(from instanceof LongType, to);
        }
        if (from instanceof DoubleType) {
            return (in, n, failed) -> {
                double[] a = ((DoubleVector) in).values();
                return decimals(to, in, n, failed, (i, nulls) -> {
                    double x = a[i];
                    if (Double.isNaN(x) || Double.isInfinite(x)) {
                        nulls.setNull(i);
                        return null;
                    }
                    return fit(BigDecimal.valueOf(x), to, i, nulls);
                });
            };
        }
        if (from instanceof DecimalType d) {
            if (d.isCompact() && to.isCompact()) {
                return compactDecimalRescale(d, to);
            }
            return (in, n, failed) -> {
                DecimalVector dv = (DecimalVector) in;
                return decimals(to, in, n, failed, (i, nulls) -> fit(dv.getDecimal(i), to, i, nulls));
            };
        }
        if (from instanceof TimestampType) {
            return (in, n, failed) -> {
                long[] a = ((LongVector) in).values();
                return decimals(to, in, n, failed, (i, nulls) -> fit(
                        BigDecimal.valueOf(a[i] / (double) DateTimeUtils.MICROS_PER_SECOND), to, i, nulls));
            };
        }
        return null;
    }

    private static CastKernel integralToDecimal(boolean isLong, DecimalType to) {
        int integralDigits = to.precision() - to.scale();
        // Values below this bound in magnitude fit; at 19 digits or more every long fits.
        long bound = integralDigits >= 19 ? Long.MAX_VALUE : DecimalArithmetic.POW10[integralDigits];
        boolean always = integralDigits >= 19;
        DataType from = isLong ? LongType.INSTANCE : IntegerType.INSTANCE;
        return (in, n, failed) -> {
            long[] a = isLong ? ((LongVector) in).values() : null;
            int[] b = isLong ? null : ((IntVector) in).values();
            CastNulls nulls = new CastNulls(in.nulls(), n, failed);
            DecimalVector out = new DecimalVector(to, Math.max(n, 1));
            for (int i = 0; i < n; i++) {
                if (nulls.isNull(i)) {
                    continue;
                }
                long x = isLong ? a[i] : b[i];
                if (!always && (x >= bound || x <= -bound)) {
                    nulls.fail(i, () -> ExecutionErrors.numericValueOutOfRange(BigDecimal.valueOf(x),
                            to.precision(), to.scale()));
                } else if (to.isCompact()) {
                    out.unscaledValues()[i] = x * DecimalArithmetic.POW10[to.scale()];
                } else {
                    out.setDecimal(i, BigDecimal.valueOf(x));
                }
            }
            out.setSize(n);
            out.setNulls(nulls.mask());
            return out;
        };
    }

    private static CastKernel compactDecimalRescale(DecimalType from, DecimalType to) {
        long limit = DecimalArithmetic.POW10[to.precision()];
        int up = to.scale() - from.scale();
        if (up >= 0 && from.precision() + up > 18) {
            return (in, n, failed) -> {
                DecimalVector dv = (DecimalVector) in;
                return decimals(to, in, n, failed, (i, nulls) -> fit(dv.getDecimal(i), to, i, nulls));
            };
        }
        return (in, n, failed) -> {
            long[] a = ((DecimalVector) in).unscaledValues();
            CastNulls nulls = new CastNulls(in.nulls(), n, failed);
            DecimalVector out = new DecimalVector(to, Math.max(n, 1));
            long[] o = out.unscaledValues();
            for (int i = 0; i < n; i++) {
                if (nulls.isNull(i)) {
                    continue;
                }
                long u = a[i];
                long r;
                if (up >= 0) {
                    r = u * DecimalArithmetic.POW10[up];
                } else {
                    long d = DecimalArithmetic.POW10[-up];
                    r = u / d;
                    long rem = Math.abs(u % d);
                    if (rem * 2 >= d) {
                        r += Long.signum(u);
                    }
                }
                if (r >= limit || r <= -limit) {
                    BigDecimal value = BigDecimal.valueOf(u, from.scale());
                    nulls.fail(i, () -> ExecutionErrors.numericValueOutOfRange(
                            value.setScale(to.scale(), RoundingMode.HALF_UP), to.precision(), to.scale()));
                } else {
                    o[i] = r;
                }
            }
            out.setSize(n);
            out.setNulls(nulls.mask());
            return out;
        };
    }

    // ---- to TIMESTAMP ----

    private static CastKernel toTimestamp(DataType from, ZoneConversions zones) {
        if (from instanceof DateType) {
            return (in, n, failed) -> {
                int[] a = ((IntVector) in).values();
                long[] out = new long[Math.max(n, 1)];
                for (int i = 0; i < n; i++) {
                    out[i] = zones.daysToMicros(a[i]);
                }
                return LongVector.wrap(TimestampType.INSTANCE, out, n, in.nulls());
            };
        }
        if (from instanceof IntegerType || from instanceof LongType) {
            boolean isLong = from instanceof LongType;
            return (in, n, failed) -> {
                long[] out = new long[Math.max(n, 1)];
                if (isLong) {
                    long[] a = ((LongVector) in).values();
                    for (int i = 0; i < n; i++) {
                        out[i] = secondsToMicros(a[i]);
                    }
                } else {
                    int[] a = ((IntVector) in).values();
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] * DateTimeUtils.MICROS_PER_SECOND;
                    }
                }
                return LongVector.wrap(TimestampType.INSTANCE, out, n, in.nulls());
            };
        }
        if (from instanceof DoubleType) {
            return (in, n, failed) -> {
                double[] a = ((DoubleVector) in).values();
                return longs(TimestampType.INSTANCE, in, n, failed, (i, nulls) -> {
                    double x = a[i];
                    if (Double.isNaN(x) || Double.isInfinite(x)) {
                        nulls.fail(i, () -> ExecutionErrors.castInvalidInput(x, DoubleType.INSTANCE,
                                TimestampType.INSTANCE));
                        return 0;
                    }
                    double micros = x * DateTimeUtils.MICROS_PER_SECOND;
                    if (!(Math.floor(micros) <= Long.MAX_VALUE && Math.ceil(micros) >= Long.MIN_VALUE)) {
                        nulls.fail(i, () -> ExecutionErrors.castOverflow(x, DoubleType.INSTANCE,
                                TimestampType.INSTANCE));
                        return 0;
                    }
                    return (long) micros;
                });
            };
        }
        if (from instanceof DecimalType) {
            BigDecimal microsPerSecond = BigDecimal.valueOf(DateTimeUtils.MICROS_PER_SECOND);
            return (in, n, failed) -> {
                DecimalVector dv = (DecimalVector) in;
                return longs(TimestampType.INSTANCE, in, n, failed,
                        (i, nulls) -> dv.getDecimal(i).multiply(microsPerSecond).longValue());
            };
        }
        return null;
    }

    /** Seconds to micros, saturating like Spark's {@code SECONDS.toMicros}. */
    private static long secondsToMicros(long seconds) {
        long max = Long.MAX_VALUE / DateTimeUtils.MICROS_PER_SECOND;
        if (seconds > max) {
            return Long.MAX_VALUE;
        }
        if (seconds < -max) {
            return Long.MIN_VALUE;
        }
        return seconds * DateTimeUtils.MICROS_PER_SECOND;
    }
}
