package io.fluxo.function.scalar;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Math functions with Spark's typing: abs and mod keep their argument type, round keeps it too (HALF_UP; bround
 * HALF_EVEN), floor/ceil turn DOUBLE into BIGINT and DECIMAL(p,s) into DECIMAL(p-s+1,0), the transcendental
 * functions work on DOUBLE, and ANSI overflow or a zero divisor is an error.
 */
public final class MathFunctions {
    private static final DataType DOUBLE = DoubleType.INSTANCE;
    private static final DataType INT = IntegerType.INSTANCE;
    private static final DataType BIGINT = LongType.INSTANCE;
    private static final double TWO_TO_52 = 4503599627370496.0;
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long[] LONG_POWERS_OF_TEN = new long[19];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
        long q = 1;
        for (int i = 0; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = q;
            q *= 10;
        }
    }

    private MathFunctions() {
    }

    /** Unary DOUBLE functions evaluated by one loop; the operation is constant per batch, so its switch predicts. */
    private enum DoubleOp {
        SQRT, EXP, EXPM1, CBRT, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, DEGREES, RADIANS, SIGNUM, COT,
        LN, LOG10, LOG2, LOG1P
    }

    public static void register(FunctionRegistry registry) {
        registry.register(FunctionDefinition.of("abs", 1, 1, MathFunctions::bindAbs));
        registry.register(FunctionDefinition.of("round", 1, 2, b -> bindRound(b, RoundingMode.HALF_UP)));
        registry.register(FunctionDefinition.of("bround", 1, 2, b -> bindRound(b, RoundingMode.HALF_EVEN)));
        registry.register(FunctionDefinition.of("floor", 1, 2, b -> bindFloorCeil(b, RoundingMode.FLOOR)));
        registry.register(FunctionDefinition.of("ceil", 1, 2, b -> bindFloorCeil(b, RoundingMode.CEILING))
                .withAliases("ceiling"));
        registry.register(FunctionDefinition.of("pow", 2, 2, MathFunctions::bindPow).withAliases("power"));
        registry.register(FunctionDefinition.of("mod", 2, 2, b -> bindMod(b, false)));
        registry.register(FunctionDefinition.of("pmod", 2, 2, b -> bindMod(b, true)));
        registry.register(FunctionDefinition.of("log", 1, 2, MathFunctions::bindLog));
        registry.register(FunctionDefinition.of("greatest", 2, FunctionDefinition.VARARGS, b -> bindExtreme(b, 1)));
        registry.register(FunctionDefinition.of("least", 2, FunctionDefinition.VARARGS, b -> bindExtreme(b, -1)));
        registry.register(FunctionDefinition.of("pi", 0, 0, b -> constant(Math.PI)));
        registry.register(FunctionDefinition.of("e", 0, 0, b -> constant(Math.E)));
        registerUnary(registry, "sqrt", DoubleOp.SQRT);
        registerUnary(registry, "exp", DoubleOp.EXP);
        registerUnary(registry, "expm1", DoubleOp.EXPM1);
        registerUnary(registry, "cbrt", DoubleOp.CBRT);
        registerUnary(registry, "sin", DoubleOp.SIN);
        registerUnary(registry, "cos", DoubleOp.COS);
        registerUnary(registry, "tan", DoubleOp.TAN);
        registerUnary(registry, "cot", DoubleOp.COT);
        registerUnary(registry, "asin", DoubleOp.ASIN);
        registerUnary(registry, "acos", DoubleOp.ACOS);
        registerUnary(registry, "atan", DoubleOp.ATAN);
        registerUnary(registry, "sinh", DoubleOp.SINH);
        registerUnary(registry, "cosh", DoubleOp.COSH);
        registerUnary(registry, "tanh", DoubleOp.TANH);
        registerUnary(registry, "degrees", DoubleOp.DEGREES);
        registerUnary(registry, "radians", DoubleOp.RADIANS);
        registry.register(FunctionDefinition.of("sign", 1, 1, b -> bindUnary(b, DoubleOp.SIGNUM))
                .withAliases("signum"));
        registerUnary(registry, "ln", DoubleOp.LN);
        registerUnary(registry, "log10", DoubleOp.LOG10);
        registerUnary(registry, "log2", DoubleOp.LOG2);
        registerUnary(registry, "log1p", DoubleOp.LOG1P);
        registry.register(FunctionDefinition.of("atan2", 2, 2, b -> bindBinaryDouble(b, false)));
        registry.register(FunctionDefinition.of("hypot", 2, 2, b -> bindBinaryDouble(b, true)));
    }

    private static BoundFunction constant(double value) {
        return BoundFunction.of(DOUBLE, List.of(), (a, n, c) -> ConstantVectors.of(DOUBLE, value, n))
                .withNullability(Nullability.NEVER);
    }

    // ---- unary DOUBLE functions ------------------------------------------------------------------------------

    private static void registerUnary(FunctionRegistry registry, String name, DoubleOp op) {
        registry.register(FunctionDefinition.of(name, 1, 1, b -> bindUnary(b, op)));
    }

    private static BoundFunction bindUnary(Binding b, DoubleOp op) {
        BoundFunction bound = BoundFunction.of(DOUBLE, List.of(b.expect(0, DOUBLE)),
                (a, n, c) -> unaryDouble((DoubleVector) a[0], n, op));
        return asymptote(op) == null ? bound : bound.withNullability(Nullability.ALWAYS);
    }

    /** Spark's logarithms return NULL at or below their asymptote instead of -Infinity or NaN. */
    private static Double asymptote(DoubleOp op) {
        switch (op) {
            case LN:
            case LOG10:
            case LOG2:
                return 0.0;
            case LOG1P:
                return -1.0;
            default:
                return null;
        }
    }

    private static ColumnVector unaryDouble(DoubleVector in, int n, DoubleOp op) {
        double[] x = in.values();
        double[] out = new double[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            out[i] = apply(op, x[i]);
        }
        boolean[] nulls = NullMasks.copy(in, n);
        Double limit = asymptote(op);
        if (limit != null) {
            double lim = limit;
            for (int i = 0; i < n; i++) {
                if (x[i] <= lim) {
                    nulls = NullMasks.set(nulls, n, i);
                }
            }
        }
        return DoubleVector.wrap(out, n, nulls);
    }

    private static double apply(DoubleOp op, double x) {
        switch (op) {
            case SQRT:
                return Math.sqrt(x);
            case EXP:
                return Math.exp(x);
            case EXPM1:
                return Math.expm1(x);
            case CBRT:
                return Math.cbrt(x);
            case SIN:
                return Math.sin(x);
            case COS:
                return Math.cos(x);
            case TAN:
                return Math.tan(x);
            case COT:
                return 1.0 / Math.tan(x);
            case ASIN:
                return Math.asin(x);
            case ACOS:
                return Math.acos(x);
            case ATAN:
                return Math.atan(x);
            case SINH:
                return Math.sinh(x);
            case COSH:
                return Math.cosh(x);
            case TANH:
                return Math.tanh(x);
            case DEGREES:
                return Math.toDegrees(x);
            case RADIANS:
                return Math.toRadians(x);
            case SIGNUM:
                return Math.signum(x);
            case LN:
                return Math.log(x);
            case LOG10:
                return Math.log10(x);
            case LOG2:
                return Math.log(x) / Math.log(2);
            case LOG1P:
                return Math.log1p(x);
            default:
                throw new IllegalStateException(op.name());
        }
    }

    private static BoundFunction bindLog(Binding b) {
        if (b.count() == 1) {
            return bindUnary(b, DoubleOp.LN);
        }
        return BoundFunction.of(DOUBLE, List.of(b.expect(0, DOUBLE), b.expect(1, DOUBLE)), (a, n, c) -> {
            double[] base = ((DoubleVector) a[0]).values();
            double[] x = ((DoubleVector) a[1]).values();
            double[] out = new double[Math.max(n, 1)];
            boolean[] nulls = NullMasks.union(n, a);
            for (int i = 0; i < n; i++) {
                if (base[i] <= 0 || x[i] <= 0) {
                    nulls = NullMasks.set(nulls, n, i);
                } else {
                    out[i] = Math.log(x[i]) / Math.log(base[i]);
                }
            }
            return DoubleVector.wrap(out, n, nulls);
        }).withNullability(Nullability.ALWAYS);
    }

    private static BoundFunction bindPow(Binding b) {
        return BoundFunction.of(DOUBLE, List.of(b.expect(0, DOUBLE), b.expect(1, DOUBLE)), (a, n, c) -> {
            double[] x = ((DoubleVector) a[0]).values();
            double[] y = ((DoubleVector) a[1]).values();
            double[] out = new double[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = Math.pow(x[i], y[i]);
            }
            return DoubleVector.wrap(out, n, NullMasks.union(n, a));
        });
    }

    private static BoundFunction bindBinaryDouble(Binding b, boolean hypot) {
        return BoundFunction.of(DOUBLE, List.of(b.expect(0, DOUBLE), b.expect(1, DOUBLE)), (a, n, c) -> {
            double[] x = ((DoubleVector) a[0]).values();
            double[] y = ((DoubleVector) a[1]).values();
            double[] out = new double[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = hypot ? Math.hypot(x[i], y[i]) : Math.atan2(x[i], y[i]);
            }
            return DoubleVector.wrap(out, n, NullMasks.union(n, a));
        });
    }

    // ---- abs ------------------------------------------------------------------------------------------------

    private static BoundFunction bindAbs(Binding b) {
        DataType t = b.expectNumeric(0);
        return BoundFunction.of(t, List.of(t), (a, n, c) -> abs(a[0], n));
    }

    private static ColumnVector abs(ColumnVector v, int n) {
        boolean[] nulls = NullMasks.copy(v, n);
        if (v instanceof IntVector iv) {
            int[] x = iv.values();
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (x[i] == Integer.MIN_VALUE && !(nulls != null && nulls[i])) {
                    throw FunctionErrors.arithmeticOverflow("integer", null);
                }
                out[i] = Math.abs(x[i]);
            }
            return IntVector.wrap(INT, out, n, nulls);
        }
        if (v instanceof LongVector lv) {
            long[] x = lv.values();
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (x[i] == Long.MIN_VALUE && !(nulls != null && nulls[i])) {
                    throw FunctionErrors.arithmeticOverflow("long", null);
                }
                out[i] = Math.abs(x[i]);
            }
            return LongVector.wrap(BIGINT, out, n, nulls);
        }
        if (v instanceof DoubleVector dv) {
            double[] x = dv.values();
            double[] out = new double[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = Math.abs(x[i]);
            }
            return DoubleVector.wrap(out, n, nulls);
        }
        DecimalVector in = (DecimalVector) v;
        DecimalVector out = new DecimalVector(in.decimalType(), n);
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) {
                continue;
            }
            if (in.isCompact()) {
                out.setUnscaled(i, Math.abs(in.getUnscaled(i)));
            } else {
                out.setDecimal(i, in.getDecimal(i).abs());
            }
        }
        out.setSize(n);
        out.setNulls(nulls);
        return out;
    }

    // ---- round, bround, floor, ceil --------------------------------------------------------------------------

    private static int requireScale(Binding b) {
        if (b.count() < 2) {
            return 0;
        }
        b.expect(1, INT);
        if (!b.isConstant(1)) {
            throw FunctionErrors.nonFoldableInput(b.function(), "`scale`", INT);
        }
        Integer scale = b.constantInt(1);
        if (scale == null) {
            throw FunctionErrors.typeMismatch(b.function(), "UNEXPECTED_NULL", "The `scale` must not be null.");
        }
        return scale;
    }

    /** Spark's RoundBase result type for decimals: one more integral digit, scale at most the input's. */
    static DecimalType roundedDecimalType(DecimalType t, int scale) {
        int integralDigits = t.precision() - t.scale() + 1;
        if (scale < 0) {
            return new DecimalType(Math.min(Math.max(integralDigits, -scale + 1), DecimalType.MAX_PRECISION), 0);
        }
        int newScale = Math.min(t.scale(), scale);
        return new DecimalType(Math.min(integralDigits + newScale, DecimalType.MAX_PRECISION), newScale);
    }

    private static BoundFunction bindRound(Binding b, RoundingMode mode) {
        DataType t = b.expectNumeric(0);
        int scale = requireScale(b);
        List<DataType> inputs = b.count() == 2 ? List.of(t, INT) : List.of(t);
        if (t instanceof DecimalType d) {
            DecimalType result = roundedDecimalType(d, scale);
            return BoundFunction.of(result, inputs, (a, n, c) -> roundDecimal((DecimalVector) a[0], n, scale, mode,
                    result));
        }
        return BoundFunction.of(t, inputs, (a, n, c) -> {
            if (a[0] instanceof DoubleVector dv) {
                double[] x = dv.values();
                double[] out = new double[Math.max(n, 1)];
                boolean halfEven = mode == RoundingMode.HALF_EVEN;
                for (int i = 0; i < n; i++) {
                    out[i] = roundDouble(x[i], scale, halfEven);
                }
                return DoubleVector.wrap(out, n, NullMasks.copy(dv, n));
            }
            return roundIntegral(a[0], n, scale, mode);
        });
    }

    private static BoundFunction bindFloorCeil(Binding b, RoundingMode mode) {
        if (b.count() == 2) {
            DataType t = b.expectDecimal(0);
            int scale = requireScale(b);
            DecimalType result = roundedDecimalType((DecimalType) t, scale);
            return BoundFunction.of(result, List.of(t, INT),
                    (a, n, c) -> roundDecimal((DecimalVector) a[0], n, scale, mode, result));
        }
        if (b.type(0) instanceof DecimalType d) {
            DecimalType result = DecimalType.bounded(d.precision() - d.scale() + 1, 0);
            return BoundFunction.of(result, List.of(d), (a, n, c) -> roundDecimal((DecimalVector) a[0], n, 0, mode,
                    result));
        }
        DataType t = b.type(0).isIntegral() ? BIGINT
                : b.expect(0, DOUBLE, "(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")");
        return BoundFunction.of(BIGINT, List.of(t), (a, n, c) -> {
            if (a[0] instanceof LongVector lv) {
                return lv;
            }
            double[] x = ((DoubleVector) a[0]).values();
            long[] out = new long[Math.max(n, 1)];
            if (mode == RoundingMode.FLOOR) {
                for (int i = 0; i < n; i++) {
                    out[i] = (long) Math.floor(x[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = (long) Math.ceil(x[i]);
                }
            }
            return LongVector.wrap(BIGINT, out, n, NullMasks.copy(a[0], n));
        });
    }

    /**
     * Rounds like Spark's {@code BigDecimal(x).setScale(scale, mode).toDouble}, where Scala's BigDecimal(x) reads the
     * double's shortest decimal text: arithmetic fast path when the result is unambiguous, BigDecimal otherwise.
     */
    static double roundDouble(double x, int scale, boolean halfEven) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        if (scale >= 0 && scale < POWERS_OF_TEN.length) {
            double p = POWERS_OF_TEN[scale];
            double y = scale == 0 ? x : x * p;
            double ay = Math.abs(y);
            if (ay < TWO_TO_52) {
                double f = Math.floor(ay);
                double diff = ay - f;
                boolean exact = scale == 0;
                if (exact || Math.abs(diff - 0.5) > 64 * Math.ulp(ay)) {
                    double r;
                    if (diff > 0.5) {
                        r = f + 1;
                    } else if (diff < 0.5) {
                        r = f;
                    } else {
                        r = halfEven && f % 2 == 0 ? f : f + 1;
                    }
                    if (r == 0) {
                        return 0.0; // BigDecimal has no negative zero
                    }
                    double signed = Math.copySign(r, x);
                    return scale == 0 ? signed : signed / p;
                }
            }
        }
        return BigDecimal.valueOf(x).setScale(scale, halfEven ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** {@code x / p} rounded with {@code mode}; {@code p > 0}. */
    static long divideRounded(long x, long p, RoundingMode mode) {
        long q = x / p;
        long r = x % p;
        if (r == 0) {
            return q;
        }
        long ar = Math.abs(r);
        long sign = x < 0 ? -1 : 1;
        switch (mode) {
            case FLOOR:
                return r < 0 ? q - 1 : q;
            case CEILING:
                return r > 0 ? q + 1 : q;
            case HALF_UP:
                return ar >= p - ar ? q + sign : q;
            case HALF_EVEN:
                if (ar > p - ar) {
                    return q + sign;
                }
                return ar == p - ar && (q & 1) != 0 ? q + sign : q;
            default:
                throw new IllegalArgumentException(mode.name());
        }
    }

    private static ColumnVector roundIntegral(ColumnVector v, int n, int scale, RoundingMode mode) {
        if (scale >= 0) {
            return v;
        }
        boolean[] nulls = NullMasks.copy(v, n);
        boolean isInt = v instanceof IntVector;
        long[] x = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            x[i] = isInt ? ((IntVector) v).get(i) : ((LongVector) v).get(i);
        }
        long[] out = new long[Math.max(n, 1)];
        int digits = -scale;
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            if (digits >= LONG_POWERS_OF_TEN.length) {
                out[i] = 0;
                continue;
            }
            long p = LONG_POWERS_OF_TEN[digits];
            try {
                out[i] = Math.multiplyExact(divideRounded(x[i], p, mode), p);
            } catch (ArithmeticException e) {
                throw FunctionErrors.arithmeticOverflow("long", null);
            }
            if (isInt && out[i] != (int) out[i]) {
                throw FunctionErrors.arithmeticOverflow("integer", null);
            }
        }
        if (isInt) {
            int[] ints = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                ints[i] = (int) out[i];
            }
            return IntVector.wrap(INT, ints, n, nulls);
        }
        return LongVector.wrap(BIGINT, out, n, nulls);
    }

    private static ColumnVector roundDecimal(DecimalVector in, int n, int scale, RoundingMode mode,
            DecimalType result) {
        DecimalVector out = new DecimalVector(result, n);
        int inScale = in.decimalType().scale();
        boolean fast = in.isCompact() && scale >= 0 && inScale - scale < LONG_POWERS_OF_TEN.length;
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) {
                continue;
            }
            if (fast) {
                long u = in.getUnscaled(i);
                out.setUnscaled(i, scale >= inScale ? u : divideRounded(u, LONG_POWERS_OF_TEN[inScale - scale], mode));
            } else {
                BigDecimal r = in.getDecimal(i).setScale(scale, mode);
                if (!out.fits(r)) {
                    throw new FluxoRuntimeException("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
                            r.toPlainString() + " cannot be represented as Decimal(" + result.precision() + ", "
                                    + result.scale() + "). If necessary set \"spark.sql.ansi.enabled\" to \"false\" "
                                    + "to bypass this error, and return NULL instead.");
                }
                out.setDecimal(i, r);
            }
        }
        out.setSize(n);
        out.setNulls(NullMasks.copy(in, n));
        return out;
    }

    // ---- mod, pmod -------------------------------------------------------------------------------------------

    private static BoundFunction bindMod(Binding b, boolean positive) {
        DataType l = b.expectNumeric(0);
        DataType r = b.expectNumeric(1);
        DataType common = ImplicitCasts.widerType(l, r);
        if (common instanceof DecimalType) {
            DecimalType dl = DecimalType.forType(l);
            DecimalType dr = DecimalType.forType(r);
            DecimalType wider = ImplicitCasts.widerDecimal(dl, dr);
            int scale = Math.max(dl.scale(), dr.scale());
            DecimalType result = DecimalType.bounded(
                    Math.min(dl.precision() - dl.scale(), dr.precision() - dr.scale()) + scale, scale);
            return BoundFunction.of(result, List.of(wider, wider),
                    (a, n, c) -> modDecimal((DecimalVector) a[0], (DecimalVector) a[1], n, positive, result))
                    .withNullability(Nullability.ANY_ARG);
        }
        return BoundFunction.of(common, List.of(common, common), (a, n, c) -> mod(a[0], a[1], n, positive));
    }

    private static FluxoRuntimeException remainderByZero() {
        return new FluxoRuntimeException("REMAINDER_BY_ZERO", "Remainder by zero. Use `try_mod` to tolerate divisor "
                + "being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to "
                + "bypass this error.");
    }

    private static ColumnVector mod(ColumnVector left, ColumnVector right, int n, boolean positive) {
        boolean[] nulls = NullMasks.union(n, left, right);
        if (left instanceof IntVector li) {
            int[] x = li.values();
            int[] y = ((IntVector) right).values();
            int[] out = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                if (y[i] == 0) {
                    throw remainderByZero();
                }
                int m = x[i] % y[i];
                out[i] = positive && m < 0 ? (m + y[i]) % y[i] : m;
            }
            return IntVector.wrap(INT, out, n, nulls);
        }
        if (left instanceof LongVector ll) {
            long[] x = ll.values();
            long[] y = ((LongVector) right).values();
            long[] out = new long[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                if (y[i] == 0) {
                    throw remainderByZero();
                }
                long m = x[i] % y[i];
                out[i] = positive && m < 0 ? (m + y[i]) % y[i] : m;
            }
            return LongVector.wrap(BIGINT, out, n, nulls);
        }
        double[] x = ((DoubleVector) left).values();
        double[] y = ((DoubleVector) right).values();
        double[] out = new double[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            if (y[i] == 0) {
                throw remainderByZero();
            }
            double m = x[i] % y[i];
            out[i] = positive && m < 0 ? (m + y[i]) % y[i] : m;
        }
        return DoubleVector.wrap(out, n, nulls);
    }

    private static ColumnVector modDecimal(DecimalVector left, DecimalVector right, int n, boolean positive,
            DecimalType result) {
        boolean[] nulls = NullMasks.union(n, left, right);
        DecimalVector out = new DecimalVector(result, n);
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            BigDecimal y = right.getDecimal(i);
            if (y.signum() == 0) {
                throw remainderByZero();
            }
            BigDecimal m = left.getDecimal(i).remainder(y);
            if (positive && m.signum() < 0) {
                m = m.add(y).remainder(y);
            }
            out.setDecimal(i, m);
        }
        out.setSize(n);
        out.setNulls(nulls);
        return out;
    }

    // ---- greatest, least -------------------------------------------------------------------------------------

    /** {@code sign} 1 for greatest, -1 for least; nulls are skipped, the result is null only if all are. */
    private static BoundFunction bindExtreme(Binding b, int sign) {
        DataType common = b.commonTypeOfRange(0, b.count());
        if (!common.isOrderable() || common instanceof MapType) {
            throw FunctionErrors.typeMismatch(b.function(), "INVALID_ORDERING_TYPE", "The `" + b.function()
                    + "` does not support ordering on type " + FunctionErrors.quote(common) + ".");
        }
        List<DataType> inputs = new ArrayList<>(Collections.nCopies(b.count(), common));
        return BoundFunction.of(common, inputs, (a, n, c) -> {
            int[] which = new int[Math.max(n, 1)];
            Arrays.fill(which, -1);
            if (a[0] instanceof LongVector) {
                for (int k = 0; k < a.length; k++) {
                    long[] v = ((LongVector) a[k]).values();
                    for (int i = 0; i < n; i++) {
                        if (!a[k].isNull(i) && (which[i] < 0
                                || Long.compare(v[i], ((LongVector) a[which[i]]).get(i)) * sign > 0)) {
                            which[i] = k;
                        }
                    }
                }
            } else if (a[0] instanceof DoubleVector) {
                for (int k = 0; k < a.length; k++) {
                    double[] v = ((DoubleVector) a[k]).values();
                    for (int i = 0; i < n; i++) {
                        if (!a[k].isNull(i) && (which[i] < 0 || ValueOrdering.compareDoubles(v[i],
                                ((DoubleVector) a[which[i]]).get(i)) * sign > 0)) {
                            which[i] = k;
                        }
                    }
                }
            } else {
                for (int k = 0; k < a.length; k++) {
                    for (int i = 0; i < n; i++) {
                        if (!a[k].isNull(i) && (which[i] < 0
                                || ValueOrdering.compare(a[k], i, a[which[i]], i) * sign > 0)) {
                            which[i] = k;
                        }
                    }
                }
            }
            return RowSelection.select(common, a, which, n);
        }).withNullability(Nullability.ALL_ARGS);
    }
}
