package io.fluxo.connector.file.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A sliding window over a file's bytes: {@code buffer()[0, limit())} holds the file from {@link #bufferStart()} on.
 * Parsers scan the buffer directly and call {@link #fill(int)} when they need bytes past {@link #limit()}; it keeps
 * the bytes from a given index (the record in progress), moving them to the front, and grows the buffer only when one
 * record is larger than it.
 */
public final class ByteWindow implements Closeable {
    /** Default window size; large enough that refills are rare, small enough for many concurrent readers. */
    public static final int DEFAULT_SIZE = 1 << 20;

    private final FileChannel channel;
    private byte[] buf;
    private int limit;
    private long bufferStart;
    private long filePosition;
    private boolean eof;

    public ByteWindow(Path file, long start, int size) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.buf = new byte[Math.max(size, 64)];
        this.bufferStart = start;
        this.filePosition = start;
    }

    public byte[] buffer() {
        return buf;
    }

    /** Number of valid bytes in {@link #buffer()}. */
    public int limit() {
        return limit;
    }

    /** File offset of {@code buffer()[0]}. */
    public long bufferStart() {
        return bufferStart;
    }

    /** True once the end of the file is in the buffer. */
    public boolean eof() {
        return eof;
    }

    /**
     * Reads more bytes, keeping {@code buffer()[keepFrom, limit())}, which moves to index 0: indexes into the buffer
     * shift by {@code -keepFrom} (the return value of {@link #shift()} after the call). Returns false at end of file
     * (nothing was added).
     */
    public boolean fill(int keepFrom) throws IOException {
        if (eof) {
            lastShift = 0;
            return false;
        }
        lastShift = keepFrom;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            limit -= keepFrom;
            bufferStart += keepFrom;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int added = 0;
        while (added == 0) {
            int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit), filePosition);
            if (n < 0) {
                eof = true;
                return false;
            }
            filePosition += n;
            limit += n;
            added += n;
        }
        return true;
    }

    private int lastShift;

    /** How far the last {@link #fill} moved the kept bytes towards index 0. */
    public int shift() {
        return lastShift;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
