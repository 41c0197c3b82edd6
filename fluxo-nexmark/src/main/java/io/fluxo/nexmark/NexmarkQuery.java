package io.fluxo.nexmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Nexmark queries that Structured Streaming can express, in Fluxo's SQL over the views {@link Nexmark#registerViews}
 * makes ({@code person}, {@code auction}, {@code bid}), with the output mode each needs. They follow the reference
 * definitions (Nexmark's Flink SQL suite); where the model forces another form, the description says how it differs.
 * {@link #NOT_EXPRESSIBLE} lists the others and why.
 */
public enum NexmarkQuery {
    Q0("pass-through", "append", """
            SELECT auction, bidder, price, dateTime, extra FROM bid"""),
    Q1("currency conversion", "append", """
            SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid"""),
    Q2("selection", "append", """
            SELECT auction, price FROM bid WHERE auction % 123 = 0"""),
    Q3("local item suggestion: an incremental join of auctions and their sellers", "append", """
            SELECT p.name, p.city, p.state, a.id
            FROM auction a JOIN person p ON a.seller = p.id
            WHERE a.category = 10 AND (p.state = 'OR' OR p.state = 'ID' OR p.state = 'CA')"""),
    Q7("highest bid per 10-second window (the bid with the highest price, as max_by, not a join of the window's "
            + "maximum back to the bids, which would chain an aggregation into a join)", "append", """
            SELECT window.end AS dateTime, max_by(auction, price) AS auction, max(price) AS price,
                   max_by(bidder, price) AS bidder, max_by(extra, price) AS extra
            FROM bid WATERMARK dateTime DELAY OF INTERVAL 4 SECONDS
            GROUP BY window(dateTime, '10 seconds')"""),
    Q8("new users: people who opened an auction in the 10-second window they registered in (a join on the window; "
            + "each auction is a row, where the reference first groups each side by key and window)", "append", """
            SELECT p.id, p.name, p.w.start AS starttime
            FROM (SELECT id, name, window(dateTime, '10 seconds') AS w
                  FROM person WATERMARK dateTime DELAY OF INTERVAL 4 SECONDS) p
            JOIN (SELECT seller, window(dateTime, '10 seconds') AS w
                  FROM auction WATERMARK dateTime DELAY OF INTERVAL 4 SECONDS) a
              ON p.id = a.seller AND p.w = a.w"""),
    Q11("user sessions: bids per bidder per session with a 10-second gap", "append", """
            SELECT bidder, count(*) AS bid_count, session_window.start AS starttime, session_window.end AS endtime
            FROM bid WATERMARK dateTime DELAY OF INTERVAL 4 SECONDS
            GROUP BY bidder, session_window(dateTime, '10 seconds')"""),
    Q13("bounded side input: each bid joined with a static table on auction % 10000 (the static table is made by "
            + "the runner as the view side_input)", "append", """
            SELECT b.auction, b.bidder, b.price, b.dateTime, s.value
            FROM bid b JOIN side_input s ON b.auction % 10000 = s.key"""),
    Q14("calculation: price conversion, a time-of-day bucket and a character count, with a range filter", "append", """
            SELECT auction, bidder, 0.908 * price AS price,
                   CASE WHEN hour(dateTime) >= 8 AND hour(dateTime) <= 18 THEN 'dayTime'
                        WHEN hour(dateTime) <= 6 OR hour(dateTime) >= 20 THEN 'nightTime'
                        ELSE 'otherTime' END AS bidTimeType,
                   dateTime, extra, length(extra) - length(replace(extra, 'c', '')) AS c_counts
            FROM bid
            WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000"""),
    Q20("expand bids with their auction: an incremental join of bids and auctions of category 10", "append", """
            SELECT b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime AS bid_dateTime, b.extra AS bid_extra,
                   a.itemName, a.description, a.initialBid, a.reserve, a.dateTime AS auction_dateTime, a.expires,
                   a.seller, a.category, a.extra AS auction_extra
            FROM bid b JOIN auction a ON b.auction = a.id
            WHERE a.category = 10"""),
    Q21("add a channel id: a CASE over the channel, else the id from the URL", "append", """
            SELECT auction, bidder, price, channel,
                   CASE WHEN lower(channel) = 'apple' THEN '0'
                        WHEN lower(channel) = 'google' THEN '1'
                        WHEN lower(channel) = 'facebook' THEN '2'
                        WHEN lower(channel) = 'baidu' THEN '3'
                        ELSE regexp_extract(url, '(&|^)channel_id=([^&]*)', 2) END AS channel_id
            FROM bid
            WHERE regexp_extract(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL OR lower(channel) IN
                  ('apple', 'google', 'facebook', 'baidu')"""),
    Q22("split the URL into its directories", "append", """
            SELECT auction, bidder, price, channel,
                   split(url, '/')[3] AS dir1, split(url, '/')[4] AS dir2, split(url, '/')[5] AS dir3
            FROM bid""");

    /** The queries of the reference suite this model cannot run, and why. */
    public static final List<String> NOT_EXPRESSIBLE = List.of(
            "q4 (average closing price per category): an aggregation (the winning bid per auction) feeding another "
                    + "(the average per category) over updated, not final, rows: Structured Streaming chains "
                    + "aggregations only in append mode on event-time windows, and an auction's close is not a window",
            "q5 (hot items): a count per auction and window, the maximum of those counts per window, joined back: two "
                    + "aggregations chained into a join",
            "q6 (average selling price per seller over its last 10 auctions): a per-key OVER window on a stream",
            "q9 (winning bids): the top bid per auction by ROW_NUMBER on a stream",
            "q10 (log to file system): a partitioned file sink by processing-time fields, a sink test rather than a "
                    + "query",
            "q12 (processing-time windows): windows on processing time",
            "q15-q18 (distinct counts and filters per day, top bid per bidder and auction): count(DISTINCT) per "
                    + "group and per-key ROW_NUMBER on streams",
            "q19 (top 10 bids per auction): ROW_NUMBER on a stream",
            "q23 (compare bids against the item's price across categories): a chain of stateful joins and "
                    + "aggregations");

    private final String description;
    private final String outputMode;
    private final String sql;
    private final long watermarkDelayMs;

    NexmarkQuery(String description, String outputMode, String sql) {
        this.description = description;
        this.outputMode = outputMode;
        this.sql = sql;
        java.util.regex.Matcher delay = java.util.regex.Pattern.compile("DELAY OF INTERVAL (\\d+) SECONDS")
                .matcher(sql);
        this.watermarkDelayMs = delay.find() ? Long.parseLong(delay.group(1)) * 1000 : 0;
    }

    /** The reference's name: q0, q1, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public String outputMode() {
        return outputMode;
    }

    public String sql() {
        return sql;
    }

    /**
     * The query in the DataFrame API, over the views {@link Nexmark#registerViews} (and {@link
     * Nexmark#registerSideInput} for q13) made in {@code session}: the same rows as {@link #sql()}.
     */
    public io.fluxo.api.DataFrame dataFrame(io.fluxo.api.Session session) {
        return NexmarkDataFrames.of(this, session);
    }

    /** The watermark delay of the query's inputs (ms), 0 for a query without one. */
    public long watermarkDelayMs() {
        return watermarkDelayMs;
    }

    /** Whether the query reads the static view {@code side_input} (see {@link #sideInputRows}). */
    public boolean needsSideInput() {
        return this == Q13;
    }

    /** The side input of q13: keys 0 to 9 999, each with the value of its key as text. */
    public static int sideInputRows() {
        return 10_000;
    }

    /** The query named {@code id} (q0, Q7, …). */
    public static Optional<NexmarkQuery> byId(String id) {
        return Arrays.stream(values()).filter(q -> q.id().equalsIgnoreCase(id)).findFirst();
    }
}
