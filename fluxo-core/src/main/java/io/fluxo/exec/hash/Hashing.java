package io.fluxo.exec.hash;

/** Hash functions for hash tables: strong mixing, so open addressing with a power-of-two mask spreads keys well. */
final class Hashing {
    private Hashing() {
    }

    /** Murmur3's 64-bit finalizer. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** A hash of {@code bytes[from, from + len)}: eight bytes at a time, then the tail. */
    static long hashBytes(byte[] bytes, int from, int len) {
        long h = 0x9E3779B97F4A7C15L ^ len;
        int i = from;
        int end = from + len;
        while (i + 8 <= end) {
            long w = (bytes[i] & 0xFFL) | (bytes[i + 1] & 0xFFL) << 8 | (bytes[i + 2] & 0xFFL) << 16
                    | (bytes[i + 3] & 0xFFL) << 24 | (bytes[i + 4] & 0xFFL) << 32 | (bytes[i + 5] & 0xFFL) << 40
                    | (bytes[i + 6] & 0xFFL) << 48 | (bytes[i + 7] & 0xFFL) << 56;
            h = (h ^ mix(w)) * 0x9FB21C651E98DF25L;
            i += 8;
        }
        long tail = 0;
        int shift = 0;
        while (i < end) {
            tail |= (bytes[i++] & 0xFFL) << shift;
            shift += 8;
        }
        return mix(h ^ tail);
    }

    static int tableSizeFor(int entries) {
        int n = Integer.highestOneBit(Math.max(16, entries) - 1) << 1;
        return Math.max(16, n);
    }
}
