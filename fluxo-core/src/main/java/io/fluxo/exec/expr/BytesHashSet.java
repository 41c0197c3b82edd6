package io.fluxo.exec.expr;

import java.util.Arrays;

/** A fixed set of byte strings, probed with a range of a larger array so that lookups allocate nothing. */
final class BytesHashSet {
    private final byte[][] slots;

    BytesHashSet(int expected) {
        slots = new byte[Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1][];
    }

    private static int hash(byte[] data, int from, int len) {
        int h = 1;
        for (int i = from; i < from + len; i++) {
            h = 31 * h + data[i];
        }
        return h ^ (h >>> 16);
    }

    void add(byte[] key) {
        int mask = slots.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (slots[i] != null) {
            if (Arrays.equals(slots[i], key)) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key.clone();
    }

    boolean contains(byte[] data, int from, int len) {
        int mask = slots.length - 1;
        int i = hash(data, from, len) & mask;
        byte[] s;
        while ((s = slots[i]) != null) {
            if (s.length == len && Arrays.equals(s, 0, len, data, from, from + len)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }
}
