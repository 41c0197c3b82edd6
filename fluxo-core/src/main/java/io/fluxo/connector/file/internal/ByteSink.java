package io.fluxo.connector.file.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A buffered, unsynchronized byte output for the text writers; {@link #flush()} pushes the buffer to the stream. */
public final class ByteSink {
    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    public ByteSink(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, 64)];
    }

    public void write(int b) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) b;
    }

    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            drain();
            if (len > buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Writes a string as UTF-8. */
    public void write(CharSequence s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                write(s.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            write(c);
        }
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    public void flush() throws IOException {
        drain();
        out.flush();
    }
}
