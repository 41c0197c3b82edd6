package io.fluxo.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;
import io.fluxo.stream.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nexmark source as a stream: offsets, pacing by the query's clock, the end, restarts, views, options. */
class NexmarkStreamTest {
    private Session spark;

    @BeforeEach
    void start() {
        spark = Session.builder().master("local[2]").create();
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    private DataFrame stream(Map<String, String> options) {
        return spark.readStream().format("nexmark").options(options).load();
    }

    /** Rows of each batch, sorted within the batch, by batch id. */
    private static final class Batches {
        final Map<Long, List<String>> byId = Collections.synchronizedMap(new TreeMap<>());

        void add(DataFrame df, long id) {
            byId.put(id, df.collectAsList().stream().map(Row::toString).sorted().toList());
        }

        List<String> all() {
            List<String> out = new ArrayList<>();
            byId.values().forEach(out::addAll);
            return out;
        }
    }

    @Test
    void maxEventsEndsTheStreamAndBatchesTakeAtMostMaxEventsPerTrigger(@TempDir Path chk) {
        Map<String, String> options = Map.of("eventsPerSecond", "unbounded", "maxEvents", "12345",
                "maxEventsPerTrigger", "5000");
        StreamingQuery q = stream(options).writeStream().format("memory").queryName("events")
                .option("checkpointLocation", chk.toString()).start();
        q.processAllAvailable();
        assertThat(spark.table("events").count()).isEqualTo(12345);
        assertThat(q.recentProgress()).extracting(p -> p.numInputRows()).containsExactly(5000L, 5000L, 2345L);
        q.processAllAvailable();
        assertThat(spark.table("events").count()).isEqualTo(12345);
        q.stop();
        // The stream is the batch read of the same options, row for row.
        List<String> streamed = spark.table("events").collectAsList().stream().map(Row::toString).sorted().toList();
        List<String> read = spark.read().format("nexmark").option("maxEvents", "12345").load().collectAsList()
                .stream().map(Row::toString).sorted().toList();
        assertThat(streamed).isEqualTo(read);
    }

    @Test
    void batchBoundariesDoNotChangeTheEvents() {
        List<List<String>> runs = new ArrayList<>();
        for (String perTrigger : List.of("777", "10000")) {
            Batches batches = new Batches();
            StreamingQuery q = stream(Map.of("eventsPerSecond", "0", "maxEvents", "10000", "maxEventsPerTrigger",
                    perTrigger, "numPartitions", perTrigger.equals("777") ? "3" : "1", "table", "bid"))
                    .writeStream().foreachBatch(batches::add).start();
            q.processAllAvailable();
            q.stop();
            runs.add(batches.all().stream().sorted().toList());
        }
        assertThat(runs.get(0)).hasSize(9200).isEqualTo(runs.get(1));
    }

    @Test
    void eventsAreOfferedAtEventsPerSecondOfTheQueryClock() {
        ManualClock clock = new ManualClock(1_000_000);
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        StreamingQuery q = stream(Map.of("eventsPerSecond", "1000", "table", "bid")).writeStream()
                .foreachBatch((df, id) -> rows.addAndGet(df.count())).clock(clock).start();
        q.processAllAvailable();
        assertThat(rows.get()).isZero();
        clock.advance(2_000);
        q.processAllAvailable();
        // 2000 events are due after 2 s, of which 46 in 50 are bids.
        assertThat(rows.get()).isEqualTo(1840);
        clock.advance(500);
        q.processAllAvailable();
        assertThat(rows.get()).isEqualTo(2300);
        q.stop();
    }

    @Test
    void baseTimeNowMakesEachEventsTimeTheTimeItWasOfferedAndKeepsItAcrossARestart(@TempDir Path chk) {
        ManualClock clock = new ManualClock(1_700_000_000_000L);
        Map<String, String> options = Map.of("eventsPerSecond", "1000", "baseTime", "now", "table", "bid");
        List<long[]> batches = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = startMinMax(options, chk, clock, batches);
        q.processAllAvailable(); // the first look: event 0 is due now
        clock.advance(2_000);
        q.processAllAvailable();
        q.stop();
        // Bids are events 4..49 of every 50; event 1999 was due 1.999 s after the first look: that is its time.
        assertThat(batches).last().isEqualTo(new long[] {1_700_000_000_004L, 1_700_000_001_999L});

        // A minute later the query restarts on its checkpoint: the pace resumes from event 2000, and the base time
        // recorded at the first look still holds, so event 2004 is 2.004 s after it.
        clock.advance(60_000);
        batches.clear();
        StreamingQuery again = startMinMax(options, chk, clock, batches);
        again.processAllAvailable();
        clock.advance(1_000);
        again.processAllAvailable();
        again.stop();
        assertThat(batches).last().isEqualTo(new long[] {1_700_000_002_004L, 1_700_000_002_999L});

        assertThatThrownBy(() -> spark.read().format("nexmark").options(Map.of("maxEvents", "10", "baseTime", "now"))
                .load().count()).hasMessageContaining("baseTime 'now' is for streams");
    }

    /** A query that records each non-empty batch's earliest and latest event time (epoch ms). */
    private StreamingQuery startMinMax(Map<String, String> options, Path chk, ManualClock clock, List<long[]> out) {
        return stream(options).writeStream().option("checkpointLocation", chk.toString()).clock(clock)
                .foreachBatch((df, id) -> {
                    Row r = df.selectExpr("min(unix_millis(dateTime))", "max(unix_millis(dateTime))").first();
                    if (!r.isNullAt(0)) {
                        out.add(new long[] {r.getLong(0), r.getLong(1)});
                    }
                }).start();
    }

    @Test
    void aRestartContinuesAndARerunBatchRegeneratesTheSameEvents(@TempDir Path tmp) throws Exception {
        Map<String, String> options = Map.of("eventsPerSecond", "unbounded", "maxEventsPerTrigger", "3000",
                "maxEvents", "15000");
        // Uninterrupted.
        Batches whole = new Batches();
        StreamingQuery q = stream(options).writeStream().foreachBatch(whole::add)
                .option("checkpointLocation", tmp.resolve("a").toString()).start();
        q.processAllAvailable();
        q.stop();
        assertThat(whole.byId).hasSize(5);

        // Stopped after two batches, then restarted; batch 2 also "crashed" before its commit, so it is re-run.
        Path chk = tmp.resolve("b");
        Batches parts = new Batches();
        StreamingQuery first = stream(Map.of("eventsPerSecond", "unbounded", "maxEventsPerTrigger", "3000",
                "maxEvents", "9000")).writeStream().foreachBatch(parts::add)
                .option("checkpointLocation", chk.toString()).start();
        first.processAllAvailable();
        first.stop();
        assertThat(parts.byId).hasSize(3);
        Files.delete(chk.resolve("commits").resolve("2"));
        parts.byId.remove(2L);
        StreamingQuery second = stream(options).writeStream().foreachBatch(parts::add)
                .option("checkpointLocation", chk.toString()).start();
        second.processAllAvailable();
        second.stop();
        assertThat(parts.byId).isEqualTo(whole.byId);
    }

    @Test
    void availableNowReadsWhatIsDueThenStops() throws Exception {
        StreamingQuery q = stream(Map.of("eventsPerSecond", "unbounded", "maxEvents", "7000",
                "maxEventsPerTrigger", "2000")).writeStream().format("memory").queryName("now")
                .trigger(Trigger.availableNow()).start();
        q.awaitTermination();
        assertThat(spark.table("now").count()).isEqualTo(7000);
        assertThat(q.recentProgress()).hasSize(4);
    }

    @Test
    void registerViewsMakesPersonAuctionAndBidViews() {
        Nexmark.registerViews(spark, Map.of("eventsPerSecond", "unbounded", "maxEvents", "5000"));
        StreamingQuery q = spark.sql("SELECT auction, price * 89 / 100 AS euros, dateTime FROM bid WHERE auction % 7 = 0")
                .writeStream().format("memory").queryName("q1").start();
        StreamingQuery persons = spark.sql("SELECT id, name, city, state FROM person WHERE state IN ('OR', 'ID', 'CA')")
                .writeStream().format("memory").queryName("people").start();
        StreamingQuery auctions = spark.table("auction").writeStream().format("memory").queryName("auctions").start();
        q.processAllAvailable();
        persons.processAllAvailable();
        auctions.processAllAvailable();
        assertThat(spark.table("q1").count()).isPositive();
        assertThat(spark.table("people").count()).isBetween(20L, 80L);
        assertThat(spark.table("auctions").count()).isEqualTo(300);
        q.stop();
        persons.stop();
        auctions.stop();
        assertThatThrownBy(() -> Nexmark.registerViews(spark, Map.of("table", "bid"))).hasMessageContaining("table");
    }

    @Test
    void badOptionsAreRefusedByName() {
        Map<String, String> bad = Map.of("eventsPerSecond", "-5", "maxEvents", "lots", "numPartitions", "0",
                "table", "bids", "baseTime", "yesterday", "hotAuctionRatio", "0", "avgBidByteSize", "9999999",
                "eventPerSecond", "10");
        bad.forEach((name, value) -> assertThatThrownBy(() -> stream(Map.of(name, value)))
                .as(name).hasMessageContaining("'" + name + "'"));
        assertThatThrownBy(() -> spark.read().format("nexmark").load()).hasMessageContaining("'maxEvents'");
        assertThatThrownBy(() -> spark.readStream().format("nexmark").schema("a INT").load())
                .hasMessageContaining("fixed schema");
    }
}
