package io.fluxo.connector.file.internal;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads the lines of one split of a file without copying them: after {@link #next()} the line is
 * {@code buffer()[lineStart(), lineEnd())} (its separator excluded) until the next call. Lines are cut at {@code \n},
 * {@code \r} or {@code \r\n} by default, else at the given separator bytes. A split that does not start at 0 skips to
 * the first line starting after its start; every split reads the lines that start at or before its end (Hadoop's
 * rule, so each line is read once however the file is split). A UTF-8 byte order mark opening the file is skipped.
 */
public final class LineReader implements Closeable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteWindow window;
    private final long end;
    private final byte[] sep;
    private int pos;
    private int lineStart;
    private int lineEnd;
    private long linePosition;
    private boolean done;

    /**
     * @param start first byte of the split
     * @param end the position after the split; lines starting at or before it are read
     * @param lineSep separator bytes, or {@code null} for {@code \n}, {@code \r} and {@code \r\n}
     */
    public LineReader(Path file, long start, long end, byte[] lineSep, int bufferSize) throws IOException {
        this.sep = lineSep == null || lineSep.length == 0 ? null : lineSep.clone();
        int sepLen = sep == null ? 1 : sep.length;
        long from = start == 0 ? 0 : Math.max(0, start - (sepLen - 1));
        // A small split needs a small buffer (it grows for a long line); tests split files into many tiny ranges.
        long span = end - from + 1024;
        this.window = new ByteWindow(file, from, (int) Math.min(bufferSize, Math.max(4096, span)));
        this.end = end;
        try {
            if (start == 0) {
                skipByteOrderMark();
            } else {
                skipToLineAfter(start);
            }
        } catch (IOException | RuntimeException e) {
            window.close();
            throw e;
        }
    }

    public byte[] buffer() {
        return window.buffer();
    }

    public int lineStart() {
        return lineStart;
    }

    public int lineEnd() {
        return lineEnd;
    }

    /** File offset of the current line's first byte. */
    public long linePosition() {
        return linePosition;
    }

    /** Advances to the next line of the split; false when there is none. */
    public boolean next() throws IOException {
        if (done) {
            return false;
        }
        if (window.bufferStart() + pos > end || (pos >= window.limit() && !refill())) {
            done = true;
            return false;
        }
        int scan = pos;
        while (true) {
            int t = findSeparator(scan);
            if (t >= 0) {
                int termEnd = separatorEnd(t);
                if (termEnd < 0) { // '\r' last in the buffer: a '\n' may follow
                    scan = t;
                    if (!refill()) {
                        t -= window.shift();
                        lineStart = pos;
                        lineEnd = t;
                        pos = t + 1;
                        break;
                    }
                    scan = t - window.shift();
                    continue;
                }
                lineStart = pos;
                lineEnd = t;
                pos = termEnd;
                break;
            }
            int scanned = window.limit();
            if (sep != null) {
                scanned = Math.max(pos, scanned - sep.length + 1);
            }
            if (!refill()) {
                if (pos >= window.limit()) {
                    done = true;
                    return false;
                }
                lineStart = pos;
                lineEnd = window.limit();
                pos = window.limit();
                break;
            }
            scan = scanned - window.shift();
        }
        linePosition = window.bufferStart() + lineStart;
        return true;
    }

    /** Reads more data keeping the bytes from {@code pos}; adjusts {@code pos}. */
    private boolean refill() throws IOException {
        boolean more = window.fill(pos);
        pos -= window.shift();
        return more;
    }

    /** Index of the first separator at or after {@code from} within the buffer, or -1. */
    private int findSeparator(int from) {
        byte[] b = window.buffer();
        int limit = window.limit();
        if (sep == null) {
            return findLineBreak(b, from, limit);
        }
        byte first = sep[0];
        int last = limit - sep.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int k = 1; k < sep.length; k++) {
                if (b[i + k] != sep[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Index of the first '\n' or '\r' in {@code b[from, limit)}, or -1; eight bytes at a time. */
    static int findLineBreak(byte[] b, int from, int limit) {
        int i = from;
        for (; i + 8 <= limit; i += 8) {
            long w = (long) LONGS.get(b, i);
            long n = w ^ 0x0A0A0A0A0A0A0A0AL;
            long r = w ^ 0x0D0D0D0D0D0D0D0DL;
            long found = ((n - 0x0101010101010101L) & ~n | (r - 0x0101010101010101L) & ~r) & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < limit; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Index after the separator at {@code t}, or -1 when a lone '\r' ends the buffer before the end of file. */
    private int separatorEnd(int t) {
        if (sep != null) {
            return t + sep.length;
        }
        byte[] b = window.buffer();
        if (b[t] == '\n') {
            return t + 1;
        }
        if (t + 1 < window.limit()) {
            return b[t + 1] == '\n' ? t + 2 : t + 1;
        }
        return window.eof() ? t + 1 : -1;
    }

    private void skipByteOrderMark() throws IOException {
        while (window.limit() < 3 && window.fill(0)) {
            // read at least three bytes if the file has them
        }
        byte[] b = window.buffer();
        if (window.limit() >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    /** Moves to the first line that starts after {@code start}; sets {@code done} when there is none. */
    private void skipToLineAfter(long start) throws IOException {
        int scan = pos;
        while (true) {
            int t = findSeparator(scan);
            if (t >= 0) {
                int termEnd = separatorEnd(t);
                if (termEnd < 0) {
                    scan = t;
                    if (!refill()) {
                        termEnd = t - window.shift() + 1;
                    } else {
                        scan = t - window.shift();
                        continue;
                    }
                }
                pos = termEnd;
                if (window.bufferStart() + termEnd > start) {
                    return;
                }
                scan = pos;
                continue;
            }
            int scanned = window.limit();
            if (sep != null) {
                scanned = Math.max(pos, scanned - sep.length + 1);
            }
            pos = Math.max(pos, scanned); // nothing before the scan point starts a line we need
            if (!refill()) {
                done = true;
                return;
            }
            scan = pos;
        }
    }

    @Override
    public void close() throws IOException {
        window.close();
    }
}
