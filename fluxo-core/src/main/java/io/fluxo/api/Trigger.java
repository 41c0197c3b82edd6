package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import io.fluxo.stream.TriggerSpec;
import java.util.Locale;
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
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("interval")) {
            s = s.substring("interval".length()).trim();
        }
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i == 0) {
            throw invalid(text);
        }
        double amount = Double.parseDouble(s.substring(0, i));
        String unit = s.substring(i).trim();
        double factor;
        switch (unit) {
            case "ms": case "milli": case "millis": case "millisecond": case "milliseconds":
                factor = 1;
                break;
            case "": case "s": case "sec": case "secs": case "second": case "seconds":
                factor = 1000;
                break;
            case "m": case "min": case "mins": case "minute": case "minutes":
                factor = 60_000;
                break;
            case "h": case "hour": case "hours":
                factor = 3_600_000;
                break;
            case "d": case "day": case "days":
                factor = 86_400_000;
                break;
            default:
                throw invalid(text);
        }
        return Math.round(amount * factor);
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
