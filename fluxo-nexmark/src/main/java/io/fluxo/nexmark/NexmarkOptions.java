package io.fluxo.nexmark;

import io.fluxo.errors.AnalysisException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of the {@code nexmark} source, parsed and checked once. Names are matched without regard to case, as
 * Spark does for source options; an unknown name or a bad value is an {@link AnalysisException} naming the option.
 * Defaults are the Nexmark reference generator's (Apache Beam's {@code NexmarkConfiguration}).
 */
final class NexmarkOptions {
    /** Event time of event 0 when no {@code baseTime} is given: the reference generator's fixed base time. */
    static final Instant DEFAULT_BASE_TIME = Instant.parse("2015-07-15T00:00:00Z");
    /** The reference's default event rate ({@code firstEventRate}). */
    static final long DEFAULT_EVENTS_PER_SECOND = 10_000;
    /** The extra-field pool holds 1 MiB; an extra field must fit in it with room for a random start. */
    static final int MAX_AVG_BYTE_SIZE = 256 * 1024;
    /** Rates above this would overflow the event-time arithmetic; no generator comes near it. */
    static final long MAX_RATE = 1_000_000_000_000L;

    static final List<String> NAMES = List.of("table", "eventsPerSecond", "eventTimeRate", "maxEvents",
            "maxEventsPerTrigger", "numPartitions", "seed", "baseTime", "personProportion", "auctionProportion",
            "bidProportion", "hotAuctionRatio", "hotBiddersRatio", "hotSellersRatio", "numActivePeople",
            "numInFlightAuctions", "avgPersonByteSize", "avgAuctionByteSize", "avgBidByteSize");

    final NexmarkTable table;
    /** Events offered per second of processing time; 0 offers them as fast as the engine reads. */
    final long eventsPerSecond;
    /** Events per second of event time: event {@code n} happens {@code n / eventTimeRate} s after the base time. */
    final long eventTimeRate;
    /** Events after which the stream offers no more; 0 for no end. */
    final long maxEvents;
    final long maxEventsPerTrigger;
    final int numPartitions;
    final long seed;
    final long baseTimeMillis;
    /**
     * {@code baseTime} "now": event 0 happens when a paced stream first looks (then every event's time is the
     * processing time it was due at); the stream fixes the base time in its checkpoint and calls {@link #withBaseTime}.
     */
    final boolean baseTimeAtStart;
    /** The options as given (known names), from which {@link #withBaseTime} derives a copy. */
    private final Map<String, String> given;
    final int personProportion;
    final int auctionProportion;
    final int bidProportion;
    final int hotAuctionRatio;
    final int hotBiddersRatio;
    final int hotSellersRatio;
    final int numActivePeople;
    final int numInFlightAuctions;
    final int avgPersonByteSize;
    final int avgAuctionByteSize;
    final int avgBidByteSize;

    private NexmarkOptions(Map<String, String> options) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String known = NAMES.stream().filter(n -> n.equalsIgnoreCase(e.getKey())).findFirst().orElseThrow(
                    () -> new AnalysisException("INVALID_OPTION", "Unknown option '" + e.getKey()
                            + "' for the nexmark source. Known options: " + String.join(", ", NAMES) + "."));
            byName.put(known, e.getValue() == null ? "" : e.getValue().trim());
        }
        this.table = NexmarkTable.parse(byName.getOrDefault("table", "events"));
        this.eventsPerSecond = rate(byName, "eventsPerSecond", DEFAULT_EVENTS_PER_SECOND);
        long timeRate = eventsPerSecond > 0 ? eventsPerSecond : DEFAULT_EVENTS_PER_SECOND;
        this.eventTimeRate = atLeast(byName, "eventTimeRate", timeRate, 1);
        if (eventTimeRate > MAX_RATE) {
            throw invalid("eventTimeRate", byName.get("eventTimeRate"), "it must be at most " + MAX_RATE);
        }
        this.maxEvents = atLeast(byName, "maxEvents", 0, 0);
        this.maxEventsPerTrigger = atLeast(byName, "maxEventsPerTrigger", 1_000_000, 1);
        this.numPartitions = intAtLeast(byName, "numPartitions", Runtime.getRuntime().availableProcessors(), 1);
        this.seed = number(byName, "seed", 0);
        this.baseTimeAtStart = "now".equalsIgnoreCase(byName.get("baseTime"));
        if (baseTimeAtStart && eventsPerSecond == 0) {
            throw invalid("baseTime", byName.get("baseTime"), "'now' needs a paced stream (eventsPerSecond above 0)");
        }
        this.baseTimeMillis = baseTimeAtStart ? 0 : baseTime(byName);
        this.given = Map.copyOf(byName);
        this.personProportion = intAtLeast(byName, "personProportion", 1, 1);
        this.auctionProportion = intAtLeast(byName, "auctionProportion", 3, 1);
        this.bidProportion = intAtLeast(byName, "bidProportion", 46, 0);
        this.hotAuctionRatio = intAtLeast(byName, "hotAuctionRatio", 2, 1);
        this.hotBiddersRatio = intAtLeast(byName, "hotBiddersRatio", 4, 1);
        this.hotSellersRatio = intAtLeast(byName, "hotSellersRatio", 4, 1);
        this.numActivePeople = intAtLeast(byName, "numActivePeople", 1000, 1);
        this.numInFlightAuctions = intAtLeast(byName, "numInFlightAuctions", 100, 1);
        this.avgPersonByteSize = byteSize(byName, "avgPersonByteSize", 200);
        this.avgAuctionByteSize = byteSize(byName, "avgAuctionByteSize", 500);
        this.avgBidByteSize = byteSize(byName, "avgBidByteSize", 100);
        if ((long) personProportion + auctionProportion + bidProportion > 1_000_000) {
            throw invalid("bidProportion", byName.get("bidProportion"),
                    "personProportion + auctionProportion + bidProportion must not exceed 1000000");
        }
    }

    static NexmarkOptions parse(Map<String, String> options) {
        return new NexmarkOptions(options);
    }

    /** These options with event 0 at {@code baseTimeMillis}. */
    NexmarkOptions withBaseTime(long baseTimeMillis) {
        Map<String, String> copy = new LinkedHashMap<>(given);
        copy.put("baseTime", Long.toString(baseTimeMillis));
        return new NexmarkOptions(copy);
    }

    private static AnalysisException invalid(String name, String value, String why) {
        return new AnalysisException("INVALID_OPTION_VALUE", "Invalid value '" + value + "' for option '" + name
                + "' of the nexmark source: " + why + ".");
    }

    private static long number(Map<String, String> options, String name, long defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(name, v, "expected a whole number");
        }
    }

    private static long atLeast(Map<String, String> options, String name, long defaultValue, long min) {
        long v = number(options, name, defaultValue);
        if (v < min) {
            throw invalid(name, options.get(name), "it must be at least " + min);
        }
        return v;
    }

    private static int intAtLeast(Map<String, String> options, String name, int defaultValue, int min) {
        long v = atLeast(options, name, defaultValue, min);
        if (v > Integer.MAX_VALUE) {
            throw invalid(name, options.get(name), "it must be at most " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    private static int byteSize(Map<String, String> options, String name, int defaultValue) {
        long v = atLeast(options, name, defaultValue, 0);
        if (v > MAX_AVG_BYTE_SIZE) {
            throw invalid(name, options.get(name), "it must be at most " + MAX_AVG_BYTE_SIZE);
        }
        return (int) v;
    }

    private static long rate(Map<String, String> options, String name, long defaultValue) {
        String v = options.get(name);
        if (v != null && v.equalsIgnoreCase("unbounded")) {
            return 0;
        }
        long rate = atLeast(options, name, defaultValue, 0);
        if (rate > MAX_RATE) {
            throw invalid(name, v, "it must be at most " + MAX_RATE + " (or 0 / 'unbounded')");
        }
        return rate;
    }

    private static long baseTime(Map<String, String> options) {
        String v = options.get("baseTime");
        if (v == null) {
            return DEFAULT_BASE_TIME.toEpochMilli();
        }
        if (v.matches("-?\\d+")) {
            return number(options, "baseTime", 0);
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw invalid("baseTime", v, "expected an ISO-8601 instant such as 2015-07-15T00:00:00Z, epoch "
                    + "milliseconds, or 'now'");
        }
    }

    /** The options as they were given, for explain output. */
    String describe() {
        return "table=" + table.name().toLowerCase(Locale.ROOT) + ", eventsPerSecond="
                + (eventsPerSecond == 0 ? "unbounded" : Long.toString(eventsPerSecond)) + ", maxEvents=" + maxEvents
                + ", numPartitions=" + numPartitions + ", seed=" + seed;
    }
}
