package io.fluxo.state;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The running batch's puts and removals in the order they happened, in pages that double from 16 KB to 1 MB: what its
 * delta file records. Appending costs a copy and no hash lookup, and the commit writes the pages front to back; a key
 * changed twice is recorded twice, and replaying in order gives its last value. Clearing keeps the largest page for the
 * next batch, so a store that commits many small batches a second does not allocate a page for each.
 */
final class ChangeLog {
    private static final int FIRST_PAGE_SIZE = 16 << 10;
    private static final int PAGE_SIZE = 1 << 20;
    private static final int HEADER = 8;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Visits one change; {@code valueLength} is -1 for a removal. */
    @FunctionalInterface
    interface ChangeVisitor {
        void visit(byte[] bytes, int keyOffset, int keyLength, int valueOffset, int valueLength) throws IOException;
    }

    private final List<byte[]> pages = new ArrayList<>();
    private int[] fills = new int[4];
    private int changes;
    private long bytes;

    void put(byte[] key, byte[] value) {
        append(key, value, value.length);
    }

    void remove(byte[] key) {
        append(key, null, -1);
    }

    private void append(byte[] key, byte[] value, int valueLength) {
        int bytes = HEADER + key.length + Math.max(valueLength, 0);
        int last = pages.size() - 1;
        if (last < 0 || fills[last] + bytes > pages.get(last).length) {
            int size = last < 0 ? FIRST_PAGE_SIZE : Math.min(PAGE_SIZE, pages.get(last).length * 2);
            pages.add(new byte[Math.max(size, bytes)]);
            last++;
            if (last == fills.length) {
                fills = Arrays.copyOf(fills, fills.length * 2);
            }
            fills[last] = 0;
        }
        byte[] page = pages.get(last);
        int at = fills[last];
        INTS.set(page, at, key.length);
        INTS.set(page, at + 4, valueLength);
        System.arraycopy(key, 0, page, at + HEADER, key.length);
        if (valueLength > 0) {
            System.arraycopy(value, 0, page, at + HEADER + key.length, valueLength);
        }
        fills[last] = at + bytes;
        changes++;
        this.bytes += bytes;
    }

    /** The size of the recorded changes: a bound on the records' size in a delta file. */
    long bytes() {
        return bytes;
    }

    /** How many puts and removals were recorded. */
    int size() {
        return changes;
    }

    void forEach(ChangeVisitor visitor) throws IOException {
        for (int p = 0; p < pages.size(); p++) {
            byte[] page = pages.get(p);
            int at = 0;
            while (at < fills[p]) {
                int keyLength = (int) INTS.get(page, at);
                int valueLength = (int) INTS.get(page, at + 4);
                visitor.visit(page, at + HEADER, keyLength, at + HEADER + keyLength, valueLength);
                at += HEADER + keyLength + Math.max(valueLength, 0);
            }
        }
    }

    void clear() {
        byte[] keep = null;
        for (byte[] page : pages) {
            if (page.length <= PAGE_SIZE && (keep == null || page.length > keep.length)) {
                keep = page;
            }
        }
        pages.clear();
        if (keep != null) {
            pages.add(keep);
            fills[0] = 0;
        }
        changes = 0;
        bytes = 0;
    }
}
