package io.fluxo.exec.expr;

/**
 * A fixed set of longs with open addressing, for IN lists: lookups without boxing. Zero is the empty-slot marker
 * and is tracked apart.
 */
final class LongHashSet {
    private final long[] slots;
    private final int shift;
    private boolean containsZero;

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        slots = new long[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    void add(long key) {
        if (key == 0) {
            containsZero = true;
            return;
        }
        int mask = slots.length - 1;
        int i = slot(key);
        while (slots[i] != 0) {
            if (slots[i] == key) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
    }

    boolean contains(long key) {
        if (key == 0) {
            return containsZero;
        }
        int mask = slots.length - 1;
        int i = slot(key);
        long s;
        while ((s = slots[i]) != 0) {
            if (s == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }
}
