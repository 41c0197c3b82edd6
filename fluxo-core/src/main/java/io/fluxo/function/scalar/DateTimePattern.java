package io.fluxo.function.scalar;

import io.fluxo.types.DateTimeUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled datetime pattern made only of numeric fields ({@code yyyy MM dd HH mm ss SSS …}) and literal text, which
 * formats local micros straight into bytes with integer arithmetic. Patterns with anything else (month names, am/pm,
 * zones, optional sections) do not compile here and are formatted by {@link DateTimeUtils#formatter} instead.
 */
final class DateTimePattern {
    private static final int LITERAL = 0;
    private static final int YEAR = 1;
    private static final int YEAR_2 = 2;
    private static final int MONTH = 3;
    private static final int DAY = 4;
    private static final int HOUR = 5;
    private static final int MINUTE = 6;
    private static final int SECOND = 7;
    private static final int FRACTION = 8;

    private final int[] kinds;
    private final int[] widths;
    private final byte[][] literals;

    private DateTimePattern(int[] kinds, int[] widths, byte[][] literals) {
        this.kinds = kinds;
        this.widths = widths;
        this.literals = literals;
    }

    /** The compiled pattern, or null when it uses anything beyond numeric fields and literals. */
    static DateTimePattern compile(String pattern) {
        List<int[]> fields = new ArrayList<>();
        List<byte[]> texts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    return null;
                }
                literal.append(end == i + 1 ? "'" : pattern.substring(i + 1, end));
                i = end + 1;
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int run = 1;
                while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                    run++;
                }
                int kind = kindOf(c, run);
                if (kind < 0) {
                    return null;
                }
                flush(literal, fields, texts);
                fields.add(new int[] {kind, run});
                texts.add(null);
                i += run;
                continue;
            }
            if ("[]{}#".indexOf(c) >= 0) {
                return null;
            }
            literal.append(c);
            i++;
        }
        flush(literal, fields, texts);
        int[] kinds = new int[fields.size()];
        int[] widths = new int[fields.size()];
        for (int k = 0; k < kinds.length; k++) {
            kinds[k] = fields.get(k)[0];
            widths[k] = fields.get(k)[1];
        }
        return new DateTimePattern(kinds, widths, texts.toArray(new byte[0][]));
    }

    private static void flush(StringBuilder literal, List<int[]> fields, List<byte[]> texts) {
        if (literal.length() > 0) {
            fields.add(new int[] {LITERAL, 0});
            texts.add(Utf8.bytes(literal.toString()));
            literal.setLength(0);
        }
    }

    private static int kindOf(char c, int run) {
        switch (c) {
            case 'y':
                return run == 2 ? YEAR_2 : YEAR;
            case 'M':
                return run <= 2 ? MONTH : -1;
            case 'd':
                return run <= 2 ? DAY : -1;
            case 'H':
                return run <= 2 ? HOUR : -1;
            case 'm':
                return run <= 2 ? MINUTE : -1;
            case 's':
                return run <= 2 ? SECOND : -1;
            case 'S':
                return run <= 9 ? FRACTION : -1;
            default:
                return -1;
        }
    }

    /**
     * Appends local wall-clock micros formatted; returns false, having appended nothing, when the year is outside
     * 1..9999 (where era and sign rules need the general formatter).
     */
    boolean format(long localMicros, RowBytes out) {
        int days = (int) Math.floorDiv(localMicros, DateTimeUtils.MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(localMicros, DateTimeUtils.MICROS_PER_DAY);
        long civil = DateFields.civil(days);
        int year = DateFields.yearOf(civil);
        if (year < 1 || year > 9999) {
            return false;
        }
        for (int k = 0; k < kinds.length; k++) {
            int w = widths[k];
            switch (kinds[k]) {
                case LITERAL:
                    out.append(literals[k], 0, literals[k].length);
                    break;
                case YEAR:
                    appendPadded(out, year, w);
                    break;
                case YEAR_2:
                    appendPadded(out, year % 100, 2);
                    break;
                case MONTH:
                    appendPadded(out, DateFields.monthOf(civil), w);
                    break;
                case DAY:
                    appendPadded(out, DateFields.dayOf(civil), w);
                    break;
                case HOUR:
                    appendPadded(out, (int) (timeOfDay / 3_600_000_000L), w);
                    break;
                case MINUTE:
                    appendPadded(out, (int) (timeOfDay / 60_000_000L % 60), w);
                    break;
                case SECOND:
                    appendPadded(out, (int) (timeOfDay / 1_000_000L % 60), w);
                    break;
                default:
                    appendFraction(out, (int) (timeOfDay % 1_000_000L), w);
                    break;
            }
        }
        return true;
    }

    private static void appendPadded(RowBytes out, int value, int width) {
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : 10;
        for (int k = digits; k < width; k++) {
            out.append((byte) '0');
        }
        if (digits == 10) {
            byte[] b = Utf8.bytes(Integer.toString(value));
            out.append(b, 0, b.length);
            return;
        }
        int div = 1;
        for (int k = 1; k < digits; k++) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            out.append((byte) ('0' + value / div % 10));
        }
    }

    private static void appendFraction(RowBytes out, int micros, int width) {
        int div = 100_000;
        for (int k = 0; k < width; k++) {
            out.append((byte) (div == 0 ? '0' : '0' + micros / div % 10));
            div /= 10;
        }
    }
}
