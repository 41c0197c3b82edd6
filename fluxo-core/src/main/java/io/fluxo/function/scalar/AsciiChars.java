package io.fluxo.function.scalar;

import java.nio.charset.StandardCharsets;

/**
 * A reusable {@link CharSequence} view of ASCII bytes, so regexes can run over a vector's bytes without a String per
 * row; match offsets are then byte offsets. Only valid for rows that are all ASCII.
 */
final class AsciiChars implements CharSequence {
    private byte[] data;
    private int from;
    private int length;

    /** Points this view at {@code data[from, to)}; returns this. */
    AsciiChars reset(byte[] bytes, int start, int end) {
        this.data = bytes;
        this.from = start;
        this.length = end - start;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) data[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(data, from + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(data, from, length, StandardCharsets.ISO_8859_1);
    }
}
