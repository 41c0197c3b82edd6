package io.fluxo.function.scalar;

import io.fluxo.types.DateTimeUtils;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Converts between UTC micros and local wall-clock micros of one time zone. Fixed-offset zones (UTC, +05:30) are
 * pure arithmetic; zones with daylight saving keep the offset interval of the last lookup, so runs of nearby
 * timestamps reuse it, and ask the zone rules only when a value leaves it. Not thread-safe: one per batch.
 */
final class ZoneConverter {
    private static final long DAY_SECONDS = 86_400L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixed;
    private long fromSecond = 1;
    private long untilSecond = 0;
    private long offsetMicros;

    private ZoneConverter(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        if (fixed) {
            offsetMicros = rules.getOffset(Instant.EPOCH).getTotalSeconds() * DateTimeUtils.MICROS_PER_SECOND;
        }
    }

    static ZoneConverter of(ZoneId zone) {
        return new ZoneConverter(zone);
    }

    ZoneId zone() {
        return zone;
    }

    /** Offset from UTC, in micros, at the instant {@code utcMicros}. */
    long offsetAt(long utcMicros) {
        if (fixed) {
            return offsetMicros;
        }
        long second = Math.floorDiv(utcMicros, DateTimeUtils.MICROS_PER_SECOND);
        if (second < fromSecond || second >= untilSecond) {
            lookUp(second);
        }
        return offsetMicros;
    }

    private void lookUp(long second) {
        Instant instant = Instant.ofEpochSecond(second);
        offsetMicros = rules.getOffset(instant).getTotalSeconds() * DateTimeUtils.MICROS_PER_SECOND;
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        fromSecond = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        untilSecond = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }

    /** Local wall-clock micros (as if UTC) of the instant {@code utcMicros}. */
    long toLocal(long utcMicros) {
        return utcMicros + offsetAt(utcMicros);
    }

    /** The local date (days since the epoch) of the instant {@code utcMicros}. */
    int localDays(long utcMicros) {
        return (int) Math.floorDiv(toLocal(utcMicros), DateTimeUtils.MICROS_PER_DAY);
    }

    /**
     * The instant of local wall-clock micros, resolved as {@link ZonedDateTime#of}: the earlier offset in an
     * overlap, shifted forward in a gap.
     */
    long toUtc(long localMicros) {
        if (fixed) {
            return localMicros - offsetMicros;
        }
        long guess = localMicros - offsetAt(localMicros);
        long second = Math.floorDiv(guess, DateTimeUtils.MICROS_PER_SECOND);
        offsetAt(guess);
        long margin = DAY_SECONDS;
        if (second - margin >= fromSecond && second + margin < untilSecond) {
            return localMicros - offsetMicros;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMicros, DateTimeUtils.MICROS_PER_SECOND),
                (int) Math.floorMod(localMicros, DateTimeUtils.MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
        return DateTimeUtils.toMicros(ZonedDateTime.of(local, zone).toInstant());
    }

    /** The instant local {@code days} starts at. */
    long startOfDay(int days) {
        return toUtc(days * DateTimeUtils.MICROS_PER_DAY);
    }
}
