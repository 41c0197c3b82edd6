package io.fluxo.cli.conformance;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads a duration as cases write it, {@code "10 seconds"}, {@code "1 minute 30 seconds"}, {@code "500 ms"},
 * optionally after {@code interval}: whole numbers with units from microseconds to weeks, as Spark's interval text.
 */
final class DurationText {
    private DurationText() {
    }

    /**
     * The duration {@code text} names.
     *
     * @throws IllegalArgumentException when it is not a duration
     */
    static Duration parse(String text) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        int start = words.length > 0 && words[0].equals("interval") ? 1 : 0;
        if (words.length == start || (words.length - start) % 2 != 0) {
            throw invalid(text);
        }
        Duration total = Duration.ZERO;
        for (int i = start; i < words.length; i += 2) {
            long amount;
            try {
                amount = Long.parseLong(words[i]);
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
            total = total.plus(unit(words[i + 1], text).multipliedBy(amount));
        }
        return total;
    }

    private static Duration unit(String word, String text) {
        return switch (word) {
            case "microsecond", "microseconds", "us" -> Duration.ofNanos(1_000);
            case "millisecond", "milliseconds", "ms" -> Duration.ofMillis(1);
            case "second", "seconds", "s" -> Duration.ofSeconds(1);
            case "minute", "minutes", "m" -> Duration.ofMinutes(1);
            case "hour", "hours", "h" -> Duration.ofHours(1);
            case "day", "days", "d" -> Duration.ofDays(1);
            case "week", "weeks" -> Duration.ofDays(7);
            default -> throw invalid(text);
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration such as '10 seconds' or "
                + "'1 minute 30 seconds'");
    }
}
