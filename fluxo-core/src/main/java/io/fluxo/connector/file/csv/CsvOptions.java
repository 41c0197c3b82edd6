package io.fluxo.connector.file.csv;

import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.ParseMode;
import io.fluxo.connector.file.internal.LineSeparators;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DateTimeUtils;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The CSV options of one read or write, checked and typed once (names and defaults as in Spark). */
final class CsvOptions {
    /** What the reader does with text after a closing quote (univocity's setting, as Spark names it). */
    enum UnescapedQuoteHandling { STOP_AT_CLOSING_QUOTE, BACK_TO_DELIMITER, STOP_AT_DELIMITER, SKIP_VALUE, RAISE_ERROR }

    final byte[] delimiter;
    final String delimiterText;
    /** Quote, escape, escape of the escape and comment characters as bytes; 0 when off. */
    final byte quote;
    final byte escape;
    final byte escapeEscape;
    final byte comment;
    final boolean header;
    final boolean inferSchema;
    final boolean preferDate;
    final boolean enforceSchema;
    final boolean multiLine;
    final boolean ignoreLeadingWhiteSpaceRead;
    final boolean ignoreTrailingWhiteSpaceRead;
    final boolean ignoreLeadingWhiteSpaceWrite;
    final boolean ignoreTrailingWhiteSpaceWrite;
    final boolean escapeQuotes;
    final boolean quoteAll;
    final String nullValue;
    final byte[] nullValueBytes;
    final byte[] emptyValueRead;
    final byte[] emptyValueWrite;
    final byte[] nanValue;
    final byte[] positiveInf;
    final byte[] negativeInf;
    final int maxColumns;
    final int maxCharsPerColumn;
    final UnescapedQuoteHandling unescapedQuoteHandling;
    final ParseMode mode;
    final ZoneId zone;
    /** Read patterns; null means Spark's flexible parsing. */
    final DateTimeFormatter dateFormat;
    final DateTimeFormatter timestampFormat;
    final byte[] lineSep;
    final String lineSepWrite;

    CsvOptions(FileOptions o) {
        o.requireUtf8("CSV");
        String sep = o.getString("sep", o.getString("delimiter", ","));
        delimiterText = toDelimiter(o.contains("sep") ? "sep" : "delimiter", sep);
        delimiter = delimiterText.getBytes(StandardCharsets.UTF_8);
        quote = ascii(o, "quote", o.getChar("quote", '"'));
        escape = ascii(o, "escape", o.getChar("escape", '\\'));
        String escEsc = o.getString("charToEscapeQuoteEscaping", null);
        if (escEsc == null || escEsc.isEmpty()) {
            escapeEscape = quote == escape ? 0 : escape;
        } else {
            escapeEscape = ascii(o, "charToEscapeQuoteEscaping", o.getChar("charToEscapeQuoteEscaping", '\0'));
        }
        comment = ascii(o, "comment", o.getChar("comment", '\0'));
        header = o.getBoolean("header", false);
        inferSchema = o.getBoolean("inferSchema", false);
        preferDate = o.getBoolean("preferDate", true);
        enforceSchema = o.getBoolean("enforceSchema", true);
        multiLine = o.getBoolean("multiLine", false);
        ignoreLeadingWhiteSpaceRead = o.getBoolean("ignoreLeadingWhiteSpace", false);
        ignoreTrailingWhiteSpaceRead = o.getBoolean("ignoreTrailingWhiteSpace", false);
        ignoreLeadingWhiteSpaceWrite = o.getBoolean("ignoreLeadingWhiteSpace", true);
        ignoreTrailingWhiteSpaceWrite = o.getBoolean("ignoreTrailingWhiteSpace", true);
        escapeQuotes = o.getBoolean("escapeQuotes", true);
        quoteAll = o.getBoolean("quoteAll", false);
        nullValue = o.getString("nullValue", "");
        nullValueBytes = nullValue.getBytes(StandardCharsets.UTF_8);
        String empty = o.getString("emptyValue", null);
        emptyValueRead = (empty == null ? "" : empty).getBytes(StandardCharsets.UTF_8);
        emptyValueWrite = (empty == null ? quoteString(quote) : empty).getBytes(StandardCharsets.UTF_8);
        nanValue = o.getString("nanValue", "NaN").getBytes(StandardCharsets.UTF_8);
        positiveInf = o.getString("positiveInf", "Inf").getBytes(StandardCharsets.UTF_8);
        negativeInf = o.getString("negativeInf", "-Inf").getBytes(StandardCharsets.UTF_8);
        maxColumns = o.getInt("maxColumns", 20480);
        if (maxColumns <= 0) {
            throw FileOptions.invalid("maxColumns", String.valueOf(maxColumns), "a positive number");
        }
        maxCharsPerColumn = o.getInt("maxCharsPerColumn", -1);
        String uqh = o.getString("unescapedQuoteHandling", "STOP_AT_DELIMITER");
        try {
            unescapedQuoteHandling = UnescapedQuoteHandling.valueOf(uqh.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FileOptions.invalid("unescapedQuoteHandling", uqh, "one of STOP_AT_CLOSING_QUOTE, BACK_TO_DELIMITER, "
                    + "STOP_AT_DELIMITER, SKIP_VALUE, RAISE_ERROR");
        }
        mode = o.parseMode();
        zone = o.zoneId();
        dateFormat = pattern("dateFormat", o.getString("dateFormat", null));
        timestampFormat = pattern("timestampFormat", o.getString("timestampFormat", null));
        lineSep = LineSeparators.forRead(o);
        lineSepWrite = LineSeparators.forWrite(o);
    }

    private static String quoteString(byte quote) {
        return quote == 0 ? "" : new String(new char[] {(char) quote, (char) quote});
    }

    private static byte ascii(FileOptions o, String option, char c) {
        if (c > 0x7F) {
            throw new AnalysisException(FileOptions.INVALID_OPTION_VALUE, "The option '" + option + "' must be an ASCII "
                    + "character in Fluxo's CSV reader, got '" + c + "'.", Map.of("option", option, "value", "" + c));
        }
        return (byte) c;
    }

    private static DateTimeFormatter pattern(String option, String pattern) {
        if (pattern == null) {
            return null;
        }
        try {
            return DateTimeUtils.formatter(pattern);
        } catch (IllegalArgumentException e) {
            throw FileOptions.invalid(option, pattern, "a datetime pattern such as 'yyyy-MM-dd HH:mm:ss'");
        }
    }

    /** Spark's reading of the separator option: {@code \t} and friends as escapes, several characters allowed. */
    static String toDelimiter(String option, String text) {
        if (text.isEmpty()) {
            throw FileOptions.invalid(option, text, "a non-empty delimiter");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw FileOptions.invalid(option, text, "no single backslash (it starts an escape; write two for a "
                        + "backslash)");
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case 't':
                    out.append('\t');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case '"':
                    out.append('"');
                    break;
                case '\'':
                    out.append('\'');
                    break;
                case '\\':
                    out.append('\\');
                    break;
                case 'u':
                    if (text.startsWith("\\u0000", i)) {
                        out.append('\0');
                        i += 4;
                        break;
                    }
                    throw FileOptions.invalid(option, text, "a supported escape (\\t, \\r, \\b, \\f, \\\", \\', \\\\)");
                default:
                    throw FileOptions.invalid(option, text, "a supported escape (\\t, \\r, \\b, \\f, \\\", \\', \\\\)");
            }
            i += 2;
        }
        return out.toString();
    }
}
