package io.fluxo.connector.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 1-based line number of a byte offset in a file, found by counting separators from the start. Readers keep byte
 * offsets, not line numbers (a split starting mid-file cannot know its line), and ask here only to word an error.
 */
public final class LineNumbers {
    private LineNumbers() {
    }

    /**
     * Line number of the line containing {@code offset}: separators before it, plus one.
     *
     * @param lineSep separator bytes, or {@code null} for {@code \n}, {@code \r} and {@code \r\n}
     */
    public static long lineAt(Path file, long offset, byte[] lineSep) {
        long lines = 1;
        byte[] buf = new byte[1 << 16];
        long pos = 0;
        boolean lastWasCr = false;
        int matched = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (pos < offset && (n = in.read(buf, 0, (int) Math.min(buf.length, offset - pos))) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (lineSep == null || lineSep.length == 0) {
                        if (b == '\n') {
                            if (!lastWasCr) {
                                lines++;
                            }
                            lastWasCr = false;
                        } else if (b == '\r') {
                            lines++;
                            lastWasCr = true;
                        } else {
                            lastWasCr = false;
                        }
                    } else {
                        matched = b == lineSep[matched] ? matched + 1 : (b == lineSep[0] ? 1 : 0);
                        if (matched == lineSep.length) {
                            lines++;
                            matched = 0;
                        }
                    }
                }
                pos += n;
            }
        } catch (IOException e) {
            return -1;
        }
        return lines;
    }
}
