package io.fluxo.exec.hash;

import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.util.Arrays;

/**
 * Group ids for one integral key (INT, BIGINT, DATE, TIMESTAMP): open addressing over a long[] of keys with linear
 * probing, group ids beside them, and the NULL key as its own group outside the table.
 */
final class LongKeyGroupTable implements GroupByHashTable {
    private long[] slotKeys = new long[1024];
    private int[] slotGroups = filled(1024);
    private int mask = 1023;
    private long[] groupKeys = new long[256];
    private int size;
    private int nullGroup = -1;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    @Override
    public void groupIds(ColumnVector[] keys, int numRows, int[] out) {
        ColumnVector key = keys[0];
        boolean[] nulls = key.nulls();
        if (key instanceof LongVector l) {
            long[] values = l.values();
            for (int i = 0; i < numRows; i++) {
                out[i] = nulls != null && nulls[i] ? nullGroup() : find(values[i]);
            }
        } else {
            int[] values = ((IntVector) key).values();
            for (int i = 0; i < numRows; i++) {
                out[i] = nulls != null && nulls[i] ? nullGroup() : find(values[i]);
            }
        }
    }

    @Override
    public void lookup(ColumnVector[] keys, int numRows, int[] out) {
        ColumnVector key = keys[0];
        boolean[] nulls = key.nulls();
        if (key instanceof LongVector l) {
            long[] values = l.values();
            for (int i = 0; i < numRows; i++) {
                out[i] = nulls != null && nulls[i] ? nullGroup : probe(values[i]);
            }
        } else {
            int[] values = ((IntVector) key).values();
            for (int i = 0; i < numRows; i++) {
                out[i] = nulls != null && nulls[i] ? nullGroup : probe(values[i]);
            }
        }
    }

    private int probe(long key) {
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            int g = slotGroups[slot];
            if (g < 0 || (slotKeys[slot] == key && g != nullGroup)) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int nullGroup() {
        if (nullGroup < 0) {
            nullGroup = newGroup(0);
        }
        return nullGroup;
    }

    private int find(long key) {
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            int g = slotGroups[slot];
            if (g < 0) {
                int id = newGroup(key);
                slotKeys[slot] = key;
                slotGroups[slot] = id;
                if (size * 2 > mask) {
                    grow();
                }
                return id;
            }
            if (slotKeys[slot] == key && g != nullGroup) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int newGroup(long key) {
        if (size == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, size * 2);
        }
        groupKeys[size] = key;
        return size++;
    }

    private void grow() {
        int capacity = slotKeys.length * 2;
        long[] keys = new long[capacity];
        int[] groups = filled(capacity);
        int newMask = capacity - 1;
        for (int s = 0; s < slotKeys.length; s++) {
            int g = slotGroups[s];
            if (g >= 0) {
                int slot = (int) Hashing.mix(slotKeys[s]) & newMask;
                while (groups[slot] >= 0) {
                    slot = (slot + 1) & newMask;
                }
                keys[slot] = slotKeys[s];
                groups[slot] = g;
            }
        }
        slotKeys = keys;
        slotGroups = groups;
        mask = newMask;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void appendKeys(int from, int count, ColumnVector[] out) {
        ColumnVector key = out[0];
        key.reserve(key.size() + count);
        for (int g = from; g < from + count; g++) {
            if (g == nullGroup) {
                key.appendNull();
            } else if (key instanceof LongVector l) {
                l.append(groupKeys[g]);
            } else {
                ((IntVector) key).append((int) groupKeys[g]);
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 12L * slotKeys.length + 8L * groupKeys.length;
    }
}
