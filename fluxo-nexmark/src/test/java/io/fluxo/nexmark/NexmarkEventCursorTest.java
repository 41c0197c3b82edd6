package io.fluxo.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cursor's running sums agree with the event model's closed forms, and draws stay in their ranges. */
class NexmarkEventCursorTest {
    @Test
    void steppingTheCursorGivesTheSameTimesAndIdsAsJumpingToEachEvent() {
        for (String rate : new String[] {"1", "7", "999", "1000", "1001", "10000", "3000000"}) {
            EventModel model = new EventModel(NexmarkOptions.parse(Map.of("eventTimeRate", rate,
                    "personProportion", "2", "auctionProportion", "5", "bidProportion", "13")));
            EventCursor stepped = new EventCursor(model).moveTo(123_456_789L);
            EventCursor jumped = new EventCursor(model);
            for (long n = 123_456_789L; n < 123_456_789L + 50_000; n++) {
                jumped.moveTo(n);
                assertThat(stepped.timeMillis).as("rate %s event %d", rate, n).isEqualTo(jumped.timeMillis)
                        .isEqualTo(model.timeMillis(n));
                assertThat(stepped.lastPersonId0()).isEqualTo(jumped.lastPersonId0());
                assertThat(stepped.lastAuctionId0()).isEqualTo(jumped.lastAuctionId0());
                assertThat(stepped.kind()).isEqualTo(model.kind(n));
                assertThat(stepped.key).isEqualTo(model.eventKey(n));
                stepped.next();
            }
        }
    }

    @Test
    void idsFollowTheEpochLayout() {
        EventModel model = new EventModel(NexmarkOptions.parse(Map.of()));
        EventCursor c = new EventCursor(model);
        // Event 0 is person 0 and comes before any auction; events 1 to 3 are auctions 0 to 2.
        assertThat(c.moveTo(0).lastPersonId0()).isZero();
        assertThat(c.lastAuctionId0()).isEqualTo(-1);
        assertThat(c.moveTo(3).lastAuctionId0()).isEqualTo(2);
        assertThat(c.moveTo(49).lastAuctionId0()).isEqualTo(2);
        assertThat(c.moveTo(50).lastPersonId0()).isEqualTo(1);
        assertThat(c.lastAuctionId0()).isEqualTo(2);
        assertThat(c.moveTo(51).lastAuctionId0()).isEqualTo(3);
        assertThat(model.countOfKind(0, 100, NexmarkTable.BID_TYPE)).isEqualTo(92);
        assertThat(model.countOfKind(49, 52, NexmarkTable.AUCTION_TYPE)).isEqualTo(1);
    }

    @Test
    void drawsStayInTheirRanges() {
        for (long i = 0; i < 200_000; i++) {
            long bits = Draws.draw(Draws.eventKey(1, i), 3);
            assertThat(Draws.below(bits, 13)).isBetween(0, 12);
            assertThat(Draws.below16(bits, (int) (i & 3), 10_000)).isBetween(0, 9999);
            assertThat(Draws.belowLong(bits, 5_000_000_000L)).isBetween(0L, 4_999_999_999L);
            assertThat(Draws.price(bits)).isBetween(100L, 100_000_000L);
        }
    }
}
