package io.fluxo.nexmark;

/**
 * Event {@code n} with what generating it needs and would otherwise divide for: its epoch and offset in the epoch,
 * its key, and its event time. Moving to the next event updates them by addition, which keeps 64-bit divisions
 * (tens of cycles each) out of the per-event loop.
 */
final class EventCursor {
    private final EventModel model;
    private final long rate;
    private final long wholeMillisPerEvent;
    private final long remainderPerEvent;

    long n;
    long epoch;
    int offset;
    long key;
    long timeMillis;
    /** {@code n * 1000 mod rate}: the part of a millisecond (in 1/rate) the event time is past {@link #timeMillis}. */
    private long timeRemainder;

    EventCursor(EventModel model) {
        this.model = model;
        this.rate = model.options.eventTimeRate;
        this.wholeMillisPerEvent = 1000 / rate;
        this.remainderPerEvent = 1000 % rate;
    }

    /** Positions the cursor on event {@code n}. */
    EventCursor moveTo(long n) {
        this.n = n;
        this.epoch = n / model.totalProportion;
        this.offset = (int) (n % model.totalProportion);
        this.key = model.eventKey(n);
        this.timeMillis = model.timeMillis(n);
        this.timeRemainder = n % rate * 1000 % rate;
        return this;
    }

    /** Moves to event {@code n + 1}. */
    void next() {
        n++;
        if (++offset == model.totalProportion) {
            offset = 0;
            epoch++;
        }
        key = model.eventKey(n);
        timeMillis += wholeMillisPerEvent;
        timeRemainder += remainderPerEvent;
        if (timeRemainder >= rate) {
            timeRemainder -= rate;
            timeMillis++;
        }
    }

    /** The kind of this event. */
    int kind() {
        return model.kindAt(offset);
    }

    /** The id, counted from 0, of the last person created at or before this event. */
    long lastPersonId0() {
        return epoch * model.personProportion + Math.min(offset, model.personProportion - 1);
    }

    /** The id, counted from 0, of the last auction created at or before this event (-1 before the first). */
    long lastAuctionId0() {
        if (offset < model.personProportion) {
            return epoch * model.auctionProportion - 1;
        }
        return epoch * model.auctionProportion + Math.min(offset - model.personProportion,
                model.auctionProportion - 1);
    }
}
