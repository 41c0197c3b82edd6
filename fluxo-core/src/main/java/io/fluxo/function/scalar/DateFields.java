package io.fluxo.function.scalar;

/**
 * Calendar fields of a DATE (days since 1970-01-01, proleptic Gregorian as in Spark) by integer arithmetic, with no
 * objects per value: year, month, day, day of year, day of week, ISO week, and the inverse from fields to days.
 */
final class DateFields {
    private DateFields() {
    }

    /** The year, month (1-12) and day (1-31) of {@code days}, packed as {@code year * 512 + month * 32 + day}. */
    static long civil(int days) {
        long z = days + 719468L;
        long era = Math.floorDiv(z, 146097L);
        long doe = z - era * 146097L;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return year * 512 + month * 32 + day;
    }

    static int yearOf(long civil) {
        return (int) Math.floorDiv(civil, 512L);
    }

    static int monthOf(long civil) {
        return (int) ((civil >> 5) & 15);
    }

    static int dayOf(long civil) {
        return (int) (civil & 31);
    }

    static int year(int days) {
        return yearOf(civil(days));
    }

    static int month(int days) {
        return monthOf(civil(days));
    }

    static int dayOfMonth(int days) {
        return dayOf(civil(days));
    }

    /** Days since the epoch of a valid proleptic Gregorian date. */
    static int toDays(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400L);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (int) (era * 146097 + doe - 719468);
    }

    static int dayOfYear(int days) {
        return days - toDays(year(days), 1, 1) + 1;
    }

    /** Spark's dayofweek: 1 = Sunday … 7 = Saturday. */
    static int dayOfWeek(int days) {
        return (int) Math.floorMod(days + 4L, 7L) + 1;
    }

    /** Spark's weekday: 0 = Monday … 6 = Sunday. */
    static int weekday(int days) {
        return (int) Math.floorMod(days + 3L, 7L);
    }

    /** ISO-8601 week of the week-based year (weeks start on Monday; week 1 holds the first Thursday). */
    static int isoWeek(int days) {
        int thursday = days - weekday(days) + 3;
        return (thursday - toDays(year(thursday), 1, 1)) / 7 + 1;
    }

    static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int monthLength(long year, int month) {
        switch (month) {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** {@code LocalDate.plusMonths}: the day is clamped to the length of the target month. */
    static int addMonths(int days, int months) {
        long c = civil(days);
        long total = yearOf(c) * 12L + monthOf(c) - 1 + months;
        long year = Math.floorDiv(total, 12L);
        int month = (int) Math.floorMod(total, 12L) + 1;
        return toDays(year, month, Math.min(dayOf(c), monthLength(year, month)));
    }
}
