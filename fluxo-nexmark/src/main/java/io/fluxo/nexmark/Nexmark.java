package io.fluxo.nexmark;

import io.fluxo.api.Session;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Nexmark benchmark's tables for queries: its schemas, and {@link #registerViews} to make the streaming views
 * {@code person}, {@code auction} and {@code bid} that the benchmark's queries read.
 */
public final class Nexmark {
    /** Columns of {@code person}: id, name, emailAddress, creditCard, city, state, dateTime, extra. */
    public static final StructType PERSON_SCHEMA = NexmarkTable.PERSON_SCHEMA;
    /**
     * Columns of {@code auction}: id, itemName, description, initialBid, reserve, dateTime, expires, seller,
     * category, extra.
     */
    public static final StructType AUCTION_SCHEMA = NexmarkTable.AUCTION_SCHEMA;
    /** Columns of {@code bid}: auction, bidder, price, channel, url, dateTime, extra. */
    public static final StructType BID_SCHEMA = NexmarkTable.BID_SCHEMA;
    /** Columns of the combined stream: event_type (0 person, 1 auction, 2 bid), person, auction, bid, dateTime. */
    public static final StructType EVENTS_SCHEMA = NexmarkTable.EVENTS_SCHEMA;

    private Nexmark() {
    }

    /**
     * Registers the temporary views {@code person}, {@code auction} and {@code bid} over streams of the
     * {@code nexmark} source with {@code options} (any but {@code table}). Each view generates only its own kind of
     * event, all three from the same event numbers, so together they are the one event stream the options describe.
     */
    public static void registerViews(Session session, Map<String, String> options) {
        register(session, options, true);
    }

    /**
     * As {@link #registerViews}, with the views read as bounded tables ({@code maxEvents} must be set): the same events
     * a stream of these options generates, for batch queries and for checking a streaming query's results.
     */
    public static void registerBatchViews(Session session, Map<String, String> options) {
        register(session, options, false);
    }

    /** The static view {@code side_input} query 13 joins with: keys 0 to 9 999, each with its key as text. */
    public static void registerSideInput(Session session) {
        session.sql("SELECT id AS key, CAST(id AS STRING) AS value FROM range(" + NexmarkQuery.sideInputRows() + ")")
                .createOrReplaceTempView("side_input");
    }

    private static void register(Session session, Map<String, String> options, boolean streaming) {
        for (String key : options.keySet()) {
            if (key.equalsIgnoreCase("table")) {
                throw new AnalysisException("INVALID_OPTION", "registerViews makes the person, auction and bid views "
                        + "itself: leave out option 'table'.");
            }
        }
        for (String table : List.of("person", "auction", "bid")) {
            Map<String, String> withTable = new LinkedHashMap<>(options);
            withTable.put("table", table);
            (streaming ? session.readStream().format("nexmark").options(withTable).load()
                    : session.read().format("nexmark").options(withTable).load()).createOrReplaceTempView(table);
        }
    }
}
