package io.fluxo.function.scalar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Character-level navigation of UTF-8 bytes without decoding: characters are counted as code points (Spark's
 * {@code numChars}), so string functions can work on the bytes of a vector and decode only non-ASCII rows when they
 * must.
 */
final class Utf8 {
    private Utf8() {
    }

    static boolean isAscii(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of the character starting with {@code lead} (1 for malformed leads, as Spark counts). */
    static int charBytes(byte lead) {
        int b = lead & 0xFF;
        if (b < 0xC0) {
            return 1;
        }
        if (b < 0xE0) {
            return 2;
        }
        if (b < 0xF0) {
            return 3;
        }
        return 4;
    }

    static int numChars(byte[] data, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i += charBytes(data[i])) {
            count++;
        }
        return count;
    }

    /** Byte offset of character {@code charIndex} (0-based) in {@code [from, to)}, or {@code to} past the end. */
    static int offsetOfChar(byte[] data, int from, int to, int charIndex) {
        int i = from;
        for (int c = 0; c < charIndex && i < to; c++) {
            i += charBytes(data[i]);
        }
        return Math.min(i, to);
    }

    /** Byte offset of the first occurrence of {@code needle} in {@code data[from, to)}, or -1. */
    static int indexOf(byte[] data, int from, int to, byte[] needle) {
        return indexOf(data, from, to, needle, 0, needle.length);
    }

    /** Byte offset of the first occurrence of {@code needle[nFrom, nTo)} in {@code data[from, to)}, or -1. */
    static int indexOf(byte[] data, int from, int to, byte[] needle, int nFrom, int nTo) {
        int n = nTo - nFrom;
        if (n == 0) {
            return from;
        }
        byte first = needle[nFrom];
        int last = to - n;
        outer:
        for (int i = from; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int k = 1; k < n; k++) {
                if (data[i + k] != needle[nFrom + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Byte offset of the last occurrence of {@code needle[nFrom, nTo)} starting at or before {@code lastStart}. */
    static int lastIndexOf(byte[] data, int from, int to, byte[] needle, int nFrom, int nTo, int lastStart) {
        int n = nTo - nFrom;
        for (int i = Math.min(lastStart, to - n); i >= from; i--) {
            if (Arrays.equals(data, i, i + n, needle, nFrom, nTo)) {
                return i;
            }
        }
        return -1;
    }

    /** The code point starting at byte {@code pos}. */
    static int codePointAt(byte[] data, int pos, int to) {
        int b = data[pos] & 0xFF;
        int len = Math.min(charBytes(data[pos]), to - pos);
        if (len == 1) {
            return b;
        }
        return new String(data, pos, len, StandardCharsets.UTF_8).codePointAt(0);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
