package io.fluxo.exec.hash;

import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.util.Arrays;

/**
 * Group ids for one integral key (INT, BIGINT, DATE, TIMESTAMP): open addressing with linear probing over one long[]
 * that interleaves each slot's key and group id (id + 1, so 0 marks an empty slot), so a probe touches one cache
 * line; the NULL key is its own group outside the table.
 */
final class LongKeyGroupTable implements GroupByHashTable {
    private long[] slots;
    private int mask;
    private long[] groupKeys;
    private int size;
    private int nullGroup = -1;

    LongKeyGroupTable() {
        this(0);
    }

    /** A table with room for {@code expectedKeys} keys before it grows (at most half full). */
    LongKeyGroupTable(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(1024, expectedKeys * 2 - 1) * 2);
        slots = new long[2 * capacity];
        mask = capacity - 1;
        groupKeys = new long[Math.max(256, expectedKeys)];
    }

    @Override
    public void groupIds(ColumnVector[] keys, int numRows, int[] out) {
        ColumnVector key = keys[0];
        boolean[] nulls = key.nulls();
        if (key instanceof LongVector l) {
            long[] values = l.values();
            if (nulls == null) {
                for (int i = 0; i < numRows; i++) {
                    out[i] = find(values[i]);
                }
            } else {
                for (int i = 0; i < numRows; i++) {
                    out[i] = nulls[i] ? nullGroup() : find(values[i]);
                }
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
        long[] s = slots;
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            long id = s[2 * slot + 1];
            if (id == 0) {
                return -1;
            }
            if (s[2 * slot] == key) {
                return (int) id - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int find(long key) {
        long[] s = slots;
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            long id = s[2 * slot + 1];
            if (id == 0) {
                int group = newGroup(key);
                s[2 * slot] = key;
                s[2 * slot + 1] = group + 1;
                if (size * 2 > mask) {
                    grow();
                }
                return group;
            }
            if (s[2 * slot] == key) {
                return (int) id - 1;
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

    private int newGroup(long key) {
        if (size == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, size * 2);
        }
        groupKeys[size] = key;
        return size++;
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        long[] next = new long[2 * capacity];
        int newMask = capacity - 1;
        for (int s = 0; s <= mask; s++) {
            long id = slots[2 * s + 1];
            if (id != 0) {
                long key = slots[2 * s];
                int slot = (int) Hashing.mix(key) & newMask;
                while (next[2 * slot + 1] != 0) {
                    slot = (slot + 1) & newMask;
                }
                next[2 * slot] = key;
                next[2 * slot + 1] = id;
            }
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
        return 8L * slots.length + 8L * groupKeys.length;
    }
}
