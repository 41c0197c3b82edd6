package io.fluxo.nexmark;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.util.Locale;

/**
 * What one {@code nexmark} source produces (option {@code table}): the combined event stream, or the flat rows of
 * one kind of event. Field names and order are the reference's ({@code Person}, {@code Auction}, {@code Bid}).
 */
enum NexmarkTable {
    EVENTS, PERSON, AUCTION, BID;

    /** {@code event_type} of a person, an auction and a bid, as Flink's and RisingWave's Nexmark tables number them. */
    static final int PERSON_TYPE = 0;
    static final int AUCTION_TYPE = 1;
    static final int BID_TYPE = 2;

    static final StructType PERSON_SCHEMA = StructType.empty()
            .add("id", DataTypes.LongType)
            .add("name", DataTypes.StringType)
            .add("emailAddress", DataTypes.StringType)
            .add("creditCard", DataTypes.StringType)
            .add("city", DataTypes.StringType)
            .add("state", DataTypes.StringType)
            .add("dateTime", DataTypes.TimestampType)
            .add("extra", DataTypes.StringType, false);

    static final StructType AUCTION_SCHEMA = StructType.empty()
            .add("id", DataTypes.LongType)
            .add("itemName", DataTypes.StringType)
            .add("description", DataTypes.StringType)
            .add("initialBid", DataTypes.LongType)
            .add("reserve", DataTypes.LongType)
            .add("dateTime", DataTypes.TimestampType)
            .add("expires", DataTypes.TimestampType)
            .add("seller", DataTypes.LongType)
            .add("category", DataTypes.LongType)
            .add("extra", DataTypes.StringType, false);

    static final StructType BID_SCHEMA = StructType.empty()
            .add("auction", DataTypes.LongType)
            .add("bidder", DataTypes.LongType)
            .add("price", DataTypes.LongType)
            .add("channel", DataTypes.StringType)
            .add("url", DataTypes.StringType)
            .add("dateTime", DataTypes.TimestampType)
            .add("extra", DataTypes.StringType, false);

    /**
     * The combined stream: one row per event, the kind in {@code event_type} and its fields in the matching struct
     * (the other two are null), plus the event's time at top level for watermarks, as Flink's Nexmark table has it.
     */
    static final StructType EVENTS_SCHEMA = StructType.empty()
            .add("event_type", DataTypes.IntegerType)
            .add("person", PERSON_SCHEMA)
            .add("auction", AUCTION_SCHEMA)
            .add("bid", BID_SCHEMA)
            .add("dateTime", DataTypes.TimestampType, false);

    StructType schema() {
        return switch (this) {
            case EVENTS -> EVENTS_SCHEMA;
            case PERSON -> PERSON_SCHEMA;
            case AUCTION -> AUCTION_SCHEMA;
            case BID -> BID_SCHEMA;
        };
    }

    static NexmarkTable parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "events", "event", "" -> EVENTS;
            case "person" -> PERSON;
            case "auction" -> AUCTION;
            case "bid" -> BID;
            default -> throw new AnalysisException("INVALID_OPTION_VALUE", "Invalid value '" + value
                    + "' for option 'table' of the nexmark source: expected events, person, auction or bid.");
        };
    }
}
