package io.fluxo.connector.file.csv;

import java.util.Arrays;

/**
 * Splits one CSV record into fields, byte by byte, without copying fields that need no unescaping (those point into
 * the input; the others are unescaped into a scratch buffer). Grammar, as univocity (Spark's parser) reads it:
 * fields are separated by the delimiter (one or more bytes); a field starting with the quote character (after
 * leading white space when it is ignored) is quoted and may hold delimiters and, in {@code multiLine} mode, line
 * breaks; inside quotes, escape+quote and two quotes are a quote, and the escape of the escape followed by the escape
 * is the escape; text after a closing quote is handled by {@code unescapedQuoteHandling}. An unquoted empty field is
 * {@link #isNullToken null}; a quoted empty one is the {@code emptyValue}.
 *
 * <p>In line mode a record is exactly the given range (the line); otherwise it ends at the first line break outside
 * quotes, and {@link #tokenize} asks for more input when the record may continue past the bytes it has.
 */
final class CsvTokenizer {
    static final int NEED_MORE = -1;
    private static final byte QUOTED = 1;
    private static final byte SCRATCH = 2;
    private static final byte NULL_TOKEN = 4;

    private final byte[] delimiter;
    private final byte delim0;
    private final boolean singleDelimiter;
    private final byte quote;
    private final byte escape;
    private final byte escapeEscape;
    private final boolean trimLeading;
    private final boolean trimTrailing;
    private final CsvOptions.UnescapedQuoteHandling unescapedQuotes;
    private final int maxColumns;
    private final int maxChars;
    private final byte[] lineSep;

    private byte[] input;
    private int count;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private byte[] flags = new byte[64];
    private byte[] scratch = new byte[1024];
    private int scratchLength;
    private String malformed;
    /** End of the record's content, before its line break (multiLine mode). */
    private int contentEnd;

    CsvTokenizer(CsvOptions o) {
        this.delimiter = o.delimiter;
        this.delim0 = delimiter[0];
        this.singleDelimiter = delimiter.length == 1;
        this.quote = o.quote;
        this.escape = o.escape;
        this.escapeEscape = o.escapeEscape;
        this.trimLeading = o.ignoreLeadingWhiteSpaceRead;
        this.trimTrailing = o.ignoreTrailingWhiteSpaceRead;
        this.unescapedQuotes = o.unescapedQuoteHandling;
        this.maxColumns = o.maxColumns;
        this.maxChars = o.maxCharsPerColumn;
        this.lineSep = o.lineSep;
    }

    int count() {
        return count;
    }

    /** Why the record cannot be split into fields, or null. */
    String malformed() {
        return malformed;
    }

    int contentEnd() {
        return contentEnd;
    }

    /** The bytes holding field {@code i}, from {@link #start} to {@link #end}. */
    byte[] bytes(int i) {
        return (flags[i] & SCRATCH) != 0 ? scratch : input;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** An unquoted empty field (what univocity turns into the {@code nullValue}). */
    boolean isNullToken(int i) {
        return (flags[i] & NULL_TOKEN) != 0;
    }

    boolean isQuoted(int i) {
        return (flags[i] & QUOTED) != 0;
    }

    /** Field {@code i} as text, for messages and header names. */
    String text(int i) {
        return new String(bytes(i), starts[i], ends[i] - starts[i], java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Splits the record starting at {@code pos}. In line mode it is {@code [pos, limit)}; otherwise it ends at a line
     * break outside quotes, and {@link #NEED_MORE} is returned when it may continue past {@code limit} before the end
     * of the input ({@code eof} false).
     *
     * @return the index after the record (and its line break)
     */
    int tokenize(byte[] b, int pos, int limit, boolean lineMode, boolean eof) {
        input = b;
        count = 0;
        scratchLength = 0;
        malformed = null;
        boolean partialOk = lineMode || eof;
        int p = pos;
        while (true) {
            if (trimLeading) {
                while (p < limit && isSpace(b[p])) {
                    p++;
                }
            }
            if (p < limit && quote != 0 && b[p] == quote) {
                p = quoted(b, p + 1, limit, lineMode, partialOk);
                if (p == NEED_MORE) {
                    return NEED_MORE;
                }
                int q = p;
                while (q < limit && (b[q] == ' ' || b[q] == '\t')) {
                    q++;
                }
                if (q < limit && !isDelimiter(b, q, limit) && (lineMode || !isLineBreak(b, q, limit))) {
                    p = afterClosingQuote(b, p, limit, lineMode);
                    if (p == NEED_MORE) {
                        if (!partialOk) {
                            return NEED_MORE;
                        }
                        p = limit;
                    }
                } else {
                    p = q;
                }
            } else {
                int s = p;
                if (lineMode && singleDelimiter) {
                    while (p < limit && b[p] != delim0) {
                        p++;
                    }
                } else {
                    while (p < limit && !isDelimiter(b, p, limit) && (lineMode || !isLineBreak(b, p, limit))) {
                        p++;
                    }
                }
                if (p >= limit && !partialOk) {
                    return NEED_MORE;
                }
                int e = p;
                if (trimTrailing) {
                    while (e > s && isSpace(b[e - 1])) {
                        e--;
                    }
                }
                add(s, e, e == s ? NULL_TOKEN : 0);
            }
            if (p < limit && isDelimiter(b, p, limit)) {
                p += delimiter.length;
                continue;
            }
            if (lineMode) {
                contentEnd = limit;
                return limit;
            }
            if (p >= limit) {
                if (!eof) {
                    return NEED_MORE;
                }
                contentEnd = limit;
                return limit;
            }
            contentEnd = p;
            int breakEnd = lineBreakEnd(b, p, limit, eof);
            return breakEnd;
        }
    }

    /** Reads a quoted field whose content starts at {@code p}; returns the index after the closing quote. */
    private int quoted(byte[] b, int p, int limit, boolean lineMode, boolean partialOk) {
        int s = p;
        while (p < limit) {
            byte c = b[p];
            if (c == quote) {
                if (p + 1 < limit && b[p + 1] == quote) {
                    break; // a doubled quote: unescape
                }
                if (p + 1 >= limit && !partialOk) {
                    return NEED_MORE;
                }
                add(s, p, QUOTED);
                return p + 1;
            }
            if ((c == escape || c == escapeEscape) && c != 0) {
                break;
            }
            p++;
        }
        if (p >= limit) {
            if (!partialOk) {
                return NEED_MORE;
            }
            add(s, limit, QUOTED); // an unclosed quote runs to the end of the record
            return limit;
        }
        // Slow path: copy into scratch, resolving escapes.
        int from = scratchLength;
        append(b, s, p - s);
        while (p < limit) {
            byte c = b[p];
            boolean hasNext = p + 1 < limit;
            if (!hasNext && !partialOk && (c == quote || c == escape || c == escapeEscape)) {
                return NEED_MORE;
            }
            byte next = hasNext ? b[p + 1] : 0;
            if (c == quote) {
                if (hasNext && next == quote) {
                    append(quote);
                    p += 2;
                    continue;
                }
                addScratch(from);
                return p + 1;
            }
            if (c == escape && escape != quote && hasNext && next == quote) {
                append(quote);
                p += 2;
                continue;
            }
            if (c == escapeEscape && c != 0 && escape != quote && hasNext && next == escape) {
                append(escape);
                p += 2;
                continue;
            }
            append(c);
            p++;
        }
        if (!partialOk) {
            return NEED_MORE;
        }
        addScratch(from);
        return limit;
    }

    /** Text after a closing quote and before the delimiter; {@code p} is just after the quote. */
    private int afterClosingQuote(byte[] b, int p, int limit, boolean lineMode) {
        int q = p;
        while (q < limit && !isDelimiter(b, q, limit) && (lineMode || !isLineBreak(b, q, limit))) {
            q++;
        }
        if (q >= limit && !lineMode) {
            return NEED_MORE;
        }
        int field = count - 1;
        switch (unescapedQuotes) {
            case RAISE_ERROR:
                malformed = "unescaped quote character in field " + (field + 1);
                break;
            case SKIP_VALUE:
                starts[field] = ends[field] = 0;
                flags[field] = NULL_TOKEN;
                break;
            default:
                // Keep the quoted content, the quote and what follows, as one value.
                int from = scratchLength;
                byte[] src = bytes(field);
                append(src, starts[field], ends[field] - starts[field]);
                append(quote);
                append(b, p, q - p);
                starts[field] = from;
                ends[field] = scratchLength;
                flags[field] = QUOTED | SCRATCH;
                break;
        }
        return q;
    }

    private boolean isDelimiter(byte[] b, int p, int limit) {
        if (b[p] != delim0) {
            return false;
        }
        if (singleDelimiter) {
            return true;
        }
        if (p + delimiter.length > limit) {
            return false;
        }
        for (int k = 1; k < delimiter.length; k++) {
            if (b[p + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean isLineBreak(byte[] b, int p, int limit) {
        if (lineSep == null) {
            return b[p] == '\n' || b[p] == '\r';
        }
        if (b[p] != lineSep[0] || p + lineSep.length > limit) {
            return false;
        }
        for (int k = 1; k < lineSep.length; k++) {
            if (b[p + k] != lineSep[k]) {
                return false;
            }
        }
        return true;
    }

    /** Index after the line break at {@code p}, or NEED_MORE when a '\r' ends the buffer before the end of input. */
    private int lineBreakEnd(byte[] b, int p, int limit, boolean eof) {
        if (lineSep != null) {
            return p + lineSep.length;
        }
        if (b[p] == '\n') {
            return p + 1;
        }
        if (p + 1 < limit) {
            return b[p + 1] == '\n' ? p + 2 : p + 1;
        }
        return eof ? p + 1 : NEED_MORE;
    }

    private static boolean isSpace(byte c) {
        return c <= ' ' && c >= 0 && c != '\n' && c != '\r';
    }

    private void add(int start, int end, byte flag) {
        if (count == starts.length) {
            int n = count * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            flags = Arrays.copyOf(flags, n);
        }
        if (count >= maxColumns && malformed == null) {
            malformed = "more than " + maxColumns + " columns (maxColumns)";
        }
        if (maxChars >= 0 && end - start > maxChars && malformed == null) {
            malformed = "a value longer than " + maxChars + " characters (maxCharsPerColumn)";
        }
        starts[count] = start;
        ends[count] = end;
        flags[count] = flag;
        count++;
    }

    private void addScratch(int from) {
        add(from, scratchLength, (byte) (QUOTED | SCRATCH));
    }

    private void append(byte c) {
        if (scratchLength == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLength++] = c;
    }

    private void append(byte[] b, int from, int len) {
        if (scratchLength + len > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + len));
        }
        System.arraycopy(b, from, scratch, scratchLength, len);
        scratchLength += len;
    }
}
