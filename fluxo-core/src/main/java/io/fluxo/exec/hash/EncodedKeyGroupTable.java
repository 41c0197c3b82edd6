package io.fluxo.exec.hash;

import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.row.BinaryRowCodec;
import java.util.Arrays;
import java.util.List;

/**
 * Group ids for any keys (a string, several columns, nested values): each batch's keys are encoded to bytes by
 * {@link BinaryRowCodec} (the binary row format), then looked up by hash in an open-addressing table whose keys live in one byte arena.
 */
final class EncodedKeyGroupTable implements GroupByHashTable {
    private final BinaryRowCodec codec;
    private final BinaryRowCodec.Encoded scratch = new BinaryRowCodec.Encoded();
    private byte[] arena = new byte[1 << 16];
    private int arenaSize;
    private int[] groupOffsets = new int[257];
    private long[] groupHashes = new long[256];
    private int[] slots = filled(1024);
    private int mask = 1023;
    private int size;

    EncodedKeyGroupTable(List<DataType> keyTypes) {
        this.codec = new BinaryRowCodec(keyTypes);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    @Override
    public void groupIds(ColumnVector[] keys, int numRows, int[] out) {
        codec.encode(keys, numRows, scratch);
        byte[] bytes = scratch.bytes();
        int[] offsets = scratch.offsets();
        for (int i = 0; i < numRows; i++) {
            int from = offsets[i];
            int len = offsets[i + 1] - from;
            long h = Hashing.hashBytes(bytes, from, len);
            out[i] = find(bytes, from, len, h);
        }
    }

    @Override
    public void lookup(ColumnVector[] keys, int numRows, int[] out) {
        codec.encode(keys, numRows, scratch);
        byte[] bytes = scratch.bytes();
        int[] offsets = scratch.offsets();
        for (int i = 0; i < numRows; i++) {
            int from = offsets[i];
            int len = offsets[i + 1] - from;
            out[i] = probe(bytes, from, len, Hashing.hashBytes(bytes, from, len));
        }
    }

    private int probe(byte[] bytes, int from, int len, long h) {
        int slot = (int) h & mask;
        while (true) {
            int g = slots[slot];
            if (g < 0) {
                return -1;
            }
            if (groupHashes[g] == h && groupOffsets[g + 1] - groupOffsets[g] == len
                    && Arrays.equals(arena, groupOffsets[g], groupOffsets[g + 1], bytes, from, from + len)) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int find(byte[] bytes, int from, int len, long h) {
        int slot = (int) h & mask;
        while (true) {
            int g = slots[slot];
            if (g < 0) {
                int id = add(bytes, from, len, h);
                slots[slot] = id;
                if (size * 2 > mask) {
                    grow();
                }
                return id;
            }
            if (groupHashes[g] == h) {
                int start = groupOffsets[g];
                int end = groupOffsets[g + 1];
                if (end - start == len && Arrays.equals(arena, start, end, bytes, from, from + len)) {
                    return g;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(byte[] bytes, int from, int len, long h) {
        if (size == groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, size * 2);
            groupOffsets = Arrays.copyOf(groupOffsets, size * 2 + 1);
        }
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
        }
        System.arraycopy(bytes, from, arena, arenaSize, len);
        arenaSize += len;
        groupHashes[size] = h;
        groupOffsets[size + 1] = arenaSize;
        return size++;
    }

    private void grow() {
        int capacity = slots.length * 2;
        int[] next = filled(capacity);
        int newMask = capacity - 1;
        for (int g = 0; g < size; g++) {
            int slot = (int) groupHashes[g] & newMask;
            while (next[slot] >= 0) {
                slot = (slot + 1) & newMask;
            }
            next[slot] = g;
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
        for (ColumnVector v : out) {
            v.reserve(v.size() + count);
        }
        for (int g = from; g < from + count; g++) {
            codec.decode(arena, groupOffsets[g], out);
        }
    }

    @Override
    public long sizeInBytes() {
        return arena.length + 4L * slots.length + 12L * groupHashes.length;
    }
}
