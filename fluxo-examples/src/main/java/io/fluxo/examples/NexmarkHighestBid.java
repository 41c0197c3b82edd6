package io.fluxo.examples;

import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;
import io.fluxo.nexmark.Nexmark;
import io.fluxo.nexmark.NexmarkQuery;
import java.util.List;
import java.util.Map;

/**
 * The Nexmark benchmark's generated auction events as streaming views, and its query 7 (the highest bid of every
 * 10-second window) in SQL, run over a minute of events (60 000, as fast as the engine reads), then the same SQL as a
 * batch query over the same events to check the stream's answer.
 */
public final class NexmarkHighestBid {
    private NexmarkHighestBid() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> events = Map.of("maxEvents", "60000", "eventsPerSecond", "unbounded",
                "eventTimeRate", "1000", "seed", "7");
        try (Session spark = Session.builder().appName("nexmark").create()) {
            Nexmark.registerViews(spark, events); // person, auction, bid
            System.out.println(NexmarkQuery.Q7.sql());
            StreamingQuery query = spark.sql(NexmarkQuery.Q7.sql()).writeStream().format("memory")
                    .queryName("highest_bids").outputMode("append").trigger(Trigger.availableNow()).start();
            query.awaitTermination();
            List<Row> streamed = spark.sql("SELECT dateTime, auction, price FROM highest_bids ORDER BY dateTime")
                    .collectAsList();
            for (Row r : streamed) {
                System.out.println("window ending " + r.getInstant(0) + ": auction " + r.getLong(1) + " at "
                        + r.getLong(2));
            }
            // The last windows stay open when the input ends (the watermark never passes them); every closed one is
            // the same as in a batch query over the same events.
            Nexmark.registerBatchViews(spark, events);
            List<Row> batch = spark.sql("SELECT dateTime, auction, price FROM (" + NexmarkQuery.Q7.sql()
                    + ") ORDER BY dateTime").collectAsList();
            System.out.println(streamed.size() + " windows closed, " + batch.size() + " in the batch answer; closed ones "
                    + (batch.subList(0, streamed.size()).equals(streamed) ? "agree" : "DIFFER"));
        }
    }
}
