package io.fluxo.types;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The one home of date and timestamp text conversion, used by casts, datetime functions and file formats alike.
 * Internal forms: DATE = days since 1970-01-01 (int), TIMESTAMP = microseconds since the epoch (long, UTC).
 * Text without a zone is read in the session time zone, as Spark does.
 */
public final class DateTimeUtils {
    public static final long MICROS_PER_SECOND = 1_000_000L;

    /**
     * Microseconds of an interval written as text: {@code "10 seconds"}, {@code "1 hour 30 minutes"},
     * {@code "interval 5 minutes"}, {@code "500 ms"}, {@code "2h"}, {@code "0.5 s"}. Units: microsecond(s)/us,
     * millisecond(s)/ms, second(s)/sec(s)/s, minute(s)/min(s)/m, hour(s)/h, day(s)/d, week(s). Every number needs a
     * unit, except that a lone number means seconds.
     *
     * @throws IllegalArgumentException when the text is not such an interval
     */
    public static long parseIntervalMicros(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("interval")) {
            s = s.substring("interval".length()).trim();
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty interval");
        }
        double total = 0;
        int i = 0;
        int parts = 0;
        while (i < s.length()) {
            int start = i;
            if (s.charAt(i) == '-' || s.charAt(i) == '+') {
                i++;
            }
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("a number is expected at '" + s.substring(start) + "'");
            }
            double amount = Double.parseDouble(s.substring(start, i));
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            String unit = s.substring(unitStart, i);
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            parts++;
            if (unit.isEmpty() && (parts > 1 || i < s.length())) {
                throw new IllegalArgumentException("a unit is expected after " + s.substring(start, unitStart).trim());
            }
            total += amount * unitMicros(unit.isEmpty() ? "s" : unit);
        }
        return Math.round(total);
    }

    private static long unitMicros(String unit) {
        switch (unit) {
            case "us": case "microsecond": case "microseconds":
                return 1L;
            case "ms": case "milli": case "millis": case "millisecond": case "milliseconds":
                return 1_000L;
            case "s": case "sec": case "secs": case "second": case "seconds":
                return MICROS_PER_SECOND;
            case "m": case "min": case "mins": case "minute": case "minutes":
                return 60 * MICROS_PER_SECOND;
            case "h": case "hour": case "hours":
                return 3_600 * MICROS_PER_SECOND;
            case "d": case "day": case "days":
                return 86_400 * MICROS_PER_SECOND;
            case "week": case "weeks":
                return 7 * 86_400 * MICROS_PER_SECOND;
            default:
                throw new IllegalArgumentException("unknown unit '" + unit + "'");
        }
    }
    public static final long MICROS_PER_MILLI = 1_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private DateTimeUtils() {
    }

    /** Micros of an instant. */
    public static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000L);
    }

    public static LocalDate toLocalDate(int days) {
        return LocalDate.ofEpochDay(days);
    }

    public static int toDays(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    /**
     * Parses a timestamp the way Spark's CAST(string AS TIMESTAMP) does: {@code yyyy}, {@code yyyy-[m]m},
     * {@code yyyy-[m]m-[d]d}, then optionally {@code ' '} or {@code 'T'} and {@code [h]h:[m]m[:[s]s[.fraction]]}, then
     * an optional zone ({@code Z}, {@code +hh:mm}, {@code UTC}, a region id). Surrounding spaces are ignored.
     *
     * @return micros since the epoch, or {@code null} when the text is not a timestamp
     */
    public static Long parseTimestamp(String text, ZoneId sessionZone) {
        String s = text.strip();
        int n = s.length();
        int[] date = new int[] {0, 1, 1};
        int i = 0;
        int seg = 0;
        int digits = 0;
        int value = 0;
        boolean negativeYear = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negativeYear = s.charAt(i) == '-';
            i++;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > (seg == 0 ? 6 : 2)) {
                    return null;
                }
            } else if (c == '-' && seg < 2) {
                if (digits == 0 || (seg == 0 && digits < 4)) {
                    return null;
                }
                date[seg++] = value;
                value = 0;
                digits = 0;
            } else if (c == ' ' || c == 'T') {
                break;
            } else {
                return null;
            }
            i++;
        }
        if (digits == 0 || (seg == 0 && digits < 4)) {
            return null;
        }
        date[seg] = value;
        int year = negativeYear ? -date[0] : date[0];
        LocalDate localDate;
        try {
            localDate = LocalDate.of(year, date[1], date[2]);
        } catch (DateTimeException e) {
            return null;
        }
        LocalTime time = LocalTime.MIDNIGHT;
        ZoneId zone = sessionZone;
        if (i < n) {
            i++; // ' ' or 'T'
            int[] t = new int[] {0, 0, 0};
            int tseg = 0;
            digits = 0;
            value = 0;
            int nanos = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    value = value * 10 + (c - '0');
                    if (++digits > 2) {
                        return null;
                    }
                } else if (c == ':' && tseg < 2) {
                    if (digits == 0) {
                        return null;
                    }
                    t[tseg++] = value;
                    value = 0;
                    digits = 0;
                } else {
                    break;
                }
                i++;
            }
            if (digits == 0 || tseg == 0) {
                return null;
            }
            t[tseg] = value;
            if (i < n && s.charAt(i) == '.' && tseg == 2) {
                i++;
                int fracDigits = 0;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    if (fracDigits < 9) {
                        nanos = nanos * 10 + (s.charAt(i) - '0');
                    }
                    fracDigits++;
                    i++;
                }
                for (int k = fracDigits; k < 9; k++) {
                    nanos *= 10;
                }
                nanos = nanos / 1000 * 1000; // microsecond precision
            }
            try {
                time = LocalTime.of(t[0], t[1], t[2], nanos);
            } catch (DateTimeException e) {
                return null;
            }
            if (i < n) {
                String zoneText = s.substring(i).strip();
                zone = parseZone(zoneText);
                if (zone == null) {
                    return null;
                }
            }
        }
        try {
            return toMicros(ZonedDateTime.of(localDate, time, zone).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static ZoneId parseZone(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.equals("Z")) {
                return ZoneOffset.UTC;
            }
            if (text.charAt(0) == '+' || text.charAt(0) == '-') {
                return ZoneOffset.of(text);
            }
            return ZoneId.of(text, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Parses a date the way Spark's CAST(string AS DATE) does: {@code yyyy}, {@code yyyy-[m]m}, {@code yyyy-[m]m-[d]d},
     * optionally followed by {@code ' '} or {@code 'T'} and anything.
     *
     * @return days since the epoch, or {@code null} when the text is not a date
     */
    public static Integer parseDate(String text) {
        String s = text.strip();
        int cut = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == 'T') {
                cut = i;
                break;
            }
        }
        Long micros = parseTimestamp(s.substring(0, cut), ZoneOffset.UTC);
        return micros == null ? null : (int) Math.floorDiv(micros, MICROS_PER_DAY);
    }

    /** What the primitive timestamp parsers return for text that is not a timestamp (no valid micros value). */
    public static final long INVALID_TIMESTAMP = Long.MIN_VALUE;
    /** What the primitive date parser returns for text that is not a date. */
    public static final int INVALID_DATE = Integer.MIN_VALUE;

    private static final long FALLBACK = Long.MIN_VALUE + 1;
    private static final int DAYS_0000_TO_1970 = 719_528;

    /**
     * {@link #parseTimestamp(String, ZoneId)} over UTF-8 bytes {@code [from, to)}, for readers of text files. The
     * usual ISO forms ({@code yyyy-MM-dd[( |T)HH:mm[:ss[.fraction]]][Z|±HH:mm]}) are read without allocating; anything
     * else goes through the String form, so both accept exactly the same text.
     *
     * @return micros since the epoch, or {@link #INVALID_TIMESTAMP}
     */
    public static long parseTimestamp(byte[] utf8, int from, int to, ZoneId sessionZone) {
        long micros = fastTimestamp(utf8, from, to, sessionZone);
        if (micros != FALLBACK) {
            return micros;
        }
        Long slow = parseTimestamp(new String(utf8, from, to - from, java.nio.charset.StandardCharsets.UTF_8),
                sessionZone);
        return slow == null ? INVALID_TIMESTAMP : slow;
    }

    /**
     * {@link #parseDate(String)} over UTF-8 bytes {@code [from, to)}; {@code yyyy-MM-dd} is read without allocating.
     *
     * @return days since the epoch, or {@link #INVALID_DATE}
     */
    public static int parseDate(byte[] utf8, int from, int to) {
        if (to - from >= 10 && (to - from == 10 || utf8[from + 10] == ' ' || utf8[from + 10] == 'T')) {
            long days = fastDate(utf8, from);
            if (days != FALLBACK) {
                return days == INVALID_TIMESTAMP ? INVALID_DATE : (int) days;
            }
        }
        Integer slow = parseDate(new String(utf8, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
        return slow == null ? INVALID_DATE : slow;
    }

    /** Days of {@code yyyy-MM-dd} at {@code i}, {@link #INVALID_TIMESTAMP} for an impossible date, else FALLBACK. */
    private static long fastDate(byte[] b, int i) {
        int y = digits(b, i, 4);
        int m = digits(b, i + 5, 2);
        int d = digits(b, i + 8, 2);
        if (y < 0 || m < 0 || d < 0 || b[i + 4] != '-' || b[i + 7] != '-') {
            return FALLBACK;
        }
        if (m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
            return INVALID_TIMESTAMP;
        }
        return epochDay(y, m, d);
    }

    private static long fastTimestamp(byte[] b, int from, int to, ZoneId sessionZone) {
        if (to - from < 10) {
            return FALLBACK;
        }
        long days = fastDate(b, from);
        if (days == FALLBACK || days == INVALID_TIMESTAMP) {
            return days == INVALID_TIMESTAMP ? INVALID_TIMESTAMP : FALLBACK;
        }
        int i = from + 10;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        int offsetSeconds = Integer.MIN_VALUE;
        if (i < to) {
            if ((b[i] != 'T' && b[i] != ' ') || to - i < 6 || b[i + 3] != ':') {
                return FALLBACK;
            }
            hour = digits(b, i + 1, 2);
            minute = digits(b, i + 4, 2);
            i += 6;
            if (i < to && b[i] == ':') {
                if (to - i < 3) {
                    return FALLBACK;
                }
                second = digits(b, i + 1, 2);
                i += 3;
                if (i < to && b[i] == '.') {
                    i++;
                    int start = i;
                    while (i < to && b[i] >= '0' && b[i] <= '9') {
                        if (i - start < 6) {
                            micros = micros * 10 + (b[i] - '0');
                        }
                        i++;
                    }
                    if (i == start) {
                        return FALLBACK;
                    }
                    for (int k = i - start; k < 6; k++) {
                        micros *= 10;
                    }
                }
            }
            if (hour < 0 || minute < 0 || second < 0) {
                return FALLBACK;
            }
            if (hour > 23 || minute > 59 || second > 59) {
                return INVALID_TIMESTAMP;
            }
            if (i < to) {
                if (b[i] == 'Z' && i + 1 == to) {
                    offsetSeconds = 0;
                } else if ((b[i] == '+' || b[i] == '-') && to - i == 6 && b[i + 3] == ':') {
                    int oh = digits(b, i + 1, 2);
                    int om = digits(b, i + 4, 2);
                    if (oh < 0 || om < 0 || oh > 17 || om > 59) {
                        return FALLBACK;
                    }
                    offsetSeconds = (oh * 3600 + om * 60) * (b[i] == '-' ? -1 : 1);
                } else {
                    return FALLBACK;
                }
            }
        }
        long localSeconds = days * 86_400L + hour * 3600L + minute * 60L + second;
        if (offsetSeconds == Integer.MIN_VALUE) {
            if (sessionZone instanceof ZoneOffset o) {
                offsetSeconds = o.getTotalSeconds();
            } else if (sessionZone.getRules().isFixedOffset()) {
                offsetSeconds = sessionZone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
            } else {
                LocalDateTime local = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
                return ZonedDateTime.of(local, sessionZone).toEpochSecond() * MICROS_PER_SECOND + micros;
            }
        }
        return (localSeconds - offsetSeconds) * MICROS_PER_SECOND + micros;
    }

    /** The number written by {@code count} ASCII digits at {@code i}, or -1. */
    private static int digits(byte[] b, int i, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            int c = b[i + k] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        }
        return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
    }

    /** Epoch day of a valid date with year ≥ 0 (the arithmetic of {@link LocalDate#toEpochDay}). */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    /**
     * Appends {@code micros} as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in {@code zone} (the default timestamp text of
     * Spark's JSON and CSV writers), without allocating for fixed-offset zones and years 0..9999.
     */
    public static void appendTimestampIso(StringBuilder sb, long micros, ZoneId zone) {
        int offset;
        if (zone instanceof ZoneOffset o) {
            offset = o.getTotalSeconds();
        } else if (zone.getRules().isFixedOffset()) {
            offset = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
        } else {
            offset = zone.getRules().getOffset(toInstant(micros)).getTotalSeconds();
        }
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND) + offset;
        long days = Math.floorDiv(seconds, 86_400L);
        if (days < -DAYS_0000_TO_1970 || days > 2_932_896L) { // outside years 0..9999
            sb.append(formatTimestampIso(micros, zone));
            return;
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        appendDate(sb, LocalDate.ofEpochDay(days));
        sb.append('T');
        pad2(sb, secondOfDay / 3600).append(':');
        pad2(sb, secondOfDay / 60 % 60).append(':');
        pad2(sb, secondOfDay % 60).append('.');
        int millis = (int) (Math.floorMod(micros, MICROS_PER_SECOND) / 1000);
        sb.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        if (offset == 0) {
            sb.append('Z');
        } else {
            int abs = Math.abs(offset);
            sb.append(offset < 0 ? '-' : '+');
            pad2(sb, abs / 3600).append(':');
            pad2(sb, abs / 60 % 60); // XXX shows no seconds of the offset
        }
    }

    /** Spark's default timestamp text: {@code yyyy-MM-dd HH:mm:ss} plus the fraction without trailing zeros. */
    public static String formatTimestamp(long micros, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(toInstant(micros), zone);
        StringBuilder sb = new StringBuilder(26);
        appendDate(sb, t.toLocalDate());
        sb.append(' ');
        pad2(sb, t.getHour()).append(':');
        pad2(sb, t.getMinute()).append(':');
        pad2(sb, t.getSecond());
        int fraction = t.getNano() / 1000;
        if (fraction != 0) {
            String f = String.format(Locale.ROOT, "%06d", fraction);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(f, 0, end);
        }
        return sb.toString();
    }

    /** ISO-8601 with offset, as Spark's JSON writer emits by default: {@code 2024-01-01T10:00:00.000Z}. */
    public static String formatTimestampIso(long micros, ZoneId zone) {
        return ISO_OUT.format(ZonedDateTime.ofInstant(toInstant(micros), zone));
    }

    private static final DateTimeFormatter ISO_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    public static String formatDate(int days) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, LocalDate.ofEpochDay(days));
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, LocalDate d) {
        int y = d.getYear();
        if (y < 0) {
            sb.append('-');
            y = -y;
        }
        if (y < 1000) {
            sb.append(String.format(Locale.ROOT, "%04d", y));
        } else {
            sb.append(y);
        }
        sb.append('-');
        pad2(sb, d.getMonthValue()).append('-');
        pad2(sb, d.getDayOfMonth());
    }

    private static StringBuilder pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /**
     * A formatter for a Spark datetime pattern ({@code yyyy-MM-dd HH:mm:ss.SSS}, {@code dd/MM/yyyy} …). Spark's
     * pattern letters are those of {@link DateTimeFormatter} for the common cases; parsing is strict about the
     * pattern but fills missing fields (no time means midnight, no day means the first).
     */
    public static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Parses {@code text} with a pattern formatter into micros, or {@code null} if it does not match. */
    public static Long parseTimestamp(String text, DateTimeFormatter formatter, ZoneId sessionZone) {
        try {
            TemporalAccessor t = formatter.parse(text);
            LocalDate date = t.isSupported(ChronoField.EPOCH_DAY) ? LocalDate.ofEpochDay(t.getLong(ChronoField.EPOCH_DAY))
                    : LocalDate.of(
                            t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR)
                                    : t.isSupported(ChronoField.YEAR_OF_ERA) ? t.get(ChronoField.YEAR_OF_ERA) : 1970,
                            t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1,
                            t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1);
            LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY) || t.isSupported(ChronoField.NANO_OF_SECOND)
                    ? LocalTime.of(get(t, ChronoField.HOUR_OF_DAY), get(t, ChronoField.MINUTE_OF_HOUR),
                            get(t, ChronoField.SECOND_OF_MINUTE), get(t, ChronoField.NANO_OF_SECOND) / 1000 * 1000)
                    : LocalTime.MIDNIGHT;
            ZoneId zone = t.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)) : sessionZone;
            return toMicros(ZonedDateTime.of(date, time, zone).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static int get(TemporalAccessor t, ChronoField field) {
        return t.isSupported(field) ? t.get(field) : 0;
    }

    /** Formats micros with a pattern formatter in the session zone. */
    public static String format(long micros, DateTimeFormatter formatter, ZoneId zone) {
        return formatter.format(ZonedDateTime.ofInstant(toInstant(micros), zone));
    }
}
