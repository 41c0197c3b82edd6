package io.fluxo.exec.expr;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable UTF-8 byte buffer, reset per value, for writing strings without a String per row where possible. */
final class Utf8Builder {
    private byte[] bytes = new byte[64];
    private int length;

    void reset() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    Utf8Builder append(byte[] src, int from, int len) {
        ensure(len);
        System.arraycopy(src, from, bytes, length, len);
        length += len;
        return this;
    }

    /** Appends text; ASCII goes byte by byte, anything else through the UTF-8 encoder. */
    Utf8Builder append(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] encoded = s.substring(i).getBytes(StandardCharsets.UTF_8);
                return append(encoded, 0, encoded.length);
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    Utf8Builder append(char asciiChar) {
        ensure(1);
        bytes[length++] = (byte) asciiChar;
        return this;
    }

    /** Decimal digits of {@code v}, as {@link Long#toString(long)} writes them. */
    Utf8Builder append(long v) {
        if (v == Long.MIN_VALUE) {
            return append("-9223372036854775808");
        }
        ensure(20);
        if (v < 0) {
            bytes[length++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        length = end;
        return this;
    }

    /** The plain text of {@code unscaled × 10^-scale}, as {@link java.math.BigDecimal#toPlainString()} writes it. */
    Utf8Builder appendDecimal(long unscaled, int scale) {
        if (scale == 0) {
            return append(unscaled);
        }
        if (unscaled == Long.MIN_VALUE) {
            return append(BigDecimal.valueOf(unscaled, scale).toPlainString());
        }
        if (unscaled < 0) {
            append('-');
            unscaled = -unscaled;
        }
        long pow = DecimalArithmetic.POW10[scale];
        append(unscaled / pow).append('.');
        long fraction = unscaled % pow;
        ensure(scale);
        for (int i = length + scale - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + (fraction % 10));
            fraction /= 10;
        }
        length += scale;
        return this;
    }
}
