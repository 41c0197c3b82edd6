package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.FileSplit;
import io.fluxo.connector.file.internal.ByteWindow;
import io.fluxo.connector.file.internal.LineReader;
import java.io.Closeable;
import java.io.IOException;

/**
 * The records of one split, tokenized: one per line (Spark's default, splittable), or with {@code multiLine} records
 * whose quoted fields may span lines (whole files). Empty and white-space-only lines and comment lines are skipped,
 * as Spark does. After {@link #next()}, the tokenizer holds the fields and {@link #recordBytes()} etc. the raw text.
 */
final class CsvRecordSource implements Closeable {
    private final CsvOptions options;
    private final CsvTokenizer tokenizer;
    private final LineReader lines;
    private final ByteWindow window;
    private int pos;
    private byte[] recordBytes;
    private int recordStart;
    private int recordEnd;
    private long recordPosition;

    CsvRecordSource(FileSplit split, CsvOptions options, CsvTokenizer tokenizer) throws IOException {
        this.options = options;
        this.tokenizer = tokenizer;
        if (options.multiLine) {
            this.lines = null;
            this.window = new ByteWindow(split.file(), 0, ByteWindow.DEFAULT_SIZE);
            skipByteOrderMark();
        } else {
            this.lines = new LineReader(split.file(), split.start(), split.end(), options.lineSep,
                    ByteWindow.DEFAULT_SIZE);
            this.window = null;
        }
    }

    /** Reads and tokenizes the next record; false at the end of the split. */
    boolean next() throws IOException {
        return lines != null ? nextLine() : nextMultiLine();
    }

    byte[] recordBytes() {
        return recordBytes;
    }

    int recordStart() {
        return recordStart;
    }

    /** End of the record's text, its line break excluded. */
    int recordEnd() {
        return recordEnd;
    }

    /** File offset of the record's first byte. */
    long recordPosition() {
        return recordPosition;
    }

    private boolean nextLine() throws IOException {
        while (lines.next()) {
            byte[] b = lines.buffer();
            int s = lines.lineStart();
            int e = lines.lineEnd();
            if (skippable(b, s, e)) {
                continue;
            }
            tokenizer.tokenize(b, s, e, true, true);
            recordBytes = b;
            recordStart = s;
            recordEnd = e;
            recordPosition = lines.linePosition();
            return true;
        }
        return false;
    }

    /** A blank line, or one starting with the comment character. */
    private boolean skippable(byte[] b, int s, int e) {
        if (s < e && options.comment != 0 && b[s] == options.comment) {
            return true;
        }
        for (int i = s; i < e; i++) {
            if (b[i] > ' ' || b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean nextMultiLine() throws IOException {
        while (true) {
            if (pos >= window.limit() && !fill()) {
                return false;
            }
            int lineEnd = skipLineIfBlankOrComment();
            if (lineEnd == CsvTokenizer.NEED_MORE) {
                if (!fill()) {
                    lineEnd = window.limit();
                    pos = lineEnd;
                }
                continue;
            }
            if (lineEnd >= 0) {
                pos = lineEnd;
                continue;
            }
            int end = tokenizer.tokenize(window.buffer(), pos, window.limit(), false, window.eof());
            if (end == CsvTokenizer.NEED_MORE) {
                fill();
                continue;
            }
            recordBytes = window.buffer();
            recordStart = pos;
            recordEnd = tokenizer.contentEnd();
            recordPosition = window.bufferStart() + pos;
            pos = end;
            return true;
        }
    }

    /**
     * If the line at {@code pos} is blank or a comment, the index after it (NEED_MORE if its end is not in the
     * buffer yet); -2 when it holds a record.
     */
    private int skipLineIfBlankOrComment() {
        byte[] b = window.buffer();
        int limit = window.limit();
        boolean comment = options.comment != 0 && b[pos] == options.comment;
        int i = pos;
        while (i < limit && !isBreakAt(b, i, limit)) {
            if (!comment && (b[i] > ' ' || b[i] < 0)) {
                return -2;
            }
            i++;
        }
        if (i >= limit) {
            return window.eof() ? limit : CsvTokenizer.NEED_MORE;
        }
        if (options.lineSep != null) {
            return i + options.lineSep.length;
        }
        if (b[i] == '\r') {
            if (i + 1 >= limit) {
                return window.eof() ? i + 1 : CsvTokenizer.NEED_MORE;
            }
            return b[i + 1] == '\n' ? i + 2 : i + 1;
        }
        return i + 1;
    }

    private boolean isBreakAt(byte[] b, int i, int limit) {
        return options.lineSep == null ? b[i] == '\n' || b[i] == '\r' : startsWith(b, i, limit, options.lineSep);
    }

    private static boolean startsWith(byte[] b, int i, int limit, byte[] sep) {
        if (i + sep.length > limit) {
            return false;
        }
        for (int k = 0; k < sep.length; k++) {
            if (b[i + k] != sep[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        boolean more = window.fill(pos);
        pos -= window.shift();
        return more;
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

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
        if (window != null) {
            window.close();
        }
    }
}
