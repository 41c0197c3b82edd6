package io.fluxo.nexmark;

import static io.fluxo.api.functions.call_function;
import static io.fluxo.api.functions.col;
import static io.fluxo.api.functions.count;
import static io.fluxo.api.functions.hour;
import static io.fluxo.api.functions.length;
import static io.fluxo.api.functions.lit;
import static io.fluxo.api.functions.lower;
import static io.fluxo.api.functions.max;
import static io.fluxo.api.functions.regexp_extract;
import static io.fluxo.api.functions.replace;
import static io.fluxo.api.functions.session_window;
import static io.fluxo.api.functions.split;
import static io.fluxo.api.functions.when;
import static io.fluxo.api.functions.window;

import io.fluxo.api.Column;
import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;

/** The DataFrame forms of {@link NexmarkQuery}'s SQL, over the same views; each gives the rows its SQL gives. */
final class NexmarkDataFrames {
    private static final String DELAY = "4 seconds";
    private static final String CHANNEL_ID = "(&|^)channel_id=([^&]*)";

    private NexmarkDataFrames() {
    }

    static DataFrame of(NexmarkQuery query, Session session) {
        DataFrame bid = session.table("bid");
        return switch (query) {
            case Q0 -> bid.select(col("auction"), col("bidder"), col("price"), col("dateTime"), col("extra"));
            case Q1 -> bid.select(col("auction"), col("bidder"), euros().as("price"), col("dateTime"), col("extra"));
            case Q2 -> bid.where(col("auction").mod(123).equalTo(0)).select(col("auction"), col("price"));
            case Q3 -> {
                DataFrame a = session.table("auction").alias("a");
                DataFrame p = session.table("person").alias("p");
                yield a.join(p, col("a.seller").equalTo(col("p.id")))
                        .where(col("a.category").equalTo(10).and(col("p.state").equalTo("OR")
                                .or(col("p.state").equalTo("ID")).or(col("p.state").equalTo("CA"))))
                        .select(col("p.name"), col("p.city"), col("p.state"), col("a.id"));
            }
            case Q7 -> bid.withWatermark("dateTime", DELAY).groupBy(window(col("dateTime"), "10 seconds"))
                    .agg(call_function("max_by", col("auction"), col("price")).as("auction"),
                            max(col("price")).as("price"), call_function("max_by", col("bidder"), col("price"))
                                    .as("bidder"), call_function("max_by", col("extra"), col("price")).as("extra"))
                    .select(col("window.end").as("dateTime"), col("auction"), col("price"), col("bidder"),
                            col("extra"));
            case Q8 -> {
                DataFrame p = session.table("person").withWatermark("dateTime", DELAY)
                        .select(col("id"), col("name"), window(col("dateTime"), "10 seconds").as("w")).alias("p");
                DataFrame a = session.table("auction").withWatermark("dateTime", DELAY)
                        .select(col("seller"), window(col("dateTime"), "10 seconds").as("w")).alias("a");
                yield p.join(a, col("p.id").equalTo(col("a.seller")).and(col("p.w").equalTo(col("a.w"))))
                        .select(col("p.id"), col("p.name"), col("p.w").getField("start").as("starttime"));
            }
            case Q11 -> bid.withWatermark("dateTime", DELAY)
                    .groupBy(col("bidder"), session_window(col("dateTime"), "10 seconds"))
                    .agg(count(lit(1)).as("bid_count"))
                    .select(col("bidder"), col("bid_count"), col("session_window.start").as("starttime"),
                            col("session_window.end").as("endtime"));
            case Q13 -> bid.alias("b").join(session.table("side_input").alias("s"),
                            col("b.auction").mod(10000).equalTo(col("s.key")))
                    .select(col("b.auction"), col("b.bidder"), col("b.price"), col("b.dateTime"), col("s.value"));
            case Q14 -> bid.where(euros().gt(1_000_000).and(euros().lt(50_000_000)))
                    .select(col("auction"), col("bidder"), euros().as("price"),
                            when(hour(col("dateTime")).geq(8).and(hour(col("dateTime")).leq(18)), "dayTime")
                                    .when(hour(col("dateTime")).leq(6).or(hour(col("dateTime")).geq(20)), "nightTime")
                                    .otherwise("otherTime").as("bidTimeType"),
                            col("dateTime"), col("extra"), length(col("extra")).minus(length(replace(col("extra"),
                                    lit("c"), lit("")))).as("c_counts"));
            case Q20 -> {
                DataFrame b = bid.alias("b");
                DataFrame a = session.table("auction").alias("a");
                yield b.join(a, col("b.auction").equalTo(col("a.id"))).where(col("a.category").equalTo(10))
                        .select(col("b.auction"), col("b.bidder"), col("b.price"), col("b.channel"), col("b.url"),
                                col("b.dateTime").as("bid_dateTime"), col("b.extra").as("bid_extra"),
                                col("a.itemName"), col("a.description"), col("a.initialBid"), col("a.reserve"),
                                col("a.dateTime").as("auction_dateTime"), col("a.expires"), col("a.seller"),
                                col("a.category"), col("a.extra").as("auction_extra"));
            }
            case Q21 -> {
                Column channel = lower(col("channel"));
                Column fromUrl = regexp_extract(col("url"), CHANNEL_ID, 2);
                yield bid.where(fromUrl.isNotNull().or(channel.isin("apple", "google", "facebook", "baidu")))
                        .select(col("auction"), col("bidder"), col("price"), col("channel"),
                                when(channel.equalTo("apple"), "0").when(channel.equalTo("google"), "1")
                                        .when(channel.equalTo("facebook"), "2").when(channel.equalTo("baidu"), "3")
                                        .otherwise(fromUrl).as("channel_id"));
            }
            case Q22 -> bid.select(col("auction"), col("bidder"), col("price"), col("channel"),
                    split(col("url"), "/").getItem(3).as("dir1"), split(col("url"), "/").getItem(4).as("dir2"),
                    split(col("url"), "/").getItem(5).as("dir3"));
        };
    }

    private static Column euros() {
        return lit(new java.math.BigDecimal("0.908")).multiply(col("price"));
    }
}
