package io.fluxo.exec.expr;

import io.fluxo.errors.AnalysisException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A SQL LIKE pattern compiled once into a matcher over UTF-8 bytes, no regex and no String per row: {@code _} is one
 * character (code point), {@code %} any run of them, the escape character makes the next {@code _}, {@code %} or
 * itself literal, and everything else (regex metacharacters included) matches itself. Common shapes have their own
 * paths: equality, prefix ({@code abc%}), suffix ({@code %abc}), substring ({@code %abc%}), anything ({@code %}).
 * The general shape splits on {@code %}: the first piece is anchored at the start, the last at the end, and the
 * middle ones are found leftmost, which is exact for wildcards of this kind.
 */
final class LikePattern {
    private enum Shape { EQUALS, PREFIX, SUFFIX, CONTAINS, ANY, GENERAL }

    /** One {@code _}, inside a segment; other atoms are literal byte runs. */
    private static final byte[] ONE = new byte[0];

    private final Shape shape;
    /** The literal of the fast shapes. */
    private final byte[] literal;
    /** Pieces between {@code %}s; each an array of atoms ({@link #ONE} or literal bytes). */
    private final byte[][][] segments;

    private LikePattern(Shape shape, byte[] literal, byte[][][] segments) {
        this.shape = shape;
        this.literal = literal;
        this.segments = segments;
    }

    /** Compiles {@code pattern}; a misplaced escape character is an AnalysisException, as in Spark. */
    static LikePattern compile(String pattern, char escape) {
        List<List<byte[]>> segments = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean hasOne = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                if (i + 1 == pattern.length()) {
                    throw new AnalysisException("INVALID_FORMAT.ESC_AT_THE_END", "The format is invalid: '" + pattern
                            + "'. The escape character is not allowed to end with.");
                }
                char next = pattern.charAt(++i);
                if (next != '_' && next != '%' && next != escape) {
                    throw new AnalysisException("INVALID_FORMAT.ESC_IN_THE_MIDDLE", "The format is invalid: '"
                            + pattern + "'. The escape character is not allowed to precede '" + next + "'.");
                }
                run.append(next);
            } else if (c == '_') {
                flush(run, current);
                current.add(ONE);
                hasOne = true;
            } else if (c == '%') {
                flush(run, current);
                segments.add(current);
                current = new ArrayList<>();
            } else {
                run.append(c);
            }
        }
        flush(run, current);
        segments.add(current);
        return of(segments, hasOne);
    }

    private static void flush(StringBuilder run, List<byte[]> atoms) {
        if (run.length() > 0) {
            atoms.add(run.toString().getBytes(StandardCharsets.UTF_8));
            run.setLength(0);
        }
    }

    private static LikePattern of(List<List<byte[]>> segments, boolean hasOne) {
        int k = segments.size() - 1;
        boolean allEmpty = segments.stream().allMatch(List::isEmpty);
        if (k > 0 && allEmpty) {
            return new LikePattern(Shape.ANY, null, null);
        }
        if (!hasOne) {
            if (k == 0) {
                return new LikePattern(Shape.EQUALS, single(segments.get(0)), null);
            }
            if (k == 1 && segments.get(1).isEmpty()) {
                return new LikePattern(Shape.PREFIX, single(segments.get(0)), null);
            }
            if (k == 1 && segments.get(0).isEmpty()) {
                return new LikePattern(Shape.SUFFIX, single(segments.get(1)), null);
            }
            if (k == 2 && segments.get(0).isEmpty() && segments.get(2).isEmpty()) {
                return new LikePattern(Shape.CONTAINS, single(segments.get(1)), null);
            }
        }
        byte[][][] compiled = new byte[segments.size()][][];
        for (int s = 0; s < compiled.length; s++) {
            compiled[s] = segments.get(s).toArray(new byte[0][]);
        }
        return new LikePattern(Shape.GENERAL, null, compiled);
    }

    private static byte[] single(List<byte[]> atoms) {
        return atoms.isEmpty() ? new byte[0] : atoms.get(0);
    }

    /** Whether {@code data[start, end)} matches. */
    boolean matches(byte[] data, int start, int end) {
        int len = end - start;
        switch (shape) {
            case ANY:
                return true;
            case EQUALS:
                return len == literal.length && Arrays.equals(data, start, end, literal, 0, literal.length);
            case PREFIX:
                return len >= literal.length
                        && Arrays.equals(data, start, start + literal.length, literal, 0, literal.length);
            case SUFFIX:
                return len >= literal.length
                        && Arrays.equals(data, end - literal.length, end, literal, 0, literal.length);
            case CONTAINS:
                return indexOf(data, start, end, literal) >= 0;
            default:
                return matchesGeneral(data, start, end);
        }
    }

    static int indexOf(byte[] data, int start, int end, byte[] needle) {
        int n = needle.length;
        if (n == 0) {
            return start;
        }
        byte first = needle[0];
        for (int p = start; p <= end - n; p++) {
            if (data[p] == first && Arrays.equals(data, p, p + n, needle, 0, n)) {
                return p;
            }
        }
        return -1;
    }

    private boolean matchesGeneral(byte[] data, int start, int end) {
        int k = segments.length - 1;
        if (k == 0) {
            return forward(segments[0], data, start, end) == end;
        }
        int pos = forward(segments[0], data, start, end);
        if (pos < 0) {
            return false;
        }
        int limit = backward(segments[k], data, end, pos);
        if (limit < 0) {
            return false;
        }
        for (int s = 1; s < k; s++) {
            int found = -1;
            for (int p = pos; p <= limit; p = nextCodePoint(data, p, limit)) {
                found = forward(segments[s], data, p, limit);
                if (found >= 0) {
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            pos = found;
        }
        return true;
    }

    /** Matches a segment starting at {@code pos} within {@code [pos, end)}; returns where it ends, or -1. */
    private static int forward(byte[][] atoms, byte[] data, int pos, int end) {
        for (byte[] atom : atoms) {
            if (atom == ONE) {
                if (pos >= end) {
                    return -1;
                }
                pos = nextCodePoint(data, pos, end);
            } else {
                int n = atom.length;
                if (end - pos < n || !Arrays.equals(data, pos, pos + n, atom, 0, n)) {
                    return -1;
                }
                pos += n;
            }
        }
        return pos;
    }

    /** Matches a segment ending exactly at {@code end}, not reaching below {@code floor}; returns its start or -1. */
    private static int backward(byte[][] atoms, byte[] data, int end, int floor) {
        int pos = end;
        for (int a = atoms.length - 1; a >= 0; a--) {
            byte[] atom = atoms[a];
            if (atom == ONE) {
                if (pos <= floor) {
                    return -1;
                }
                pos--;
                while (pos > floor && (data[pos] & 0xC0) == 0x80) {
                    pos--;
                }
            } else {
                int n = atom.length;
                if (pos - floor < n || !Arrays.equals(data, pos - n, pos, atom, 0, n)) {
                    return -1;
                }
                pos -= n;
            }
        }
        return pos;
    }

    /** The start of the code point after the one at {@code pos} (UTF-8 continuation bytes are 10xxxxxx). */
    private static int nextCodePoint(byte[] data, int pos, int end) {
        pos++;
        while (pos < end && (data[pos] & 0xC0) == 0x80) {
            pos++;
        }
        return pos;
    }
}
