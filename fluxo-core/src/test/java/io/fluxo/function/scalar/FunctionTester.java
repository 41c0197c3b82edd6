package io.fluxo.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.function.BoundScalarFunction;
import io.fluxo.function.EvalContext;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.function.ScalarFunction;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.ColumnVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calls built-in functions the way execution does: binds through the registry with argument types (and constant
 * values for literals), builds argument vectors of the bound input types (casting test values the simple way), and
 * evaluates whole vectors.
 */
final class FunctionTester {
    static final FunctionRegistry REGISTRY = FunctionRegistry.builtin();
    /** 2024-01-02T03:04:05.123456Z as "now". */
    static final long NOW = DateTimeUtils.toMicros(Instant.parse("2024-01-02T03:04:05.123456Z"));
    static final EvalContext UTC = new EvalContext(ZoneOffset.UTC, NOW);

    /** One argument: its type, its rows, and whether it is a literal. */
    record Arg(DataType type, List<Object> values, boolean constant) {
    }

    private FunctionTester() {
    }

    static Arg col(DataType type, Object... values) {
        return new Arg(type, Arrays.asList(values), false);
    }

    static Arg lit(Object value) {
        return new Arg(typeOf(value), Arrays.asList(value), true);
    }

    static Arg lit(DataType type, Object value) {
        return new Arg(type, Arrays.asList(value), true);
    }

    static Arg strings(String... values) {
        return col(StringType.INSTANCE, (Object[]) values);
    }

    static Arg ints(Integer... values) {
        return col(IntegerType.INSTANCE, (Object[]) values);
    }

    static Arg longs(Long... values) {
        return col(LongType.INSTANCE, (Object[]) values);
    }

    static Arg doubles(Double... values) {
        return col(DoubleType.INSTANCE, (Object[]) values);
    }

    static DataType typeOf(Object value) {
        if (value == null) {
            return NullType.INSTANCE;
        }
        if (value instanceof Integer) {
            return IntegerType.INSTANCE;
        }
        if (value instanceof Long) {
            return LongType.INSTANCE;
        }
        if (value instanceof Double) {
            return DoubleType.INSTANCE;
        }
        if (value instanceof Boolean) {
            return BooleanType.INSTANCE;
        }
        if (value instanceof BigDecimal d) {
            return new DecimalType(Math.max(d.precision(), d.scale()), d.scale());
        }
        if (value instanceof String) {
            return StringType.INSTANCE;
        }
        throw new IllegalArgumentException("no literal type for " + value);
    }

    static BoundScalarFunction bind(String name, Arg... args) {
        return bind(ZoneOffset.UTC, name, args);
    }

    static BoundScalarFunction bind(ZoneId zone, String name, Arg... args) {
        ScalarFunction f = REGISTRY.scalar(name).orElseThrow(() -> new AssertionError("no function " + name));
        List<FunctionArg> fargs = new ArrayList<>();
        for (Arg a : args) {
            fargs.add(a.constant() ? FunctionArg.constant(a.type(), internal(a.values().get(0), a.type(), zone))
                    : FunctionArg.of(a.type(), a.values().contains(null)));
        }
        return f.bind(fargs);
    }

    /** Test values of DATE and TIMESTAMP arguments may be given as text; this turns them into internal form. */
    static Object internal(Object value, DataType type, ZoneId zone) {
        if (value instanceof String s && (type instanceof DateType || type instanceof TimestampType)) {
            return cast(s, StringType.INSTANCE, type, zone);
        }
        return value;
    }

    static ColumnVector evalVector(EvalContext context, String name, Arg... args) {
        BoundScalarFunction bound = bind(context.zone(), name, args);
        int rows = 1;
        for (Arg a : args) {
            if (!a.constant()) {
                rows = a.values().size();
            }
        }
        if (args.length > 0 && Arrays.stream(args).allMatch(Arg::constant)) {
            rows = 1;
        }
        assertThat(bound.inputTypes()).hasSize(args.length);
        ColumnVector[] vectors = new ColumnVector[args.length];
        for (int i = 0; i < args.length; i++) {
            DataType target = bound.inputTypes().get(i);
            ColumnVector v = ColumnVector.allocate(target, rows);
            for (int r = 0; r < rows; r++) {
                Object value = internal(args[i].constant() ? args[i].values().get(0) : args[i].values().get(r),
                        args[i].type(), context.zone());
                v.appendObject(cast(value, args[i].type(), target, context.zone()));
            }
            vectors[i] = v;
        }
        ColumnVector out = bound.evaluate(vectors, rows, context);
        assertThat(out.size()).as("result rows").isEqualTo(rows);
        assertThat(out.type()).isEqualTo(bound.resultType());
        return out;
    }

    static List<Object> eval(String name, Arg... args) {
        return values(evalVector(UTC, name, args));
    }

    static List<Object> evalIn(ZoneId zone, String name, Arg... args) {
        return values(evalVector(new EvalContext(zone, NOW), name, args));
    }

    /** The single row of a call whose arguments are all literals. */
    static Object eval1(String name, Object... literals) {
        Arg[] args = new Arg[literals.length];
        for (int i = 0; i < literals.length; i++) {
            args[i] = literals[i] instanceof Arg a ? a : lit(literals[i]);
        }
        List<Object> out = eval(name, args);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    static List<Object> values(ColumnVector v) {
        List<Object> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(v.getObject(i));
        }
        return out;
    }

    /** The conversions tests need between test values and bound input types (not the engine's cast). */
    static Object cast(Object value, DataType from, DataType to, ZoneId zone) {
        if (value == null || from.equals(to)) {
            return value;
        }
        if (to instanceof StringType) {
            if (from instanceof DateType) {
                return DateTimeUtils.formatDate((Integer) value);
            }
            if (from instanceof TimestampType) {
                return DateTimeUtils.formatTimestamp((Long) value, zone);
            }
            return value.toString();
        }
        if (to instanceof IntegerType) {
            return value instanceof String s ? Integer.valueOf(s.strip()) : ((Number) value).intValue();
        }
        if (to instanceof LongType) {
            return value instanceof String s ? Long.valueOf(s.strip()) : ((Number) value).longValue();
        }
        if (to instanceof DoubleType) {
            return value instanceof String s ? Double.valueOf(s.strip()) : ((Number) value).doubleValue();
        }
        if (to instanceof DecimalType d) {
            BigDecimal b = value instanceof BigDecimal x ? x : new BigDecimal(value.toString());
            return b.setScale(d.scale(), RoundingMode.HALF_UP);
        }
        if (to instanceof DateType) {
            if (value instanceof String s) {
                return DateTimeUtils.parseDate(s);
            }
            return (int) Math.floorDiv(((Number) value).longValue(), DateTimeUtils.MICROS_PER_DAY);
        }
        if (to instanceof TimestampType) {
            if (value instanceof String s) {
                return DateTimeUtils.parseTimestamp(s, zone);
            }
            return DateTimeUtils.toMicros(DateTimeUtils.toLocalDate((Integer) value).atStartOfDay(zone).toInstant());
        }
        if (to instanceof BinaryType && value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (to instanceof ArrayType ta && from instanceof ArrayType fa) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) value) {
                out.add(cast(o, fa.elementType(), ta.elementType(), zone));
            }
            return out;
        }
        if (from instanceof NullType || (to instanceof ArrayType && from instanceof ArrayType)) {
            return value;
        }
        throw new IllegalArgumentException("test cast " + from + " -> " + to);
    }

    static long micros(String isoInstant) {
        return DateTimeUtils.toMicros(Instant.parse(isoInstant));
    }

    static int days(String date) {
        return DateTimeUtils.parseDate(date);
    }
}
