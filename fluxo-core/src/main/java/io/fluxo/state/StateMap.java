package io.fluxo.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The live key-value map of one state store: binary keys and values in open-addressed parallel arrays, so an entry
 * costs its two byte arrays and three slots, with no entry objects and no boxing. Keys are compared by content.
 */
final class StateMap {
    private static final int MIN_CAPACITY = 16;

    private byte[][] keys;
    private byte[][] values;
    private int[] hashes;
    private int size;
    private long bytes;

    StateMap() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        keys = new byte[capacity][];
        values = new byte[capacity][];
        hashes = new int[capacity];
    }

    /**
     * Mixed into every hash so that no two maps probe alike: a map filled in another map's slot order (loading a
     * snapshot, copying) would otherwise put runs of neighbouring keys into neighbouring slots and probe quadratically.
     */
    private final long seed = java.util.concurrent.ThreadLocalRandom.current().nextLong();

    private int hash(byte[] key) {
        return hash(key, 0, key.length);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The hash of {@code bytes[from, to)}, the same as of a key holding just those bytes: eight bytes at a time, then
     * a full avalanche, because keys are often near-sequential numbers and linear probing clusters on weak hashes.
     */
    private int hash(byte[] bytes, int from, int to) {
        long h = seed ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ ((long) LONGS.get(bytes, i) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ (tail * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private int slot(byte[] key, int hash) {
        return slot(key, 0, key.length, hash);
    }

    private int slot(byte[] bytes, int from, int to, int hash) {
        int mask = keys.length - 1;
        int i = hash & mask;
        while (keys[i] != null && (hashes[i] != hash || !Arrays.equals(keys[i], 0, keys[i].length, bytes, from, to))) {
            i = (i + 1) & mask;
        }
        return i;
    }

    byte[] get(byte[] key) {
        return values[slot(key, hash(key))];
    }

    /** The value of the key held in {@code bytes[from, to)}, without copying it out. */
    byte[] get(byte[] bytes, int from, int to) {
        return values[slot(bytes, from, to, hash(bytes, from, to))];
    }

    /** Sets the value; returns the previous one, or null. */
    byte[] put(byte[] key, byte[] value) {
        int h = hash(key);
        int i = slot(key, h);
        byte[] previous = values[i];
        if (keys[i] == null) {
            keys[i] = key;
            hashes[i] = h;
            size++;
            bytes += key.length;
        } else {
            bytes -= previous.length;
        }
        values[i] = value;
        bytes += value.length;
        if (size * 4L > keys.length * 3L) {
            grow();
        }
        return previous;
    }

    /** Sets the value only if the key is absent; returns whether it did. */
    boolean putIfAbsent(byte[] key, byte[] value) {
        int h = hash(key);
        int i = slot(key, h);
        if (keys[i] != null) {
            return false;
        }
        keys[i] = key;
        hashes[i] = h;
        values[i] = value;
        size++;
        bytes += key.length + value.length;
        if (size * 4L > keys.length * 3L) {
            grow();
        }
        return true;
    }

    void clear() {
        if (size > 0 || keys.length > MIN_CAPACITY) {
            allocate(MIN_CAPACITY);
            size = 0;
            bytes = 0;
        }
    }

    /** Removes the key; returns its value, or null when absent. */
    byte[] remove(byte[] key) {
        int mask = keys.length - 1;
        int i = slot(key, hash(key));
        if (keys[i] == null) {
            return null;
        }
        byte[] previous = values[i];
        bytes -= keys[i].length + previous.length;
        keys[i] = null;
        values[i] = null;
        size--;
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int gap = i;
        for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                hashes[gap] = hashes[j];
                keys[j] = null;
                values[j] = null;
                gap = j;
            }
        }
        return previous;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        byte[][] oldValues = values;
        int[] oldHashes = hashes;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    int size() {
        return size;
    }

    /** Bytes of keys and values plus the arrays that hold them: what memoryUsedBytes reports. */
    long memoryBytes() {
        return bytes + (long) size * 32 + (long) keys.length * 20;
    }

    /** Visits every entry; the callback must not change the map. */
    void forEach(StateStore.EntryVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }
}
