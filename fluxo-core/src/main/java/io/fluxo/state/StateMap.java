package io.fluxo.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The live key-value map of one state store, laid out flat so that millions of keys cost no objects: every entry
 * ({@code keyLength, valueLength, key, value}) lives in large byte pages, and an open-addressed table of entry
 * addresses and hashes finds it. Loading, updating and scanning the state therefore leave the garbage collector almost
 * nothing to trace. A value replaced by one of the same size is overwritten in place; other replacements and removals
 * leave dead bytes that are compacted away once they outweigh the live ones.
 */
final class StateMap {
    private static final int MIN_CAPACITY = 16;
    private static final int PAGE_BITS = 22;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    /** A little under the address range of a page, so that a page with its array header fits a 4 MB G1 region. */
    private static final int PAGE_CAPACITY = PAGE_SIZE - 64;
    private static final int HEADER = 8;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Mixed into every hash so that no two maps probe alike unless laid out alike: a small map filled in a larger
     * map's slot order would otherwise put runs of neighbouring keys into neighbouring slots and probe quadratically.
     */
    private final long seed;

    private byte[][] pages = new byte[4][];
    private int pageCount;
    private int pageFill = PAGE_CAPACITY;
    /** Bytes written to each page; entries never span pages. */
    private int[] pageFills = new int[4];
    /** Entry address + 1 per slot (page << PAGE_BITS | offset); 0 is an empty slot. */
    private long[] slots;
    private int[] hashes;
    private int size;
    private long liveBytes;
    private long deadBytes;

    StateMap() {
        this(java.util.concurrent.ThreadLocalRandom.current().nextLong(), MIN_CAPACITY);
    }

    /**
     * A map laid out as another one was ({@link #seed()}, {@link #capacity()}): filled in that map's slot order, each
     * entry lands where it was, so loading a snapshot walks the table once from start to end.
     */
    StateMap(long seed, int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity < MIN_CAPACITY) {
            throw new IllegalArgumentException("capacity " + capacity + " is not a power of two of at least "
                    + MIN_CAPACITY);
        }
        this.seed = seed;
        slots = new long[capacity];
        hashes = new int[capacity];
    }

    long seed() {
        return seed;
    }

    int capacity() {
        return slots.length;
    }

    /**
     * The hash of {@code bytes[from, to)}: eight bytes at a time, then a full avalanche, because keys are often
     * near-sequential numbers and linear probing clusters on weak hashes.
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

    private static int pageOf(long address) {
        return (int) (address >>> PAGE_BITS);
    }

    private static int offsetOf(long address) {
        return (int) (address & (PAGE_SIZE - 1));
    }

    /** The slot holding the key {@code bytes[from, to)}, or the empty slot where it would go. */
    private int slot(byte[] bytes, int from, int to, int hash) {
        int mask = slots.length - 1;
        int length = to - from;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long entry = slots[i];
            if (entry == 0) {
                return i;
            }
            if (hashes[i] == hash) {
                byte[] page = pages[pageOf(entry - 1)];
                int at = offsetOf(entry - 1);
                if ((int) INTS.get(page, at) == length
                        && Arrays.equals(page, at + HEADER, at + HEADER + length, bytes, from, to)) {
                    return i;
                }
            }
        }
    }

    private byte[] valueAt(long entry) {
        byte[] page = pages[pageOf(entry - 1)];
        int at = offsetOf(entry - 1);
        int keyLength = (int) INTS.get(page, at);
        int valueLength = (int) INTS.get(page, at + 4);
        int from = at + HEADER + keyLength;
        return Arrays.copyOfRange(page, from, from + valueLength);
    }

    private int entryBytes(long entry) {
        byte[] page = pages[pageOf(entry - 1)];
        int at = offsetOf(entry - 1);
        return HEADER + (int) INTS.get(page, at) + (int) INTS.get(page, at + 4);
    }

    byte[] get(byte[] key) {
        return get(key, 0, key.length);
    }

    /** A copy of the value of the key held in {@code bytes[from, to)}, or null. */
    byte[] get(byte[] bytes, int from, int to) {
        long entry = slots[slot(bytes, from, to, hash(bytes, from, to))];
        return entry == 0 ? null : valueAt(entry);
    }

    /** Sets the value; returns whether the key was new. */
    boolean put(byte[] key, byte[] value) {
        return put(key, 0, key.length, value, 0, value.length);
    }

    boolean put(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength) {
        int h = hash(key, keyOffset, keyOffset + keyLength);
        int i = slot(key, keyOffset, keyOffset + keyLength, h);
        long entry = slots[i];
        if (entry != 0) {
            byte[] page = pages[pageOf(entry - 1)];
            int at = offsetOf(entry - 1);
            if ((int) INTS.get(page, at + 4) == valueLength) {
                System.arraycopy(value, valueOffset, page, at + HEADER + keyLength, valueLength);
                return false;
            }
            int old = entryBytes(entry);
            liveBytes -= old;
            deadBytes += old;
            markDead(entry);
        }
        slots[i] = append(key, keyOffset, keyLength, value, valueOffset, valueLength) + 1;
        hashes[i] = h;
        if (entry != 0) {
            compactIfMostlyDead();
            return false;
        }
        size++;
        if (size * 4L > slots.length * 3L) {
            grow();
        }
        return true;
    }

    /**
     * Flags a replaced or removed entry as dead where it lies (its key length becomes {@code -1 - keyLength}), so a
     * scan in page order can step over it; its bytes stay until compaction.
     */
    private void markDead(long entry) {
        byte[] page = pages[pageOf(entry - 1)];
        int at = offsetOf(entry - 1);
        INTS.set(page, at, -1 - (int) INTS.get(page, at));
    }

    private long append(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength) {
        int bytes = HEADER + keyLength + valueLength;
        if (pageFill + bytes > PAGE_CAPACITY || pageCount == 0) {
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
                pageFills = Arrays.copyOf(pageFills, pages.length);
            }
            // An entry larger than a page gets a page of its own.
            pages[pageCount++] = new byte[Math.max(PAGE_CAPACITY, bytes)];
            pageFill = 0;
        }
        int page = pageCount - 1;
        byte[] p = pages[page];
        int at = pageFill;
        INTS.set(p, at, keyLength);
        INTS.set(p, at + 4, valueLength);
        System.arraycopy(key, keyOffset, p, at + HEADER, keyLength);
        System.arraycopy(value, valueOffset, p, at + HEADER + keyLength, valueLength);
        pageFill = bytes > PAGE_CAPACITY ? PAGE_CAPACITY : at + bytes;
        pageFills[page] = at + bytes;
        liveBytes += bytes;
        return ((long) page << PAGE_BITS) | at;
    }

    /** Removes the key; returns whether it was there. */
    boolean remove(byte[] key) {
        return remove(key, 0, key.length);
    }

    boolean remove(byte[] key, int keyOffset, int keyLength) {
        int mask = slots.length - 1;
        int to = keyOffset + keyLength;
        int i = slot(key, keyOffset, to, hash(key, keyOffset, to));
        if (slots[i] == 0) {
            return false;
        }
        int old = entryBytes(slots[i]);
        liveBytes -= old;
        deadBytes += old;
        markDead(slots[i]);
        slots[i] = 0;
        size--;
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int gap = i;
        for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                slots[gap] = slots[j];
                hashes[gap] = hashes[j];
                slots[j] = 0;
                gap = j;
            }
        }
        compactIfMostlyDead();
        return true;
    }

    private void grow() {
        long[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new long[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = oldHashes[j] & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    /** Copies the live entries into fresh pages once dead bytes outweigh them (and are worth a copy). */
    private void compactIfMostlyDead() {
        if (deadBytes < PAGE_CAPACITY || deadBytes < liveBytes) {
            return;
        }
        byte[][] oldPages = pages;
        pages = new byte[4][];
        pageFills = new int[4];
        pageCount = 0;
        pageFill = PAGE_CAPACITY;
        liveBytes = 0;
        deadBytes = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != 0) {
                byte[] page = oldPages[pageOf(slots[i] - 1)];
                int at = offsetOf(slots[i] - 1);
                int keyLength = (int) INTS.get(page, at);
                int valueLength = (int) INTS.get(page, at + 4);
                slots[i] = append(page, at + HEADER, keyLength, page, at + HEADER + keyLength, valueLength) + 1;
            }
        }
    }

    void clear() {
        if (size > 0 || slots.length > MIN_CAPACITY || pageCount > 0) {
            slots = new long[MIN_CAPACITY];
            hashes = new int[MIN_CAPACITY];
            pages = new byte[4][];
            pageFills = new int[4];
            pageCount = 0;
            pageFill = PAGE_CAPACITY;
            size = 0;
            liveBytes = 0;
            deadBytes = 0;
        }
    }

    int size() {
        return size;
    }

    /** The pages and the table: what memoryUsedBytes reports. */
    long memoryBytes() {
        long pageBytes = 0;
        for (int p = 0; p < pageCount; p++) {
            pageBytes += pages[p].length;
        }
        return pageBytes + 12L * slots.length;
    }

    /** Reads every entry in place; the reader must not change the map. */
    void read(StateStore.EntryReader reader) {
        for (long entry : slots) {
            if (entry != 0) {
                byte[] page = pages[pageOf(entry - 1)];
                int at = offsetOf(entry - 1);
                int keyLength = (int) INTS.get(page, at);
                int valueLength = (int) INTS.get(page, at + 4);
                reader.read(page, at + HEADER, keyLength, at + HEADER + keyLength, valueLength);
            }
        }
    }

    /**
     * Reads every live entry in place in the order they lie in memory, which is much faster than {@link #read}'s slot
     * order for a large map; the reader must not change the map.
     */
    void scan(StateStore.EntryReader reader) {
        for (int p = 0; p < pageCount; p++) {
            byte[] page = pages[p];
            int end = pageFills[p];
            int at = 0;
            while (at < end) {
                int keyLength = (int) INTS.get(page, at);
                int valueLength = (int) INTS.get(page, at + 4);
                boolean live = keyLength >= 0;
                if (!live) {
                    keyLength = -1 - keyLength;
                } else {
                    reader.read(page, at + HEADER, keyLength, at + HEADER + keyLength, valueLength);
                }
                at += HEADER + keyLength + valueLength;
            }
        }
    }

    /** Visits every entry with copies of its key and value; the callback must not change the map. */
    void forEach(StateStore.EntryVisitor visitor) {
        read((page, keyOffset, keyLength, valueOffset, valueLength) -> visitor.visit(
                Arrays.copyOfRange(page, keyOffset, keyOffset + keyLength),
                Arrays.copyOfRange(page, valueOffset, valueOffset + valueLength)));
    }
}
