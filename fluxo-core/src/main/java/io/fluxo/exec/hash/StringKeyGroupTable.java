package io.fluxo.exec.hash;

import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import java.util.Arrays;

/**
 * Group ids for one STRING or BINARY key, hashed straight from the vector's bytes (no encoding step). Each slot is two
 * longs: the hash's upper 32 bits as a tag with the group id + 1 (0 = empty), then the key's arena offset and length,
 * so a probe rejects most mismatches by tag and confirms a match with one read of the arena. NULL is its own group.
 */
final class StringKeyGroupTable implements GroupByHashTable {
    private long[] slots = new long[2 * 1024];
    private int mask = 1023;
    private byte[] arena = new byte[1 << 16];
    private int[] groupOffsets = new int[257];
    private long[] groupHashes = new long[256];
    private int size;
    private int nullGroup = -1;

    @Override
    public void groupIds(ColumnVector[] keys, int numRows, int[] out) {
        BytesVector key = (BytesVector) keys[0];
        boolean[] nulls = key.nulls();
        byte[] data = key.data();
        int[] offsets = key.offsets();
        for (int i = 0; i < numRows; i++) {
            if (nulls != null && nulls[i]) {
                if (nullGroup < 0) {
                    nullGroup = add(data, 0, 0, 0);
                }
                out[i] = nullGroup;
            } else {
                int from = offsets[i];
                int len = offsets[i + 1] - from;
                out[i] = find(data, from, len, Hashing.hashBytes(data, from, len), true);
            }
        }
    }

    @Override
    public void lookup(ColumnVector[] keys, int numRows, int[] out) {
        BytesVector key = (BytesVector) keys[0];
        boolean[] nulls = key.nulls();
        byte[] data = key.data();
        int[] offsets = key.offsets();
        for (int i = 0; i < numRows; i++) {
            if (nulls != null && nulls[i]) {
                out[i] = nullGroup;
            } else {
                int from = offsets[i];
                int len = offsets[i + 1] - from;
                out[i] = find(data, from, len, Hashing.hashBytes(data, from, len), false);
            }
        }
    }

    private int find(byte[] bytes, int from, int len, long h, boolean insert) {
        long tag = h & 0xFFFFFFFF00000000L;
        long[] s = slots;
        int slot = (int) h & mask;
        while (true) {
            long entry = s[2 * slot];
            if (entry == 0) {
                if (!insert) {
                    return -1;
                }
                int id = add(bytes, from, len, h);
                s[2 * slot] = tag | (id + 1L);
                s[2 * slot + 1] = location(id);
                if (size * 2 > mask) {
                    grow();
                }
                return id;
            }
            if ((entry & 0xFFFFFFFF00000000L) == tag) {
                long where = s[2 * slot + 1];
                int start = (int) (where >>> 32);
                if ((int) where == len && Arrays.equals(arena, start, start + len, bytes, from, from + len)) {
                    return (int) (entry & 0xFFFFFFFFL) - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** A group's key position in the arena: offset in the upper half, length in the lower. */
    private long location(int g) {
        return ((long) groupOffsets[g] << 32) | (groupOffsets[g + 1] - groupOffsets[g]);
    }

    private int add(byte[] bytes, int from, int len, long h) {
        if (size == groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, size * 2);
            groupOffsets = Arrays.copyOf(groupOffsets, size * 2 + 1);
        }
        int end = groupOffsets[size];
        if (end + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, end + len));
        }
        System.arraycopy(bytes, from, arena, end, len);
        groupHashes[size] = h;
        groupOffsets[size + 1] = end + len;
        return size++;
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        long[] next = new long[2 * capacity];
        int newMask = capacity - 1;
        for (int g = 0; g < size; g++) {
            if (g == nullGroup) {
                continue;
            }
            long h = groupHashes[g];
            int slot = (int) h & newMask;
            while (next[2 * slot] != 0) {
                slot = (slot + 1) & newMask;
            }
            next[2 * slot] = (h & 0xFFFFFFFF00000000L) | (g + 1L);
            next[2 * slot + 1] = location(g);
        }
        slots = next;
        mask = newMask;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void appendKeys(int from, int count, ColumnVector[] out) {
        BytesVector key = (BytesVector) out[0];
        key.reserve(key.size() + count);
        for (int g = from; g < from + count; g++) {
            if (g == nullGroup) {
                key.appendNull();
            } else {
                key.append(arena, groupOffsets[g], groupOffsets[g + 1] - groupOffsets[g]);
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return arena.length + 8L * slots.length + 12L * groupHashes.length;
    }
}
