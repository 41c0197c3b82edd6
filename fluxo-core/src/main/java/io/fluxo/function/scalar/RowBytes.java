package io.fluxo.function.scalar;

import io.fluxo.vector.BytesVector;
import java.util.Arrays;

/**
 * A growable byte buffer that assembles one string row (pieces, separators, padding) before it is appended to a
 * vector; a kernel reuses one across all rows of a batch.
 */
final class RowBytes {
    private byte[] buf = new byte[64];
    private int len;

    RowBytes clear() {
        len = 0;
        return this;
    }

    int length() {
        return len;
    }

    RowBytes append(byte[] src, int from, int count) {
        ensure(count);
        System.arraycopy(src, from, buf, len, count);
        len += count;
        return this;
    }

    RowBytes append(byte b) {
        ensure(1);
        buf[len++] = b;
        return this;
    }

    RowBytes appendCodePoint(int cp) {
        ensure(4);
        if (cp < 0x80) {
            buf[len++] = (byte) cp;
        } else if (cp < 0x800) {
            buf[len++] = (byte) (0xC0 | (cp >> 6));
            buf[len++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            buf[len++] = (byte) (0xE0 | (cp >> 12));
            buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            buf[len++] = (byte) (0xF0 | (cp >> 18));
            buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (cp & 0x3F));
        }
        return this;
    }

    /** Appends the assembled bytes as the next row of {@code out}. */
    void appendTo(BytesVector out) {
        out.append(buf, 0, len);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
