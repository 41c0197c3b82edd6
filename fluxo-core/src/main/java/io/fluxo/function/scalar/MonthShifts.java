package io.fluxo.function.scalar;

import io.fluxo.types.DateTimeUtils;
import java.time.ZoneId;

/**
 * Adding months to dates and timestamps as Spark's year-month interval arithmetic does: the day of month is
 * clamped to the target month's length (Jan 31 + 1 month is Feb 29 in 2024), and a timestamp keeps its local
 * time of day in the session time zone. Not thread-safe (caches zone offsets): one per evaluator.
 */
public final class MonthShifts {
    private final ZoneConverter zone;

    private MonthShifts(ZoneId zone) {
        this.zone = ZoneConverter.of(zone);
    }

    public static MonthShifts in(ZoneId zone) {
        return new MonthShifts(zone);
    }

    public static int date(int days, int months) {
        return DateFields.addMonths(days, months);
    }

    public long timestamp(long micros, int months) {
        long local = zone.toLocal(micros);
        long days = Math.floorDiv(local, DateTimeUtils.MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(local, DateTimeUtils.MICROS_PER_DAY);
        return zone.toUtc(DateFields.addMonths((int) days, months) * DateTimeUtils.MICROS_PER_DAY + timeOfDay);
    }
}
