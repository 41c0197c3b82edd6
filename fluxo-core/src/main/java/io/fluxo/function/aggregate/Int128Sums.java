package io.fluxo.function.aggregate;

import io.fluxo.types.DecimalType;
import io.fluxo.vector.DecimalVector;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact per-group sums of unscaled decimals as 128-bit two's-complement integers in two long arrays, so summing
 * compact decimals stays on primitives. 128 bits hold every DECIMAL(38) value and 2^64 additions of 18-digit ones.
 */
final class Int128Sums {
    private static final BigInteger[] POWERS_OF_TEN = new BigInteger[DecimalType.MAX_PRECISION + 1];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
        }
    }

    private long[] high = new long[0];
    private long[] low = new long[0];

    void ensureCapacity(int numGroups) {
        high = AggregateState.grow(high, numGroups);
        low = AggregateState.grow(low, numGroups);
    }

    /** Adds the non-null rows of a decimal vector (all of the sum's scale) into their groups. */
    void add(int[] groupIds, DecimalVector values, int numRows) {
        boolean[] nulls = values.nulls();
        long[] hi = high;
        long[] lo = low;
        if (values.isCompact()) {
            long[] v = values.unscaledValues();
            for (int i = 0; i < numRows; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = groupIds[i];
                    long x = v[i];
                    long l = lo[g];
                    long r = l + x;
                    hi[g] += (x >> 63) + (Long.compareUnsigned(r, l) < 0 ? 1 : 0);
                    lo[g] = r;
                }
            }
        } else {
            BigDecimal[] v = values.wideValues();
            for (int i = 0; i < numRows; i++) {
                if (nulls == null || !nulls[i]) {
                    addWide(groupIds[i], v[i].unscaledValue(), values.decimalType());
                }
            }
        }
    }

    private void addWide(int g, BigInteger x, DecimalType type) {
        if (x.bitLength() > 127) {
            throw AggregateErrors.decimalOutOfRange(new BigDecimal(x, type.scale()), type);
        }
        long xLow = x.longValue();
        long xHigh = x.shiftRight(64).longValue();
        long l = low[g];
        long r = l + xLow;
        long carry = Long.compareUnsigned(r, l) < 0 ? 1 : 0;
        long h = high[g];
        long newHigh = h + xHigh + carry;
        if (((h ^ newHigh) & (xHigh ^ newHigh)) < 0) {
            throw AggregateErrors.decimalOutOfRange(new BigDecimal(x, type.scale()), type);
        }
        high[g] = newHigh;
        low[g] = r;
    }

    /** The exact unscaled sum of group {@code g}. */
    BigInteger get(int g) {
        long h = high[g];
        long l = low[g];
        if (h == (l >> 63)) {
            return BigInteger.valueOf(l);
        }
        return BigInteger.valueOf(h).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(l)));
    }

    /** Appends group {@code g}'s sum at {@code type} (same scale), failing as ANSI does when it does not fit. */
    void write(int g, DecimalVector out) {
        DecimalType type = out.decimalType();
        long h = high[g];
        long l = low[g];
        if (h == (l >> 63) && type.isCompact()) {
            if (l > -pow10Long(type.precision()) && l < pow10Long(type.precision())) {
                out.appendUnscaled(l);
                return;
            }
            throw AggregateErrors.decimalOutOfRange(BigDecimal.valueOf(l, type.scale()), type);
        }
        out.appendDecimal(checkedDecimal(get(g), type));
    }

    /** {@code unscaled} at {@code type}'s scale, or NUMERIC_VALUE_OUT_OF_RANGE when it needs more digits. */
    static BigDecimal checkedDecimal(BigInteger unscaled, DecimalType type) {
        BigDecimal value = new BigDecimal(unscaled, type.scale());
        if (unscaled.abs().compareTo(POWERS_OF_TEN[type.precision()]) >= 0) {
            throw AggregateErrors.decimalOutOfRange(value, type);
        }
        return value;
    }

    private static long pow10Long(int precision) {
        return POWERS_OF_TEN[precision].longValueExact();
    }

    long sizeInBytes() {
        return 16L * high.length;
    }
}
