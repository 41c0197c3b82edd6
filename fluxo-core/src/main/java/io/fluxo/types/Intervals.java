package io.fluxo.types;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;

/**
 * Spark's ANSI intervals as text: reading interval literals ({@code INTERVAL 1 HOUR 30 MINUTES},
 * {@code INTERVAL '1 10:30' DAY TO MINUTE}) into a value and the narrowest interval type that holds it, and writing
 * values the way Spark casts them to strings ({@code INTERVAL '01:30' HOUR TO MINUTE}).
 */
public final class Intervals {
    private static final long MICROS_PER_MINUTE = 60 * DateTimeUtils.MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    private Intervals() {
    }

    /** A literal's value in internal form (Long micros or Integer months) and its type. */
    public record Value(Object value, DataType type) {
    }

    /**
     * {@code INTERVAL v1 unit1 v2 unit2 …}: units of one kind only (years and months, or weeks to microseconds); only
     * seconds take a fraction.
     *
     * @throws IllegalArgumentException with Spark's wording when the units mix kinds or a value does not fit
     */
    public static Value ofUnits(List<String> values, List<String> units, String literalText) {
        long months = 0;
        long micros = 0;
        int start = Integer.MAX_VALUE;
        int end = -1;
        boolean yearMonth = false;
        boolean dayTime = false;
        for (int i = 0; i < values.size(); i++) {
            String unit = units.get(i).toLowerCase(Locale.ROOT);
            if (unit.endsWith("s")) {
                unit = unit.substring(0, unit.length() - 1);
            }
            String text = values.get(i).strip();
            BigDecimal amount;
            try {
                amount = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Error parsing '" + text + " " + unit + "' to interval: '" + text
                        + "' is not a number.");
            }
            if (amount.stripTrailingZeros().scale() > 0 && !unit.equals("second")) {
                throw new IllegalArgumentException("[INVALID_INTERVAL_FORMAT.INVALID_FRACTION] Error parsing '"
                        + literalText + "' to interval. " + unit + " cannot have fractional part.");
            }
            int field;
            try {
                switch (unit) {
                    case "year":
                        months = Math.addExact(months, Math.multiplyExact(amount.longValueExact(), 12));
                        field = YearMonthIntervalType.YEAR;
                        yearMonth = true;
                        break;
                    case "month":
                        months = Math.addExact(months, amount.longValueExact());
                        field = YearMonthIntervalType.MONTH;
                        yearMonth = true;
                        break;
                    case "week":
                        micros = Math.addExact(micros, Math.multiplyExact(amount.longValueExact(),
                                7 * DateTimeUtils.MICROS_PER_DAY));
                        field = DayTimeIntervalType.DAY;
                        dayTime = true;
                        break;
                    case "day":
                        micros = Math.addExact(micros, Math.multiplyExact(amount.longValueExact(),
                                DateTimeUtils.MICROS_PER_DAY));
                        field = DayTimeIntervalType.DAY;
                        dayTime = true;
                        break;
                    case "hour":
                        micros = Math.addExact(micros, Math.multiplyExact(amount.longValueExact(), MICROS_PER_HOUR));
                        field = DayTimeIntervalType.HOUR;
                        dayTime = true;
                        break;
                    case "minute":
                        micros = Math.addExact(micros, Math.multiplyExact(amount.longValueExact(), MICROS_PER_MINUTE));
                        field = DayTimeIntervalType.MINUTE;
                        dayTime = true;
                        break;
                    case "second":
                        micros = Math.addExact(micros, amount.movePointRight(6).longValueExact());
                        field = DayTimeIntervalType.SECOND;
                        dayTime = true;
                        break;
                    case "millisecond":
                        micros = Math.addExact(micros, Math.multiplyExact(amount.longValueExact(), 1000L));
                        field = DayTimeIntervalType.SECOND;
                        dayTime = true;
                        break;
                    case "microsecond":
                        micros = Math.addExact(micros, amount.longValueExact());
                        field = DayTimeIntervalType.SECOND;
                        dayTime = true;
                        break;
                    case "nanosecond":
                        micros = Math.addExact(micros, amount.longValueExact() / 1000);
                        field = DayTimeIntervalType.SECOND;
                        dayTime = true;
                        break;
                    default:
                        throw new IllegalArgumentException("Error parsing '" + literalText
                                + "' to interval: unknown unit '" + units.get(i) + "'.");
                }
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("[INTERVAL_ARITHMETIC_OVERFLOW] Error parsing '" + literalText
                        + "' to interval: the value is out of range.");
            }
            if (yearMonth && dayTime) {
                throw new IllegalArgumentException("Cannot mix year-month and day-time fields: " + literalText + ".");
            }
            start = Math.min(start, field);
            end = Math.max(end, field);
        }
        if (yearMonth) {
            if (months != (int) months) {
                throw new IllegalArgumentException("[INTERVAL_ARITHMETIC_OVERFLOW] Error parsing '" + literalText
                        + "' to interval: the value is out of range.");
            }
            return new Value((int) months, new YearMonthIntervalType(start, end));
        }
        return new Value(micros, new DayTimeIntervalType(start, end));
    }

    /**
     * The text of {@code INTERVAL '…'} (no units outside the quotes): {@code '1 day 2 hours'},
     * {@code '-3 minutes'}, as value/unit pairs.
     */
    public static Value parse(String text) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        int from = words.length > 0 && words[0].equals("interval") ? 1 : 0;
        if ((words.length - from) % 2 != 0 || words.length == from) {
            throw new IllegalArgumentException("Error parsing '" + text + "' to interval: expected value and unit "
                    + "pairs such as '1 hour 30 minutes'.");
        }
        List<String> values = new java.util.ArrayList<>();
        List<String> units = new java.util.ArrayList<>();
        for (int i = from; i < words.length; i += 2) {
            values.add(words[i]);
            units.add(words[i + 1]);
        }
        return ofUnits(values, units, text);
    }

    /**
     * {@code INTERVAL 'text' FROM TO TO}: {@code '1-2' YEAR TO MONTH}, {@code '1 10:30' DAY TO MINUTE},
     * {@code '10:30:05.5' HOUR TO SECOND}; a leading sign applies to the whole value. Fields after the first are
     * bounded (hours 0-23, minutes and seconds 0-59).
     */
    public static Value ofUnitToUnit(String text, String fromName, String toName) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        int ymFrom = YearMonthIntervalType.field(fromName);
        int ymTo = YearMonthIntervalType.field(toName);
        String kind = fromName.toUpperCase(Locale.ROOT) + " TO " + toName.toUpperCase(Locale.ROOT);
        if (ymFrom >= 0 && ymTo >= 0) {
            if (ymFrom >= ymTo) {
                throw unsupportedRange(kind);
            }
            String[] parts = s.split("-", -1);
            if (parts.length != 2) {
                throw badFormat(text, kind, "[+|-]y-m");
            }
            long years = digits(parts[0], text, kind, "[+|-]y-m");
            long months = digits(parts[1], text, kind, "[+|-]y-m");
            checkRange(months, 11, "month", text);
            long total = years * 12 + months;
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("[INTERVAL_ARITHMETIC_OVERFLOW] Error parsing '" + text
                        + "' to interval: the value is out of range.");
            }
            return new Value((int) (negative ? -total : total), new YearMonthIntervalType(ymFrom, ymTo));
        }
        int from = DayTimeIntervalType.field(fromName);
        int to = DayTimeIntervalType.field(toName);
        if (from < 0 || to < 0 || from >= to) {
            throw unsupportedRange(kind);
        }
        String pattern = dayTimePattern(from, to);
        long micros = 0;
        String rest = s;
        for (int field = from; field <= to; field++) {
            String part;
            if (field == to) {
                part = rest;
            } else {
                char sep = field == DayTimeIntervalType.DAY ? ' ' : ':';
                int at = rest.indexOf(sep);
                if (at < 0) {
                    throw badFormat(text, kind, pattern);
                }
                part = rest.substring(0, at);
                rest = rest.substring(at + 1);
            }
            if (field == DayTimeIntervalType.SECOND) {
                BigDecimal seconds;
                try {
                    seconds = new BigDecimal(part);
                } catch (NumberFormatException e) {
                    throw badFormat(text, kind, pattern);
                }
                if (seconds.signum() < 0 || (from != field && seconds.compareTo(BigDecimal.valueOf(60)) >= 0)) {
                    throw new IllegalArgumentException("[INVALID_INTERVAL_FORMAT] Error parsing '" + text
                            + "' to interval: second " + part + " outside range [0, 59].");
                }
                micros += seconds.movePointRight(6).longValue();
            } else {
                long v = digits(part, text, kind, pattern);
                if (field != from) {
                    checkRange(v, field == DayTimeIntervalType.HOUR ? 23 : 59,
                            DayTimeIntervalType.fieldName(field), text);
                }
                micros += v * unitMicros(field);
            }
        }
        return new Value(negative ? -micros : micros, new DayTimeIntervalType(from, to));
    }

    private static String dayTimePattern(int from, int to) {
        String[] pieces = {"d", "h", "m", "s.n"};
        StringBuilder sb = new StringBuilder("[+|-]");
        for (int f = from; f <= to; f++) {
            if (f > from) {
                sb.append(f == DayTimeIntervalType.HOUR ? ' ' : ':');
            }
            sb.append(pieces[f]);
        }
        return sb.toString();
    }

    private static long unitMicros(int field) {
        switch (field) {
            case DayTimeIntervalType.DAY:
                return DateTimeUtils.MICROS_PER_DAY;
            case DayTimeIntervalType.HOUR:
                return MICROS_PER_HOUR;
            case DayTimeIntervalType.MINUTE:
                return MICROS_PER_MINUTE;
            default:
                return DateTimeUtils.MICROS_PER_SECOND;
        }
    }

    private static long digits(String part, String text, String kind, String pattern) {
        if (part.isEmpty() || part.length() > 18 || !part.chars().allMatch(Character::isDigit)) {
            throw badFormat(text, kind, pattern);
        }
        return Long.parseLong(part);
    }

    private static void checkRange(long value, long max, String field, String text) {
        if (value > max) {
            throw new IllegalArgumentException("[INVALID_INTERVAL_FORMAT] Error parsing '" + text + "' to interval: "
                    + field + " " + value + " outside range [0, " + max + "].");
        }
    }

    private static IllegalArgumentException badFormat(String text, String kind, String pattern) {
        return new IllegalArgumentException("[INVALID_INTERVAL_FORMAT] Interval string does not match " + kind
                + " format of `" + pattern + "` when cast to interval: '" + text + "'.");
    }

    private static IllegalArgumentException unsupportedRange(String kind) {
        return new IllegalArgumentException("[INVALID_INTERVAL_FORMAT] Intervals " + kind + " are not supported.");
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    /** A value in a day-time interval type as Spark writes it: {@code INTERVAL '1 02:30:00' DAY TO SECOND}. */
    public static String format(long micros, DayTimeIntervalType type) {
        int start = type.startField();
        int end = type.endField();
        StringBuilder sb = new StringBuilder("INTERVAL '");
        // Long.MIN_VALUE has no positive counterpart: work on the magnitude as an unsigned quantity via BigDecimal.
        boolean negative = micros < 0;
        BigDecimal rest = BigDecimal.valueOf(micros).abs();
        if (negative) {
            sb.append('-');
        }
        for (int field = start; field <= end; field++) {
            BigDecimal unit = BigDecimal.valueOf(unitMicros(field));
            if (field > start) {
                sb.append(field == DayTimeIntervalType.HOUR ? ' ' : ':');
            }
            if (field == DayTimeIntervalType.SECOND) {
                BigDecimal seconds = rest.movePointLeft(6).stripTrailingZeros();
                if (seconds.compareTo(BigDecimal.TEN) < 0) {
                    sb.append('0');
                }
                sb.append(seconds.scale() < 0 ? seconds.setScale(0).toPlainString() : seconds.toPlainString());
            } else {
                BigDecimal[] qr = rest.divideAndRemainder(unit);
                long v = qr[0].longValue();
                if (field == DayTimeIntervalType.DAY) {
                    sb.append(v);
                } else {
                    if (v < 10) {
                        sb.append('0');
                    }
                    sb.append(v);
                }
                rest = qr[1];
            }
        }
        sb.append("' ").append(DayTimeIntervalType.fieldName(start).toUpperCase(Locale.ROOT));
        if (end != start) {
            sb.append(" TO ").append(DayTimeIntervalType.fieldName(end).toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /** A value in a year-month interval type as Spark writes it: {@code INTERVAL '1-2' YEAR TO MONTH}. */
    public static String format(int months, YearMonthIntervalType type) {
        String sign = months < 0 ? "-" : "";
        long abs = Math.abs((long) months);
        if (type.startField() != type.endField()) {
            return "INTERVAL '" + sign + abs / 12 + "-" + abs % 12 + "' YEAR TO MONTH";
        }
        if (type.startField() == YearMonthIntervalType.YEAR) {
            return "INTERVAL '" + sign + abs / 12 + "' YEAR";
        }
        return "INTERVAL '" + months + "' MONTH";
    }

    /** A value of either interval type (Long micros or Integer months) as Spark writes it. */
    public static String format(Object value, DataType type) {
        return type instanceof DayTimeIntervalType dt ? format((long) (Long) value, dt)
                : format((int) (Integer) value, (YearMonthIntervalType) type);
    }

    /** The Java value Spark's {@code Row} holds for a day-time interval. */
    public static Duration toDuration(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, DateTimeUtils.MICROS_PER_SECOND),
                Math.floorMod(micros, DateTimeUtils.MICROS_PER_SECOND) * 1000L);
    }

    /** The Java value Spark's {@code Row} holds for a year-month interval (normalized: 14 months is 1 year 2). */
    public static Period toPeriod(int months) {
        return Period.ofMonths(months).normalized();
    }

    public static long toMicros(Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), DateTimeUtils.MICROS_PER_SECOND), d.getNano() / 1000);
    }

    public static int toMonths(Period p) {
        return Math.toIntExact(p.toTotalMonths());
    }
}
