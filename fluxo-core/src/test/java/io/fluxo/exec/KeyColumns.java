package io.fluxo.exec;

import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.ColumnVector;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Random key columns for hash tables and hash partitioning: values from a small domain (so keys repeat) with the
 * awkward ones mixed in (extremes, empty and long strings, NaN, -0.0), and NULLs whose slots hold a leftover value,
 * as kernels leave them; plus the reference notion of key equality those structures must honour.
 */
public final class KeyColumns {
    private static final long[] SPECIAL_LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0};
    private static final int[] SPECIAL_INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0};
    private static final double[] SPECIAL_DOUBLES = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.longBitsToDouble(0x7ff8000000000123L), Double.MIN_VALUE};
    private static final String[] SPECIAL_STRINGS = {"", " ", "é", "\uD83D\uDE00", "a\u0000b", "kk"};

    private KeyColumns() {
    }

    /** A non-null value of {@code type}, most from {@code spread} distinct ones. */
    public static Object randomValue(DataType type, Random random, int spread) {
        if (type instanceof StructType struct) {
            Object[] fields = new Object[struct.size()];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = random.nextInt(8) == 0 ? null : randomValue(struct.field(f).dataType(), random, spread);
            }
            return fields;
        }
        int n = random.nextInt(spread);
        if (type instanceof LongType || type instanceof TimestampType) {
            return random.nextInt(20) == 0 ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)]
                    : (long) n - spread / 2;
        }
        if (type instanceof IntegerType || type instanceof DateType) {
            return random.nextInt(20) == 0 ? SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)] : n - spread / 2;
        }
        if (type instanceof DoubleType) {
            return random.nextInt(3) == 0 ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)] : n / 4.0;
        }
        if (type instanceof BooleanType) {
            return n % 2 == 0;
        }
        String s = random.nextInt(8) == 0 ? SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)]
                : random.nextInt(30) == 0 ? "long" + "x".repeat(300 + random.nextInt(3000)) + n : "k" + n;
        if (type instanceof BinaryType) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (type instanceof StringType) {
            return s;
        }
        throw new IllegalArgumentException("no random keys of " + type);
    }

    /**
     * A vector of {@code values}; each NULL is written as a random non-null value first and then marked null, so
     * its slot (or its bytes) is not the empty default.
     */
    public static ColumnVector vector(DataType type, List<Object> values, Random random) {
        ColumnVector v = ColumnVector.allocate(type, Math.max(1, values.size()));
        for (Object value : values) {
            if (value == null) {
                v.appendObject(randomValue(type, random, 1000));
                v.setNull(v.size() - 1);
            } else {
                v.appendObject(value);
            }
        }
        return v;
    }

    /**
     * A value as SQL grouping compares it, for use in a Java map key: -0.0 is 0.0, every NaN one NaN, binaries by
     * content.
     */
    public static Object groupingValue(Object value) {
        if (value instanceof Double d) {
            return d == 0.0 ? 0.0 : d.isNaN() ? Double.NaN : d;
        }
        if (value instanceof byte[] b) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        if (value instanceof Object[] fields) {
            List<Object> out = new java.util.ArrayList<>();
            for (Object f : fields) {
                out.add(groupingValue(f));
            }
            return out;
        }
        return value;
    }
}
