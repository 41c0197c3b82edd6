package io.fluxo.nexmark;

import io.fluxo.types.DateTimeUtils;

/**
 * Bids, as the reference makes them: an auction that is, with probability {@code 1 - 1/hotAuctionRatio}, the first
 * of the latest block of 100 auctions (a hot auction), else one still in flight; a bidder that is, with probability
 * {@code 1 - 1/hotBiddersRatio}, the second person of the latest block of 100 (a hot bidder), else a recent person;
 * a price; half of the time one of four hot channels (Google, Facebook, Baidu, Apple) with its URL, else one of
 * 10,000 other channels with its URL; the event time; and an {@code extra} field padding the record to
 * {@code avgBidByteSize} on average.
 */
final class BidColumns extends KindColumns {
    static final int AUCTION = 0;
    static final int BIDDER = 1;
    static final int PRICE = 2;
    static final int CHANNEL = 3;
    static final int URL = 4;
    static final int DATE_TIME = 5;
    static final int EXTRA = 6;

    // Which draw of the event each field reads.
    private static final int HOT_AUCTION_DRAW = 0;
    private static final int AUCTION_DRAW = 1;
    private static final int HOT_BIDDER_DRAW = 2;
    private static final int BIDDER_DRAW = 3;
    private static final int PRICE_DRAW = 4;
    private static final int CHANNEL_DRAW = 5;
    private static final int EXTRA_SIZE_DRAW = 6;
    private static final int EXTRA_SLICE_DRAW = 7;

    /** The reference's size of a bid without its extra field: four 8-byte numbers. */
    private static final int SIZE_WITHOUT_EXTRA = 4 * 8;

    BidColumns(EventModel model, boolean[] wanted, int capacity, int expected) {
        super(model, NexmarkTable.BID_SCHEMA, wanted, capacity, expected,
                new int[] {0, 0, 0, 10, 80, 0, Math.max(8, model.options.avgBidByteSize - SIZE_WITHOUT_EXTRA)});
    }

    @Override
    protected void generate(EventCursor event, int row) {
        long key = event.key;
        if (wanted[AUCTION]) {
            long auction;
            if (Draws.below(Draws.draw(key, HOT_AUCTION_DRAW), options.hotAuctionRatio) > 0) {
                auction = event.lastAuctionId0() / EventModel.HOT_BLOCK * EventModel.HOT_BLOCK;
            } else {
                auction = model.randomAuctionId0(event, Draws.draw(key, AUCTION_DRAW));
            }
            longs(AUCTION)[row] = auction + EventModel.FIRST_AUCTION_ID;
        }
        if (wanted[BIDDER]) {
            long bidder;
            if (Draws.below(Draws.draw(key, HOT_BIDDER_DRAW), options.hotBiddersRatio) > 0) {
                bidder = event.lastPersonId0() / EventModel.HOT_BLOCK * EventModel.HOT_BLOCK + 1;
            } else {
                bidder = model.randomPersonId0(event, Draws.draw(key, BIDDER_DRAW));
            }
            longs(BIDDER)[row] = bidder + EventModel.FIRST_PERSON_ID;
        }
        if (wanted[PRICE]) {
            longs(PRICE)[row] = Draws.price(Draws.draw(key, PRICE_DRAW));
        }
        if (wanted[CHANNEL] || wanted[URL]) {
            long bits = Draws.draw(key, CHANNEL_DRAW);
            boolean hot = Draws.below16(bits, 0, 2) > 0;
            int hotChannel = Draws.below16(bits, 1, Vocabulary.HOT_CHANNELS.length);
            int channel = (int) ((bits >>> 32) * Vocabulary.CHANNELS >>> 32);
            if (wanted[CHANNEL]) {
                text(CHANNEL).put(hot ? Vocabulary.HOT_CHANNELS[hotChannel] : Vocabulary.channelName(channel));
                text(CHANNEL).endRow();
            }
            if (wanted[URL]) {
                Vocabulary v = model.vocabulary;
                text(URL).put(hot ? v.hotUrl(hotChannel) : v.channelUrl(channel));
                text(URL).endRow();
            }
        }
        if (wanted[DATE_TIME]) {
            longs(DATE_TIME)[row] = event.timeMillis * DateTimeUtils.MICROS_PER_MILLI;
        }
        if (wanted[EXTRA]) {
            int size = EventModel.extraSize(Draws.draw(key, EXTRA_SIZE_DRAW), SIZE_WITHOUT_EXTRA,
                    options.avgBidByteSize);
            EventModel.putExtra(text(EXTRA), Draws.draw(key, EXTRA_SLICE_DRAW), size);
            text(EXTRA).endRow();
        }
    }
}
