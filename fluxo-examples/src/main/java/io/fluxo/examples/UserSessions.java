package io.fluxo.examples;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Encoders;
import io.fluxo.api.FlatMapGroupsWithStateFunction;
import io.fluxo.api.GroupStateTimeout;
import io.fluxo.api.MemoryStream;
import io.fluxo.api.OutputMode;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Arbitrary state with {@code flatMapGroupsWithState}: each user's clicks are counted until the user has been idle for
 * 30 seconds of event time; then the session is emitted once and its state removed.
 */
public final class UserSessions {
    private UserSessions() {
    }

    /** State per user: clicks so far, first and last click time. */
    private static final FlatMapGroupsWithStateFunction<Row, String> SESSIONS = (key, clicks, state) -> {
        String user = key.getString(0);
        if (state.hasTimedOut()) {
            Row s = state.get();
            state.remove();
            return List.of(user + ": " + s.getLong(0) + " clicks from " + s.getInstant(1) + " to "
                    + s.getInstant(2)).iterator();
        }
        long count = state.exists() ? state.get().getLong(0) : 0;
        Instant first = state.exists() ? state.get().getInstant(1) : null;
        Instant last = state.exists() ? state.get().getInstant(2) : null;
        for (Iterator<Row> it = clicks; it.hasNext();) {
            Instant ts = it.next().getInstant(1);
            count++;
            first = first == null || ts.isBefore(first) ? ts : first;
            last = last == null || ts.isAfter(last) ? ts : last;
        }
        state.update(Row.of(count, first, last));
        state.setTimeoutTimestamp(last.toEpochMilli(), "30 seconds"); // idle for 30 s: the session is over
        return Collections.emptyIterator();
    };

    public static void main(String[] args) {
        try (Session spark = Session.builder().appName("sessions").create()) {
            MemoryStream clicks = MemoryStream.create(spark, "user STRING, ts TIMESTAMP");
            DataFrame sessions = clicks.toDF()
                    .withWatermark("ts", "10 seconds")
                    .groupByKey("user")
                    .flatMapGroupsWithState(SESSIONS, OutputMode.Append(),
                            Encoders.row("clicks BIGINT, first TIMESTAMP, last TIMESTAMP"), Encoders.STRING(),
                            GroupStateTimeout.EventTimeTimeout());
            StreamingQuery query = sessions.writeStream().outputMode("append")
                    .foreachBatch((batch, batchId) -> batch.collectAsList()
                            .forEach(r -> System.out.println("session closed: " + r.getString(0))))
                    .start();
            clicks.addData(click("ana", 0), click("ana", 20), click("bia", 5));
            query.processAllAvailable();
            clicks.addData(click("ana", 40), click("bia", 70));
            query.processAllAvailable();
            clicks.addData(click("caio", 200));
            query.processAllAvailable();
            query.stop();
        }
    }

    private static Row click(String user, long second) {
        return Row.of(user, Instant.ofEpochSecond(1_700_000_000L + second));
    }
}
