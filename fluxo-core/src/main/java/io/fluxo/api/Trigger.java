package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import io.fluxo.stream.TriggerSpec;
import io.fluxo.types.DateTimeUtils;
import java.util.concurrent.TimeUnit;

/** When a streaming query runs its micro-batches, as Spark's {@code Trigger}. */
public final class Trigger {
    private final TriggerSpec spec;

    private Trigger(TriggerSpec spec) {
        this.spec = spec;
    }

    TriggerSpec spec() {
        return spec;
    }

    /** A batch every interval, e.g. {@code processingTime("10 seconds")} (0: as soon as the last one ends). */
    public static Trigger processingTime(String interval) {
        return processingTime(parseMillis(interval), TimeUnit.MILLISECONDS);
    }

    public static Trigger processingTime(long interval, TimeUnit unit) {
        long ms = unit.toMillis(interval);
        return new Trigger(ms == 0 ? TriggerSpec.DEFAULT : new TriggerSpec(TriggerSpec.Kind.PROCESSING_TIME, ms));
    }

    public static Trigger ProcessingTime(String interval) {
        return processingTime(interval);
    }

    /** One batch of whatever is available, then stop (deprecated in Spark in favour of availableNow). */
    public static Trigger once() {
        return new Trigger(new TriggerSpec(TriggerSpec.Kind.ONCE, 0));
    }

    public static Trigger Once() {
        return once();
    }

    /** Everything available when the query starts, in as many batches as rate limits need, then stop. */
    public static Trigger availableNow() {
        return new Trigger(new TriggerSpec(TriggerSpec.Kind.AVAILABLE_NOW, 0));
    }

    public static Trigger AvailableNow() {
        return availableNow();
    }

    /** Milliseconds of a text interval: {@code "10 seconds"}, {@code "1 minute"}, {@code "500 ms"}, {@code "2h"}. */
    static long parseMillis(String text) {
        try {
            return Math.round(DateTimeUtils.parseIntervalMicros(text) / 1000.0);
        } catch (IllegalArgumentException e) {
            throw invalid(text);
        }
    }

    private static AnalysisException invalid(String text) {
        return new AnalysisException("INVALID_INTERVAL_FORMAT", "Cannot parse the interval '" + text
                + "': expected a number and a unit, such as '10 seconds' or '1 minute'.");
    }

    @Override
    public String toString() {
        return spec.kind() == TriggerSpec.Kind.PROCESSING_TIME ? "ProcessingTime(" + spec.intervalMillis() + " ms)"
                : spec.kind().name();
    }
}
