package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code approx_count_distinct(expr[, rsd])}: HyperLogLog++ laid out as Spark lays it out — 2^p six-bit registers,
 * ten to a long word, values hashed with XXH64 (seed 42) as Spark hashes them — with linear counting for small
 * cardinalities. The state is a group's register words as BINARY (little-endian), merged by register-wise max.
 * Spark's empirical bias correction of mid-range raw estimates is not applied.
 */
final class HyperLogLogPlusPlusAggregator implements GroupedAggregator {
    private static final int REGISTER_SIZE = 6;
    private static final int REGISTERS_PER_WORD = Long.SIZE / REGISTER_SIZE;
    private static final long REGISTER_MASK = (1L << REGISTER_SIZE) - 1;
    private static final long SEED = 42L;
    /** Spark's per-precision cardinalities (p = 4..18) below which the linear-counting estimate is used. */
    private static final double[] THRESHOLDS = {10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 15500, 20000, 50000,
        120000, 350000};

    private final int p;
    private final int m;
    private final int numWords;
    private final double alphaMM;
    private final DataType inputType;
    private long[] words = new long[0];
    private long[] hashes = new long[0];

    HyperLogLogPlusPlusAggregator(DataType inputType, int precision) {
        this.inputType = inputType;
        this.p = precision;
        this.m = 1 << precision;
        this.numWords = m / REGISTERS_PER_WORD + 1;
        double alpha;
        switch (precision) {
            case 4:
                alpha = 0.673;
                break;
            case 5:
                alpha = 0.697;
                break;
            case 6:
                alpha = 0.709;
                break;
            default:
                alpha = 0.7213 / (1.0 + 1.079 / m);
        }
        this.alphaMM = alpha * m * m;
    }

    /** Spark's precision for a relative standard deviation: {@code ceil(2 * log2(1.106 / rsd))}. */
    static int precisionFor(double relativeSd) {
        return (int) Math.ceil(2.0 * Math.log(1.106 / relativeSd) / Math.log(2.0));
    }

    static int stateBytes(int precision) {
        return ((1 << precision) / REGISTERS_PER_WORD + 1) * 8;
    }

    @Override
    public void ensureCapacity(int numGroups) {
        if ((long) numGroups * numWords > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many groups for approx_count_distinct: " + numGroups);
        }
        words = AggregateState.grow(words, numGroups * numWords);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        ColumnVector input = args[0];
        if (hashes.length < numRows) {
            hashes = new long[numRows];
        }
        hash(input, numRows, hashes);
        boolean[] nulls = input.nulls();
        int idxShift = Long.SIZE - p;
        long wPadding = 1L << (p - 1);
        long[] w = words;
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                long x = hashes[i];
                int idx = (int) (x >>> idxShift);
                long pw = Long.numberOfLeadingZeros((x << p) | wPadding) + 1L;
                int wordIndex = groupIds[i] * numWords + idx / REGISTERS_PER_WORD;
                int shift = REGISTER_SIZE * (idx % REGISTERS_PER_WORD);
                long word = w[wordIndex];
                if (pw > ((word >>> shift) & REGISTER_MASK)) {
                    w[wordIndex] = (word & ~(REGISTER_MASK << shift)) | (pw << shift);
                }
            }
        }
    }

    /** Spark's XXH64 hash of each row's value (null rows get an unused value). */
    private static void hash(ColumnVector input, int numRows, long[] out) {
        if (input instanceof LongVector longs) {
            long[] v = longs.values();
            for (int i = 0; i < numRows; i++) {
                out[i] = XxHash64.hashLong(v[i], SEED);
            }
        } else if (input instanceof IntVector ints) {
            int[] v = ints.values();
            for (int i = 0; i < numRows; i++) {
                out[i] = XxHash64.hashInt(v[i], SEED);
            }
        } else if (input instanceof DoubleVector doubles) {
            double[] v = doubles.values();
            for (int i = 0; i < numRows; i++) {
                out[i] = XxHash64.hashLong(normalizedBits(v[i]), SEED);
            }
        } else if (input instanceof BytesVector bytes) {
            byte[] data = bytes.data();
            int[] offsets = bytes.offsets();
            for (int i = 0; i < numRows; i++) {
                out[i] = XxHash64.hashBytes(data, offsets[i], offsets[i + 1] - offsets[i], SEED);
            }
        } else if (input instanceof BooleanVector booleans) {
            boolean[] v = booleans.values();
            for (int i = 0; i < numRows; i++) {
                out[i] = XxHash64.hashInt(v[i] ? 1 : 0, SEED);
            }
        } else if (input instanceof DecimalVector decimals && decimals.isCompact()) {
            long[] v = decimals.unscaledValues();
            for (int i = 0; i < numRows; i++) {
                out[i] = XxHash64.hashLong(v[i], SEED);
            }
        } else {
            DataType type = input.type();
            for (int i = 0; i < numRows; i++) {
                out[i] = input.isNull(i) ? SEED : hashValue(input.getObject(i), type, SEED);
            }
        }
    }

    private static long normalizedBits(double d) {
        return d == 0.0 ? 0L : Double.doubleToLongBits(d);
    }

    /** Spark's hash of an internal-form value; nested values chain the seed through their non-null parts. */
    private static long hashValue(Object value, DataType type, long seed) {
        if (value == null) {
            return seed;
        }
        if (type.isIntBacked()) {
            return XxHash64.hashInt((Integer) value, seed);
        }
        if (type.isLongBacked()) {
            return XxHash64.hashLong((Long) value, seed);
        }
        if (type instanceof DoubleType) {
            return XxHash64.hashLong(normalizedBits((Double) value), seed);
        }
        if (type instanceof BooleanType) {
            return XxHash64.hashInt((Boolean) value ? 1 : 0, seed);
        }
        if (type instanceof DecimalType d) {
            BigDecimal decimal = (BigDecimal) value;
            if (d.isCompact()) {
                return XxHash64.hashLong(decimal.unscaledValue().longValue(), seed);
            }
            byte[] bytes = decimal.unscaledValue().toByteArray();
            return XxHash64.hashBytes(bytes, 0, bytes.length, seed);
        }
        if (type instanceof ArrayType a) {
            long result = seed;
            for (Object element : (List<?>) value) {
                result = hashValue(element, a.elementType(), result);
            }
            return result;
        }
        if (type instanceof MapType mt) {
            long result = seed;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                result = hashValue(e.getKey(), mt.keyType(), result);
                result = hashValue(e.getValue(), mt.valueType(), result);
            }
            return result;
        }
        if (type instanceof StructType s) {
            Object[] fields = (Object[]) value;
            long result = seed;
            for (int f = 0; f < fields.length; f++) {
                result = hashValue(fields[f], s.field(f).dataType(), result);
            }
            return result;
        }
        byte[] bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
        return XxHash64.hashBytes(bytes, 0, bytes.length, seed);
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        BytesVector sketches = (BytesVector) states[0];
        byte[] data = sketches.data();
        long[] w = words;
        for (int i = 0; i < numRows; i++) {
            if (sketches.isNull(i)) {
                continue;
            }
            int base = groupIds[i] * numWords;
            int start = sketches.start(i);
            for (int k = 0; k < numWords; k++) {
                long other = readLong(data, start + 8 * k);
                long word = w[base + k];
                long merged = 0;
                long mask = REGISTER_MASK;
                for (int r = 0; r < REGISTERS_PER_WORD; r++) {
                    merged |= Math.max(word & mask, other & mask);
                    mask <<= REGISTER_SIZE;
                }
                w[base + k] = merged;
            }
        }
    }

    private static long readLong(byte[] data, int at) {
        long x = 0;
        for (int b = 7; b >= 0; b--) {
            x = (x << 8) | (data[at + b] & 0xFFL);
        }
        return x;
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        BytesVector o = (BytesVector) out[0];
        o.reserve(o.size() + count);
        byte[] buffer = new byte[numWords * 8];
        for (int g = from; g < from + count; g++) {
            int base = g * numWords;
            for (int k = 0; k < numWords; k++) {
                long word = words[base + k];
                for (int b = 0; b < 8; b++) {
                    buffer[8 * k + b] = (byte) (word >>> (8 * b));
                }
            }
            o.append(buffer);
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        LongVector o = (LongVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            o.append(estimate(g));
        }
    }

    private long estimate(int g) {
        double zInverse = 0.0;
        double zeros = 0.0;
        int base = g * numWords;
        int idx = 0;
        for (int k = 0; k < numWords; k++) {
            long word = words[base + k];
            for (int r = 0; r < REGISTERS_PER_WORD && idx < m; r++, idx++) {
                long register = (word >>> (r * REGISTER_SIZE)) & REGISTER_MASK;
                zInverse += 1.0 / (1L << register);
                if (register == 0) {
                    zeros += 1.0;
                }
            }
        }
        double e = alphaMM / zInverse;
        double estimate = e;
        if (zeros > 0) {
            double h = m * Math.log(m / zeros);
            if ((p < 19 && h <= THRESHOLDS[p - 4]) || e <= 2.5 * m) {
                estimate = h;
            }
        }
        return Math.round(estimate);
    }

    @Override
    public long sizeInBytes() {
        return 8L * words.length + 8L * hashes.length;
    }
}
