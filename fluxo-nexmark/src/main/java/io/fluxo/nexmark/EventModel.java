package io.fluxo.nexmark;

/**
 * The rules every generated event follows, as functions of its event number {@code n} (0, 1, 2, …) alone, which is
 * what makes any range of events reproducible on its own: the kind of event {@code n}, the ids it creates or refers
 * to, and its event time. These are the Nexmark reference generator's rules: events come in epochs of
 * {@code personProportion + auctionProportion + bidProportion} (1 + 3 + 46 = 50) events, persons first, then
 * auctions, then bids; person and auction ids count up from 1000 in event order; bids and auctions refer to recent
 * ids (the last {@code numActivePeople} persons, the last {@code numInFlightAuctions} auctions) and, more often, to a
 * few "hot" ones.
 */
final class EventModel {
    static final long FIRST_PERSON_ID = 1000;
    static final long FIRST_AUCTION_ID = 1000;
    static final long FIRST_CATEGORY_ID = 10;
    static final int NUM_CATEGORIES = 5;
    /** Random person and auction references may lead the last created id by this much, as in the reference. */
    static final int PERSON_ID_LEAD = 10;
    static final int AUCTION_ID_LEAD = 10;
    /**
     * Hot ids are the first of each block of this many (the second, for bidders, so that hot bidders are not also the
     * hot sellers).
     */
    static final int HOT_BLOCK = 100;

    final NexmarkOptions options;
    final int personProportion;
    final int auctionProportion;
    final int totalProportion;
    final long seedKey;
    final Vocabulary vocabulary;
    /** Events between an auction and the one {@code numInFlightAuctions} auctions later: the expiry horizon. */
    final long eventsForInFlightAuctions;

    EventModel(NexmarkOptions options) {
        this.options = options;
        this.personProportion = options.personProportion;
        this.auctionProportion = options.auctionProportion;
        this.totalProportion = options.personProportion + options.auctionProportion + options.bidProportion;
        this.seedKey = Draws.seedKey(options.seed);
        this.vocabulary = new Vocabulary(seedKey);
        this.eventsForInFlightAuctions = (long) options.numInFlightAuctions * totalProportion / auctionProportion;
    }

    /** {@link NexmarkTable#PERSON_TYPE}, {@code AUCTION_TYPE} or {@code BID_TYPE}: the kind of event {@code n}. */
    int kind(long n) {
        return kindAt((int) (n % totalProportion));
    }

    /** The kind of the event at {@code offset} in its epoch. */
    int kindAt(int offset) {
        return offset < personProportion ? NexmarkTable.PERSON_TYPE
                : offset < personProportion + auctionProportion ? NexmarkTable.AUCTION_TYPE : NexmarkTable.BID_TYPE;
    }

    long eventKey(long n) {
        return Draws.eventKey(seedKey, n);
    }

    /** A person (id from 0) among the last {@code numActivePeople}, or a few ids ahead, from {@code bits}. */
    long randomPersonId0(EventCursor event, long bits) {
        long people = event.lastPersonId0() + 1;
        long active = Math.min(people, options.numActivePeople);
        return people - active + Draws.belowLong(bits, active + PERSON_ID_LEAD);
    }

    /** An auction (id from 0) among the last {@code numInFlightAuctions}, or a few ids ahead, from {@code bits}. */
    long randomAuctionId0(EventCursor event, long bits) {
        long last = event.lastAuctionId0();
        long first = Math.max(last - options.numInFlightAuctions, 0);
        return first + Draws.belowLong(bits, last - first + 1 + AUCTION_ID_LEAD);
    }

    /** Event time of event {@code n} in epoch milliseconds: {@code n / eventTimeRate} seconds after the base time. */
    long timeMillis(long n) {
        long rate = options.eventTimeRate;
        return options.baseTimeMillis + n / rate * 1000 + n % rate * 1000 / rate;
    }

    /** Size of an {@code extra} field making the event {@code avgSize} bytes on average ±20 %, as the reference. */
    static int extraSize(long bits, int currentSize, int avgSize) {
        if (currentSize > avgSize) {
            return 0;
        }
        int desired = avgSize - currentSize;
        int delta = (int) Math.round(desired * 0.2);
        return desired - delta + (delta == 0 ? 0 : Draws.below(bits, 2 * delta));
    }

    /** Appends an {@code extra} field of {@code size} bytes, a slice of the letter pool chosen by {@code bits}. */
    static void putExtra(TextColumn column, long bits, int size) {
        int from = Draws.below(bits, Vocabulary.EXTRA_POOL.length - size);
        column.put(Vocabulary.EXTRA_POOL, from, size);
    }

    /** Number of events of {@code kind} among event numbers {@code [from, to)}. */
    long countOfKind(long from, long to, int kind) {
        return countBelow(to, kind) - countBelow(from, kind);
    }

    private long countBelow(long n, int kind) {
        int lo = kind == NexmarkTable.PERSON_TYPE ? 0
                : kind == NexmarkTable.AUCTION_TYPE ? personProportion : personProportion + auctionProportion;
        int hi = kind == NexmarkTable.PERSON_TYPE ? personProportion
                : kind == NexmarkTable.AUCTION_TYPE ? personProportion + auctionProportion : totalProportion;
        long epochs = n / totalProportion;
        long offset = n % totalProportion;
        return epochs * (hi - lo) + Math.max(0, Math.min(offset, hi) - lo);
    }
}
