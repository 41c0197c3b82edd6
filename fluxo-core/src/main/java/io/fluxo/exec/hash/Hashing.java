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
    /** Eight bytes read as one little-endian long, in a single access (the same value as assembling them). */
    private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static long hashBytes(byte[] bytes, int from, int len) {
        long h = 0x9E3779B97F4A7C15L ^ len;
        int i = from;
        int end = from + len;
        while (i + 8 <= end) {
            long w = (long) LITTLE_ENDIAN_LONGS.get(bytes, i);
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
