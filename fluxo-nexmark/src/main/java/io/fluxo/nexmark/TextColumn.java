package io.fluxo.nexmark;

import io.fluxo.types.DataTypes;
import io.fluxo.vector.BytesVector;
import java.util.Arrays;

/**
 * A STRING column of one batch being generated: UTF-8 bytes written in place, row by row ({@code put…} then
 * {@link #endRow()}), then handed to the batch as a {@link BytesVector} without copying. All generated text is ASCII.
 */
final class TextColumn {
    /** Random text draws 16 bits per character: four characters per 64-bit draw. */
    static final int CHARS_PER_DRAW = 4;

    private byte[] data;
    private final int[] offsets;
    private int rows;
    private int pos;

    /** Room for {@code capacity} rows, and {@code byteCapacity} bytes before growing. */
    TextColumn(int capacity, int byteCapacity) {
        this.offsets = new int[capacity + 1];
        this.data = new byte[Math.max(64, byteCapacity)];
    }

    private void ensure(int more) {
        if (pos + more > data.length) {
            data = Arrays.copyOf(data, Math.max(pos + more, data.length + (data.length >> 1)));
        }
    }

    void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, data, pos, bytes.length);
        pos += bytes.length;
    }

    void put(byte b) {
        ensure(1);
        data[pos++] = b;
    }

    /** {@code length} bytes of {@code source} from {@code from}. */
    void put(byte[] source, int from, int length) {
        ensure(length);
        System.arraycopy(source, from, data, pos, length);
        pos += length;
    }

    /** Four decimal digits of {@code value} (0 to 9999), zero-padded. */
    void putDigits4(int value) {
        ensure(4);
        data[pos] = (byte) ('0' + value / 1000);
        data[pos + 1] = (byte) ('0' + value / 100 % 10);
        data[pos + 2] = (byte) ('0' + value / 10 % 10);
        data[pos + 3] = (byte) ('0' + value % 10);
        pos += 4;
    }

    /**
     * {@code length} random characters of {@code alphabet} from the draws of {@code eventKey} starting at
     * {@code firstDraw}, without leading or trailing spaces (the reference trims its random strings).
     */
    void putRandomText(long eventKey, int firstDraw, int length, byte[] alphabet) {
        ensure(length);
        int start = pos;
        writeRandom(data, start, eventKey, firstDraw, length, alphabet);
        int from = start;
        int to = start + length;
        while (from < to && data[from] == ' ') {
            from++;
        }
        while (to > from && data[to - 1] == ' ') {
            to--;
        }
        if (from > start) {
            System.arraycopy(data, from, data, start, to - from);
        }
        pos = start + (to - from);
    }

    /** Writes {@code length} characters drawn from {@code alphabet} (of at most 65536 entries) at {@code at}. */
    static void writeRandom(byte[] out, int at, long eventKey, int firstDraw, int length, byte[] alphabet) {
        int n = alphabet.length;
        long bits = 0;
        for (int i = 0; i < length; i++) {
            int chunk = i & (CHARS_PER_DRAW - 1);
            if (chunk == 0) {
                bits = Draws.draw(eventKey, firstDraw + i / CHARS_PER_DRAW);
            }
            out[at + i] = alphabet[Draws.below16(bits, chunk, n)];
        }
    }

    /** Draws needed for {@code maxLength} random characters. */
    static int drawsFor(int maxLength) {
        return (maxLength + CHARS_PER_DRAW - 1) / CHARS_PER_DRAW;
    }

    /** Adds empty rows until there are {@code count} rows. */
    void emptyRowsUpTo(int count) {
        if (count > rows) {
            Arrays.fill(offsets, rows + 1, count + 1, pos);
            rows = count;
        }
    }

    void endRow() {
        offsets[++rows] = pos;
    }

    int rows() {
        return rows;
    }

    BytesVector toVector(boolean[] nulls) {
        return BytesVector.wrap(DataTypes.StringType, data, offsets, rows, nulls);
    }
}
