package io.fluxo.connector.file.internal;

import io.fluxo.vector.BytesVector;

/** UTF-8 encoding of char data straight into vectors and buffers, without a String per value. */
public final class Utf8 {
    private Utf8() {
    }

    /** Appends {@code chars[off, off + len)} as one UTF-8 row of {@code out}; lone surrogates become '?'. */
    public static void append(BytesVector out, char[] chars, int off, int len) {
        out.reserveBytes(len * 3);
        byte[] data = out.data();
        int start = out.offsets()[out.size()];
        int n = encode(chars, off, len, data, start);
        out.commitInPlace(n - start);
    }

    /** Encodes into {@code dst} from {@code pos} (room for 3 bytes per char needed); returns the end position. */
    public static int encode(char[] chars, int off, int len, byte[] dst, int pos) {
        int end = off + len;
        int i = off;
        while (i < end && chars[i] < 0x80) {
            dst[pos++] = (byte) chars[i++];
        }
        for (; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                dst[pos++] = (byte) c;
            } else if (c < 0x800) {
                dst[pos++] = (byte) (0xC0 | (c >> 6));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    int cp = Character.toCodePoint(c, chars[++i]);
                    dst[pos++] = (byte) (0xF0 | (cp >> 18));
                    dst[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    dst[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    dst[pos++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    dst[pos++] = '?';
                }
            } else {
                dst[pos++] = (byte) (0xE0 | (c >> 12));
                dst[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }
}
