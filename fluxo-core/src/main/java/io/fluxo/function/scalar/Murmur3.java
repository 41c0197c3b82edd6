package io.fluxo.function.scalar;

/**
 * Spark's Murmur3_x86_32 as its {@code hash} function uses it, including the non-standard tail of
 * {@code hashUnsafeBytes} (each trailing byte mixed as a whole int), so hashes equal Spark's.
 */
final class Murmur3 {
    static final int SPARK_SEED = 42;
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    static int hashInt(int input, int seed) {
        return fmix(mixH1(seed, mixK1(input)), 4);
    }

    static int hashLong(long input, int seed) {
        int h1 = mixH1(seed, mixK1((int) input));
        h1 = mixH1(h1, mixK1((int) (input >>> 32)));
        return fmix(h1, 8);
    }

    static int hashBytes(byte[] data, int from, int length, int seed) {
        int aligned = length - length % 4;
        int h1 = seed;
        for (int i = 0; i < aligned; i += 4) {
            int p = from + i;
            int word = (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16
                    | (data[p + 3] & 0xFF) << 24;
            h1 = mixH1(h1, mixK1(word));
        }
        for (int i = aligned; i < length; i++) {
            h1 = mixH1(h1, mixK1(data[from + i]));
        }
        return fmix(h1, length);
    }

    private static int mixK1(int k1) {
        k1 *= C1;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * C2;
    }

    private static int mixH1(int h1, int k1) {
        h1 ^= k1;
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int fmix(int h1, int length) {
        h1 ^= length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        return h1 ^ (h1 >>> 16);
    }
}
