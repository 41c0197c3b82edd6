package io.fluxo.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the generated events are: the reference generator's mix, ids, ratios, sizes and times, reproducibly. */
class NexmarkGeneratorTest {
    private static Session spark;

    @BeforeAll
    static void start() {
        spark = Session.builder().master("local[2]").create();
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    private static DataFrame events(Map<String, String> options) {
        return spark.read().format("nexmark").options(options).load();
    }

    private static List<String> sortedRows(DataFrame df) {
        return df.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void fiftyEventsAreOnePersonThreeAuctionsAndFortySixBids() {
        List<Row> counts = events(Map.of("maxEvents", "50000")).groupBy("event_type").count()
                .orderBy("event_type").collectAsList();
        assertThat(counts).extracting(Row::toString).containsExactly("[0,1000]", "[1,3000]", "[2,46000]");
        // Within each epoch of 50: the person first, then the auctions, then the bids.
        List<Row> first = events(Map.of("maxEvents", "100", "numPartitions", "1", "eventTimeRate", "1000"))
                .orderBy("dateTime").select("event_type").collectAsList();
        List<Integer> kinds = first.stream().map(r -> r.getInt(0)).toList();
        for (int n = 0; n < 100; n++) {
            assertThat(kinds.get(n)).as("event %d", n).isEqualTo(n % 50 == 0 ? 0 : n % 50 < 4 ? 1 : 2);
        }
    }

    @Test
    void theSameSeedGivesTheSameEventsWhateverThePartitioning() {
        Map<String, String> one = Map.of("maxEvents", "20000", "numPartitions", "1", "seed", "7");
        Map<String, String> five = Map.of("maxEvents", "20000", "numPartitions", "5", "seed", "7");
        List<String> a = sortedRows(events(one));
        assertThat(a).hasSize(20000);
        assertThat(sortedRows(events(five))).isEqualTo(a);
        List<String> otherSeed = sortedRows(events(Map.of("maxEvents", "20000", "seed", "8")));
        assertThat(otherSeed).isNotEqualTo(a);
    }

    @Test
    void flatTablesHoldTheFieldsOfTheCombinedStream() {
        Map<String, String> base = Map.of("maxEvents", "5000", "seed", "3");
        DataFrame combined = events(base);
        for (String table : List.of("person", "auction", "bid")) {
            Map<String, String> options = new HashMap<>(base);
            options.put("table", table);
            DataFrame flat = events(options);
            assertThat(flat.schema().fieldNames()).isEqualTo(
                    ((io.fluxo.types.StructType) combined.schema().find(table).orElseThrow().dataType()).fieldNames());
            List<String> fromCombined = sortedRows(combined.filter(table + " IS NOT NULL").select(table + ".*"));
            assertThat(sortedRows(flat)).as(table).isEqualTo(fromCombined).isNotEmpty();
        }
        assertThat(events(Map.of("maxEvents", "5000", "table", "bid")).schema().fieldNames())
                .containsExactly("auction", "bidder", "price", "channel", "url", "dateTime", "extra");
        // A column left out is not generated, and the others do not change.
        List<String> prices = sortedRows(events(Map.of("maxEvents", "5000", "seed", "3", "table", "bid"))
                .select("price", "auction"));
        assertThat(prices).isEqualTo(sortedRows(combined.filter("bid IS NOT NULL").select("bid.price", "bid.auction")));
        assertThat(events(Map.of("maxEvents", "5000", "table", "person")).count()).isEqualTo(100);
    }

    @Test
    void eventTimeAdvancesAtEventsPerSecondFromTheBaseTime() {
        Instant base = Instant.parse("2020-01-01T00:00:00Z");
        List<Row> times = events(Map.of("maxEvents", "10000", "eventsPerSecond", "2000", "baseTime", base.toString()))
                .selectExpr("min(dateTime)", "max(dateTime)", "count(DISTINCT dateTime)").collectAsList();
        // Event n happens n / 2000 s after the base time, in whole milliseconds: 2 events per ms.
        assertThat(times.get(0).getInstant(0)).isEqualTo(base);
        assertThat(times.get(0).getInstant(1)).isEqualTo(base.plusMillis(9999 / 2));
        assertThat(times.get(0).getLong(2)).isEqualTo(5000);
        // The reference's fixed base time is the default.
        Row first = events(Map.of("maxEvents", "1")).collectAsList().get(0);
        assertThat(first.getInstant(4)).isEqualTo(Instant.parse("2015-07-15T00:00:00Z"));
        // Epoch milliseconds are accepted too.
        assertThat(events(Map.of("maxEvents", "1", "baseTime", "1000")).collectAsList().get(0).getInstant(4))
                .isEqualTo(Instant.ofEpochSecond(1));
    }

    /** One event of the stream, in event order (event n is at base + n ms with eventTimeRate 1000). */
    private record Event(long n, int type, Row person, Row auction, Row bid) {
    }

    private static List<Event> inOrder(int count) {
        List<Row> rows = events(Map.of("maxEvents", Integer.toString(count), "eventTimeRate", "1000")).collectAsList();
        long base = NexmarkOptions.DEFAULT_BASE_TIME.toEpochMilli();
        List<Event> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Event(r.getInstant(4).toEpochMilli() - base, r.getInt(0), r.getStruct(1), r.getStruct(2),
                    r.getStruct(3)));
        }
        out.sort(Comparator.comparingLong(Event::n));
        return out;
    }

    @Test
    void idsCountUpAndReferencesStayNearTheIdsCreatedSoFar() {
        List<Event> events = inOrder(50_000);
        assertThat(events.get(events.size() - 1).n()).isEqualTo(49_999);
        long lastPerson = 999;
        long lastAuction = 999;
        int bids = 0;
        int existingBidRefs = 0;
        int hotAuctionBids = 0;
        int hotBidders = 0;
        int hotSellers = 0;
        int hotChannels = 0;
        int auctions = 0;
        for (Event e : events) {
            switch (e.type()) {
                case 0 -> {
                    assertThat(e.person().getLong(0)).isEqualTo(lastPerson + 1);
                    lastPerson++;
                }
                case 1 -> {
                    Row a = e.auction();
                    assertThat(a.getLong(0)).isEqualTo(lastAuction + 1);
                    lastAuction++;
                    auctions++;
                    long seller = a.getLong(7);
                    assertThat(seller).isBetween(1000L, lastPerson + EventModel.PERSON_ID_LEAD);
                    hotSellers += (seller - 1000) % 100 == 0 ? 1 : 0;
                    assertThat(a.getLong(8)).isBetween(10L, 14L);
                    assertThat(a.getLong(4)).isGreaterThan(a.getLong(3));
                    assertThat(a.getInstant(6)).isAfter(a.getInstant(5));
                }
                default -> {
                    Row b = e.bid();
                    bids++;
                    long auction = b.getLong(0);
                    long bidder = b.getLong(1);
                    assertThat(auction).isBetween(1000L, lastAuction + EventModel.AUCTION_ID_LEAD);
                    assertThat(bidder).isBetween(1000L, lastPerson + EventModel.PERSON_ID_LEAD);
                    existingBidRefs += auction <= lastAuction && bidder <= lastPerson ? 1 : 0;
                    hotAuctionBids += (auction - 1000) % 100 == 0 ? 1 : 0;
                    hotBidders += (bidder - 1000) % 100 == 1 ? 1 : 0;
                    hotChannels += List.of("Google", "Facebook", "Baidu", "Apple").contains(b.getString(3)) ? 1 : 0;
                    assertThat(b.getLong(2)).isBetween(100L, 100_000_000L);
                    assertThat(b.getString(4)).startsWith("https://www.nexmark.com/");
                }
            }
        }
        assertThat(bids).isEqualTo(46_000);
        // Most references are to ids that exist already; the others lead by at most 10 ids, as in the reference
        // (about 1 random auction pick in 11, and random bidders while few persons exist yet).
        assertThat((double) existingBidRefs / bids).isGreaterThan(0.9);
        // Hot ratios 2, 4, 4: half the bids on hot auctions, three quarters by hot bidders and by hot sellers.
        assertThat((double) hotAuctionBids / bids).isCloseTo(0.505, within(0.02));
        assertThat((double) hotBidders / bids).isCloseTo(0.7525, within(0.02));
        assertThat((double) hotSellers / auctions).isCloseTo(0.7525, within(0.03));
        assertThat((double) hotChannels / bids).isCloseTo(0.5, within(0.02));
    }

    @Test
    void recordsArePaddedToTheAverageSizes() {
        List<Event> events = inOrder(20_000);
        double person = 0;
        double auction = 0;
        double bid = 0;
        int persons = 0;
        int auctions = 0;
        int bids = 0;
        for (Event e : events) {
            if (e.person() != null) {
                Row p = e.person();
                person += 8 + p.getString(1).length() + p.getString(2).length() + p.getString(3).length()
                        + p.getString(4).length() + p.getString(5).length() + p.getString(7).length();
                persons++;
                assertThat(p.getString(3)).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
                assertThat(p.getString(2)).endsWith(".com").contains("@");
            } else if (e.auction() != null) {
                Row a = e.auction();
                auction += 8 + a.getString(1).length() + a.getString(2).length() + 40 + a.getString(9).length();
                auctions++;
            } else {
                bid += 32 + e.bid().getString(6).length();
                bids++;
            }
        }
        assertThat(person / persons).isCloseTo(200, within(5.0));
        assertThat(auction / auctions).isCloseTo(500, within(5.0));
        assertThat(bid / bids).isCloseTo(100, within(2.0));
    }
}
