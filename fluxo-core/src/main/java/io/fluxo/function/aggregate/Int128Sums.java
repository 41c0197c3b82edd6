package io.fluxo.function.aggregate;

import io.fluxo.types.DecimalType;
import io.fluxo.vector.DecimalVector;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact per-group sums of unscaled decimals as 128-bit two's-complement integers in two long arrays, so summing
 * compact decimals stays on primitives. 128 bits hold every DECIMAL(38) value and 2^64 additions of 18-digit ones;
 * a group whose sum leaves them is marked overflowed, and fails (or is NULL) when written.
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
    private boolean[] overflowed = new boolean[0];

    void ensureCapacity(int numGroups) {
        high = AggregateState.grow(high, numGroups);
        low = AggregateState.grow(low, numGroups);
        overflowed = AggregateState.grow(overflowed, numGroups);
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
                    addWide(groupIds[i], v[i].unscaledValue());
                }
            }
        }
    }

    private void addWide(int g, BigInteger x) {
        if (x.bitLength() > 127) {
            overflowed[g] = true;
            return;
        }
        long xLow = x.longValue();
        long xHigh = x.shiftRight(64).longValue();
        long l = low[g];
        long r = l + xLow;
        long carry = Long.compareUnsigned(r, l) < 0 ? 1 : 0;
        long h = high[g];
        long partial = h + xHigh;
        long newHigh = partial + carry;
        // The high word overflows when exactly one of the two steps wraps (a negative wrap undone by the carry is
        // back in range).
        boolean firstWraps = ((h ^ partial) & (xHigh ^ partial)) < 0;
        boolean carryWraps = carry == 1 && newHigh == Long.MIN_VALUE;
        overflowed[g] |= firstWraps ^ carryWraps;
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

    /**
     * Appends group {@code g}'s sum at {@code type} (same scale). A sum that needs more digits is NULL when
     * {@code nullOnOverflow} (try_sum) and otherwise fails with NUMERIC_VALUE_OUT_OF_RANGE, as in ANSI mode.
     */
    void write(int g, DecimalVector out, boolean nullOnOverflow) {
        DecimalType type = out.decimalType();
        long h = high[g];
        long l = low[g];
        if (overflowed[g]) {
            if (nullOnOverflow) {
                out.appendNull();
                return;
            }
            throw AggregateErrors.decimalOutOfRange("a sum of more than 38 digits", type);
        }
        if (h == (l >> 63) && type.isCompact()) {
            long limit = POWERS_OF_TEN[type.precision()].longValueExact();
            if (l > -limit && l < limit) {
                out.appendUnscaled(l);
            } else if (nullOnOverflow) {
                out.appendNull();
            } else {
                throw AggregateErrors.decimalOutOfRange(BigDecimal.valueOf(l, type.scale()).toPlainString(), type);
            }
            return;
        }
        BigInteger sum = get(g);
        if (nullOnOverflow && !fits(sum, type)) {
            out.appendNull();
        } else {
            out.appendDecimal(checkedDecimal(sum, type));
        }
    }

    /** The sum of group {@code g} at {@code type}, or NUMERIC_VALUE_OUT_OF_RANGE when it does not fit. */
    BigDecimal checkedSum(int g, DecimalType type) {
        if (overflowed[g]) {
            throw AggregateErrors.decimalOutOfRange("a sum of more than 38 digits", type);
        }
        return checkedDecimal(get(g), type);
    }

    /** Marks group {@code g}'s sum as beyond any decimal (a partial try_sum state that overflowed). */
    void markOverflowed(int g) {
        overflowed[g] = true;
    }

    /** Whether group {@code g}'s sum fits {@code type}. */
    boolean fits(int g, DecimalType type) {
        return !overflowed[g] && fits(get(g), type);
    }

    private static boolean fits(BigInteger unscaled, DecimalType type) {
        return unscaled.abs().compareTo(POWERS_OF_TEN[type.precision()]) < 0;
    }

    /** {@code unscaled} at {@code type}'s scale, or NUMERIC_VALUE_OUT_OF_RANGE when it needs more digits. */
    private static BigDecimal checkedDecimal(BigInteger unscaled, DecimalType type) {
        BigDecimal value = new BigDecimal(unscaled, type.scale());
        if (!fits(unscaled, type)) {
            throw AggregateErrors.decimalOutOfRange(value.toPlainString(), type);
        }
        return value;
    }

    long sizeInBytes() {
        return 17L * high.length;
    }
}
