package io.fluxo.connector.file;

import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random values of a schema, in internal form, for write-then-read round trips. */
final class RandomRows {
    private static final String ALPHABET = "abcXYZ019 ,;\"'\\\t\r\n{}[]:é✓😀\u0000\u001f#|";
    private final Random random;

    RandomRows(long seed) {
        this.random = new Random(seed);
    }

    List<Object[]> rows(StructType schema, int count, double nullChance) {
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object[] row = new Object[schema.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = value(schema.field(c).dataType(), nullChance);
            }
            out.add(row);
        }
        return out;
    }

    Object value(DataType type, double nullChance) {
        if (random.nextDouble() < nullChance) {
            return null;
        }
        if (type instanceof BooleanType) {
            return random.nextBoolean();
        }
        if (type instanceof IntegerType) {
            return random.nextBoolean() ? random.nextInt() : random.nextInt(100) - 50;
        }
        if (type instanceof LongType) {
            return random.nextBoolean() ? random.nextLong() : (long) random.nextInt(1000);
        }
        if (type instanceof DoubleType) {
            switch (random.nextInt(8)) {
                case 0:
                    return Double.NaN;
                case 1:
                    return random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 2:
                    return random.nextInt(1000) / 8.0;
                case 3:
                    return -0.0;
                default:
                    return Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (random.nextBoolean() ? 1 : -1);
            }
        }
        if (type instanceof DecimalType d) {
            BigInteger unscaled = new BigInteger(d.precision() * 3, random).mod(BigInteger.TEN.pow(d.precision()));
            return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), d.scale());
        }
        if (type instanceof StringType) {
            return string();
        }
        if (type instanceof BinaryType) {
            byte[] b = new byte[random.nextInt(12)];
            random.nextBytes(b);
            return b;
        }
        if (type instanceof DateType) {
            return -719_162 + random.nextInt(2_932_896 + 719_162); // years 1..9999
        }
        if (type instanceof TimestampType) {
            long millis = -2_208_988_800_000L + (long) (random.nextDouble() * 6_311_433_600_000L); // 1900..2100
            return millis * 1000;
        }
        if (type instanceof ArrayType a) {
            List<Object> l = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                l.add(value(a.elementType(), 0.2));
            }
            return l;
        }
        if (type instanceof MapType m) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                map.put(string(), value(m.valueType(), 0.2));
            }
            return map;
        }
        if (type instanceof StructType s) {
            Object[] values = new Object[s.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(s.field(i).dataType(), 0.2);
            }
            return values;
        }
        throw new IllegalArgumentException(type.toString());
    }

    String string() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return sb.toString();
    }
}
