package io.fluxo.nexmark;

/**
 * The random numbers behind one event, as pure functions of (seed, event number, draw index): an event reads the
 * same values whichever partition, batch or thread generates it, and a field can be skipped without shifting the
 * values of the fields after it. Each value is a SplitMix64-style mix of a counter, so a draw costs a few
 * multiplications and no state or allocation.
 */
final class Draws {
    private static final long EVENT_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long DRAW_GAMMA = 0xD1B54A32D192ED03L;

    private Draws() {
    }

    /** Stafford's variant 13 finalizer: a bijection on 64 bits whose output bits all depend on all input bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The key a seed's events are derived from. */
    static long seedKey(long seed) {
        return mix(seed ^ 0x6E65786D61726BL);
    }

    /** The key of event {@code eventNumber}, from which all its draws come. */
    static long eventKey(long seedKey, long eventNumber) {
        return mix(seedKey + eventNumber * EVENT_GAMMA);
    }

    /** Draw {@code index} (64 random bits) of the event with key {@code eventKey}. */
    static long draw(long eventKey, int index) {
        return mix(eventKey + (index + 1) * DRAW_GAMMA);
    }

    /** A value in {@code [0, bound)} from the high 32 bits of {@code bits} ({@code bound} positive). */
    static int below(long bits, int bound) {
        return (int) (((bits >>> 32) * bound) >>> 32);
    }

    /** A value in {@code [0, bound)} from 16 bits of {@code bits}: chunk 0 to 3 ({@code bound} at most 65536). */
    static int below16(long bits, int chunk, int bound) {
        return (int) ((((bits >>> (chunk << 4)) & 0xFFFF) * bound) >>> 16);
    }

    /** A value in {@code [0, bound)} for any positive {@code bound}. */
    static long belowLong(long bits, long bound) {
        if (bound <= Integer.MAX_VALUE) {
            return below(bits, (int) bound);
        }
        long x = bits >>> 1;
        // floor(x * bound / 2^63), from the 128-bit product.
        return (Math.multiplyHigh(x, bound) << 1) | ((x * bound) >>> 63);
    }

    /** A double in {@code [0, 1)}. */
    static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** Steps per unit of the exponent in {@link #PRICE_STEPS}. */
    private static final int PRICE_STEP_BITS = 12;
    /** {@code 100 * 10^(i / 4096)} for i in [0, 6 * 4096), with StrictMath so that every JVM computes the same. */
    private static final double[] PRICE_STEPS = new double[6 << PRICE_STEP_BITS];
    private static final double LN_10 = StrictMath.log(10.0);

    static {
        for (int i = 0; i < PRICE_STEPS.length; i++) {
            PRICE_STEPS[i] = 100.0 * StrictMath.pow(10.0, (double) i / (1 << PRICE_STEP_BITS));
        }
    }

    /**
     * A price as the reference draws it: {@code round(100 * 10^x)} for x uniform in [0, 6), so 100 to 10^8. Here
     * {@code 10^x} is a table step times a short series for the rest (relative error below 1e-10), which is several
     * times faster than {@code Math.pow} and the same on every JVM.
     */
    static long price(long bits) {
        long x = 6 * (bits >>> 11); // x in [0, 6) as a fixed-point number with 53 fraction bits
        int step = (int) (x >>> (53 - PRICE_STEP_BITS));
        double y = (x & ((1L << (53 - PRICE_STEP_BITS)) - 1)) * 0x1.0p-53 * LN_10;
        return Math.round(PRICE_STEPS[step] * (1.0 + y + y * y * 0.5));
    }
}
