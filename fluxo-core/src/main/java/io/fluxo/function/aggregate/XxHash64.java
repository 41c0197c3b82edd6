package io.fluxo.function.aggregate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 64-bit xxHash (XXH64) over ints, longs and byte ranges (little-endian), the hash Spark's {@code xxhash64} and
 * HyperLogLog++ use, so sketches see the same register pattern as Spark's for the same values.
 */
final class XxHash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private XxHash64() {
    }

    static long hashInt(int input, long seed) {
        long hash = seed + P5 + 4L;
        hash ^= (input & 0xFFFFFFFFL) * P1;
        hash = Long.rotateLeft(hash, 23) * P2 + P3;
        return finish(hash);
    }

    static long hashLong(long input, long seed) {
        long hash = seed + P5 + 8L;
        hash ^= Long.rotateLeft(input * P2, 31) * P1;
        hash = Long.rotateLeft(hash, 27) * P1 + P4;
        return finish(hash);
    }

    static long hashBytes(byte[] data, int offset, int length, long seed) {
        int end = offset + length;
        int pos = offset;
        long hash;
        if (length >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            int limit = end - 32;
            do {
                v1 = round(v1, (long) LONGS.get(data, pos));
                v2 = round(v2, (long) LONGS.get(data, pos + 8));
                v3 = round(v3, (long) LONGS.get(data, pos + 16));
                v4 = round(v4, (long) LONGS.get(data, pos + 24));
                pos += 32;
            } while (pos <= limit);
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12)
                    + Long.rotateLeft(v4, 18);
            hash = mergeRound(hash, v1);
            hash = mergeRound(hash, v2);
            hash = mergeRound(hash, v3);
            hash = mergeRound(hash, v4);
        } else {
            hash = seed + P5;
        }
        hash += length;
        while (pos <= end - 8) {
            hash ^= round(0, (long) LONGS.get(data, pos));
            hash = Long.rotateLeft(hash, 27) * P1 + P4;
            pos += 8;
        }
        if (pos <= end - 4) {
            hash ^= ((int) INTS.get(data, pos) & 0xFFFFFFFFL) * P1;
            hash = Long.rotateLeft(hash, 23) * P2 + P3;
            pos += 4;
        }
        while (pos < end) {
            hash ^= (data[pos] & 0xFFL) * P5;
            hash = Long.rotateLeft(hash, 11) * P1;
            pos++;
        }
        return finish(hash);
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long mergeRound(long acc, long value) {
        return (acc ^ round(0, value)) * P1 + P4;
    }

    private static long finish(long hash) {
        hash ^= hash >>> 33;
        hash *= P2;
        hash ^= hash >>> 29;
        hash *= P3;
        hash ^= hash >>> 32;
        return hash;
    }
}
