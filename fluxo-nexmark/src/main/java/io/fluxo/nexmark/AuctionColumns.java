package io.fluxo.nexmark;

import io.fluxo.types.DateTimeUtils;

/**
 * New auctions, as the reference makes them: id = the next auction id; a seller who is, with probability
 * {@code 1 - 1/hotSellersRatio}, the first person of the latest block of 100 (a hot seller), else a recent person;
 * one of 5 categories from 10; an initial bid and a reserve above it; a random item name and description; an expiry
 * on average as far ahead as {@code numInFlightAuctions} auctions take to be created; the event time; and an
 * {@code extra} field padding the record to {@code avgAuctionByteSize} on average.
 */
final class AuctionColumns extends KindColumns {
    static final int ID = 0;
    static final int ITEM_NAME = 1;
    static final int DESCRIPTION = 2;
    static final int INITIAL_BID = 3;
    static final int RESERVE = 4;
    static final int DATE_TIME = 5;
    static final int EXPIRES = 6;
    static final int SELLER = 7;
    static final int CATEGORY = 8;
    static final int EXTRA = 9;

    /** Random item names and descriptions are shorter than these, as the reference's nextString(20) and (100). */
    private static final int ITEM_NAME_MAX = 20;
    private static final int DESCRIPTION_MAX = 100;

    // Which draw of the event each field reads.
    private static final int HOT_SELLER_DRAW = 0;
    private static final int SELLER_DRAW = 1;
    private static final int CATEGORY_DRAW = 2;
    private static final int INITIAL_BID_DRAW = 3;
    private static final int EXPIRES_DRAW = 4;
    private static final int ITEM_NAME_LENGTH_DRAW = 5;
    private static final int ITEM_NAME_DRAW = 6;
    private static final int DESCRIPTION_LENGTH_DRAW = ITEM_NAME_DRAW + TextColumn.drawsFor(ITEM_NAME_MAX - 1);
    private static final int DESCRIPTION_DRAW = DESCRIPTION_LENGTH_DRAW + 1;
    private static final int RESERVE_DRAW = DESCRIPTION_DRAW + TextColumn.drawsFor(DESCRIPTION_MAX - 1);
    private static final int EXTRA_SIZE_DRAW = RESERVE_DRAW + 1;
    private static final int EXTRA_SLICE_DRAW = EXTRA_SIZE_DRAW + 1;

    AuctionColumns(EventModel model, boolean[] wanted, int capacity, int expected) {
        super(model, NexmarkTable.AUCTION_SCHEMA, wanted, capacity, expected,
                new int[] {0, 12, 52, 0, 0, 0, 0, 0, 0, Math.max(8, model.options.avgAuctionByteSize - 100)});
    }

    @Override
    protected void generate(EventCursor event, int row) {
        long key = event.key;
        if (wanted[ID]) {
            longs(ID)[row] = event.lastAuctionId0() + EventModel.FIRST_AUCTION_ID;
        }
        if (wanted[SELLER]) {
            long seller;
            if (Draws.below(Draws.draw(key, HOT_SELLER_DRAW), options.hotSellersRatio) > 0) {
                seller = event.lastPersonId0() / EventModel.HOT_BLOCK * EventModel.HOT_BLOCK;
            } else {
                seller = model.randomPersonId0(event, Draws.draw(key, SELLER_DRAW));
            }
            longs(SELLER)[row] = seller + EventModel.FIRST_PERSON_ID;
        }
        if (wanted[CATEGORY]) {
            longs(CATEGORY)[row] = EventModel.FIRST_CATEGORY_ID
                    + Draws.below(Draws.draw(key, CATEGORY_DRAW), EventModel.NUM_CATEGORIES);
        }
        long initialBid = Draws.price(Draws.draw(key, INITIAL_BID_DRAW));
        if (wanted[INITIAL_BID]) {
            longs(INITIAL_BID)[row] = initialBid;
        }
        if (wanted[RESERVE]) {
            longs(RESERVE)[row] = initialBid + Draws.price(Draws.draw(key, RESERVE_DRAW));
        }
        if (wanted[DATE_TIME] || wanted[EXPIRES]) {
            long time = event.timeMillis;
            if (wanted[DATE_TIME]) {
                longs(DATE_TIME)[row] = time * DateTimeUtils.MICROS_PER_MILLI;
            }
            if (wanted[EXPIRES]) {
                long horizon = model.timeMillis(event.n + model.eventsForInFlightAuctions) - time;
                long length = 1 + Draws.belowLong(Draws.draw(key, EXPIRES_DRAW), Math.max(horizon * 2, 1));
                longs(EXPIRES)[row] = (time + length) * DateTimeUtils.MICROS_PER_MILLI;
            }
        }
        int nameLength = 3 + Draws.below(Draws.draw(key, ITEM_NAME_LENGTH_DRAW), ITEM_NAME_MAX - 3);
        int descriptionLength = 3 + Draws.below(Draws.draw(key, DESCRIPTION_LENGTH_DRAW), DESCRIPTION_MAX - 3);
        if (wanted[ITEM_NAME]) {
            text(ITEM_NAME).putRandomText(key, ITEM_NAME_DRAW, nameLength, Vocabulary.LETTERS_AND_SPACES);
            text(ITEM_NAME).endRow();
        }
        if (wanted[DESCRIPTION]) {
            text(DESCRIPTION).putRandomText(key, DESCRIPTION_DRAW, descriptionLength, Vocabulary.LETTERS_AND_SPACES);
            text(DESCRIPTION).endRow();
        }
        if (wanted[EXTRA]) {
            // The reference's size of the other fields: the two strings and five 8-byte numbers and times (untrimmed
            // lengths here, so that the padding does not depend on whether the strings were generated).
            int current = 8 + nameLength + descriptionLength + 5 * 8;
            int size = EventModel.extraSize(Draws.draw(key, EXTRA_SIZE_DRAW), current, options.avgAuctionByteSize);
            EventModel.putExtra(text(EXTRA), Draws.draw(key, EXTRA_SLICE_DRAW), size);
            text(EXTRA).endRow();
        }
    }
}
