package io.fluxo.exec.expr;

import io.fluxo.types.DateTimeUtils;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * DATE ↔ TIMESTAMP in the session zone: a date is its midnight there, a timestamp falls on the local date there.
 * A fixed-offset zone (UTC and the like) is plain arithmetic; a region zone asks its rules per value.
 */
final class ZoneConversions {
    private final ZoneId zone;
    private final boolean fixed;
    private final long offsetMicros;

    ZoneConversions(ZoneId zone) {
        this.zone = zone;
        this.fixed = zone.getRules().isFixedOffset();
        this.offsetMicros = fixed
                ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() * DateTimeUtils.MICROS_PER_SECOND : 0;
    }

    long daysToMicros(int days) {
        if (fixed) {
            return days * DateTimeUtils.MICROS_PER_DAY - offsetMicros;
        }
        return DateTimeUtils.toMicros(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
    }

    int microsToDays(long micros) {
        if (fixed) {
            return (int) Math.floorDiv(micros + offsetMicros, DateTimeUtils.MICROS_PER_DAY);
        }
        Instant instant = DateTimeUtils.toInstant(micros);
        return (int) LocalDate.ofInstant(instant, zone).toEpochDay();
    }
}
