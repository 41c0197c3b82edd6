package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.stream.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code groupByKey(...).[flat]mapGroupsWithState}: state across batches and restarts, timeouts, Spark's rules. */
class GroupsWithStateTest {

    /** A running count per user; the result row says the count after this batch. */
    private static final MapGroupsWithStateFunction<Long, Row> RUNNING_COUNT = (key, values, state) -> {
        long n = state.exists() ? state.get() : 0;
        while (values.hasNext()) {
            values.next();
            n++;
        }
        state.update(n);
        return Row.of(key.getString(0), n);
    };

    private static StreamingQuery collect(DataFrame df, String mode, Path chk, List<String> out, ManualClock clock) {
        DataStreamWriter w = df.writeStream().outputMode(mode).option("checkpointLocation", chk.toString())
                .foreachBatch((batch, id) -> batch.collectAsList().forEach(r -> out.add(id + ":" + r.toList())));
        return (clock == null ? w : w.clock(clock)).start();
    }

    @Test
    void mapGroupsWithStateKeepsAStatePerKeyAcrossBatchesAndRestarts(@TempDir Path chk) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 2).create()) {
            MemoryStream input = MemoryStream.create(spark, "user STRING, amount BIGINT");
            DataFrame counts = input.toDF().groupByKey("user").mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(),
                    Encoders.row("user STRING, n BIGINT"));
            assertThat(counts.schema().toDDL()).isEqualTo("user STRING, n BIGINT");
            StreamingQuery q = collect(counts, "update", chk, out, null);
            input.addData(Row.of("a", 1L), Row.of("b", 2L), Row.of("a", 3L));
            q.processAllAvailable();
            input.addData(Row.of("a", 1L));
            q.processAllAvailable();
            var state = q.lastProgress().stateOperators().get(0);
            assertThat(state.numRowsTotal()).isEqualTo(2);
            assertThat(state.numRowsUpdated()).isEqualTo(1);
            q.stop();
            StreamingQuery again = collect(counts, "update", chk, out, null);
            input.addData(Row.of("b", 7L), Row.of("c", 7L));
            again.processAllAvailable();
            again.stop();
        }
        assertThat(out).containsExactlyInAnyOrder("0:[a, 2]", "0:[b, 1]", "1:[a, 3]", "2:[b, 2]", "2:[c, 1]");
    }

    @Test
    void theStateIsReadableAsATable(@TempDir Path chk) {
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 2).create()) {
            MemoryStream input = MemoryStream.create(spark, "user STRING, amount BIGINT");
            StreamingQuery q = collect(input.toDF().groupByKey("user").mapGroupsWithState(RUNNING_COUNT,
                    Encoders.LONG(), Encoders.row("user STRING, n BIGINT")), "update", chk, new ArrayList<>(), null);
            input.addData(Row.of("a", 1L), Row.of("b", 2L), Row.of("a", 3L));
            q.processAllAvailable();
            q.stop();
            DataFrame state = spark.read().format("statestore").load(chk.toString());
            assertThat(state.schema().toDDL()).isEqualTo("key STRUCT<user: STRING> NOT NULL, value STRUCT<groupState: "
                    + "STRUCT<value: BIGINT>, timeoutTimestamp: BIGINT> NOT NULL, partition_id INT NOT NULL");
            List<String> rows = new ArrayList<>();
            state.selectExpr("key.user", "value.groupState.value", "value.timeoutTimestamp").orderBy("user")
                    .collectAsList().forEach(r -> rows.add(r.toList().toString()));
            assertThat(rows).containsExactly("[a, 2, -1]", "[b, 1, -1]");
        }
    }

    @Test
    void processingTimeTimeoutsCallAKeyWithoutValuesOnceTheBatchTimePassesItsDeadline(@TempDir Path chk) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        ManualClock clock = new ManualClock(1_000);
        FlatMapGroupsWithStateFunction<Long, String> sessions = (key, values, state) -> {
            if (state.hasTimedOut()) {
                String closed = key.getString(0) + " closed after " + state.get() + " at "
                        + state.getCurrentProcessingTimeMs();
                state.remove();
                return List.of(closed).iterator();
            }
            long n = state.getOption().orElse(0L);
            while (values.hasNext()) {
                values.next();
                n++;
            }
            state.update(n);
            state.setTimeoutDuration("10 seconds");
            return Collections.emptyIterator();
        };
        try (Session spark = Session.builder().create()) {
            MemoryStream input = MemoryStream.create(spark, "user STRING");
            DataFrame closed = input.toDF().groupByKey("user").flatMapGroupsWithState(sessions, OutputMode.Append(),
                    Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.ProcessingTimeTimeout());
            StreamingQuery q = collect(closed, "append", chk, out, clock);
            input.addData(Row.of("a"), Row.of("b"));
            q.processAllAvailable(); // batch 0 at 1 000: both deadlines 11 000
            clock.advance(5_000);
            input.addData(Row.of("b"));
            q.processAllAvailable(); // batch 1 at 6 000: b's deadline moves to 16 000
            clock.advance(5_000);
            q.processAllAvailable(); // 11 000: not past a's deadline yet
            assertThat(out).isEmpty();
            clock.advance(1);
            q.processAllAvailable(); // 11 001: a expires in a batch without data
            assertThat(out).containsExactly("2:[a closed after 1 at 11001]");
            assertThat(q.lastProgress().stateOperators().get(0).numRowsTotal()).isEqualTo(1);
            q.stop();
            // After a restart the pending deadline is still honoured.
            clock.advance(10_000);
            StreamingQuery again = collect(closed, "append", chk, out, clock);
            again.processAllAvailable();
            again.stop();
        }
        assertThat(out).containsExactly("2:[a closed after 1 at 11001]", "3:[b closed after 2 at 21001]");
    }

    @Test
    void eventTimeTimeoutsFireWhenTheWatermarkPassesThemAndLateRowsAreDropped(@TempDir Path chk) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        FlatMapGroupsWithStateFunction<Long, String> f = (key, values, state) -> {
            String k = key.getString(0);
            if (state.hasTimedOut()) {
                String r = k + ":timeout:" + state.get() + "@wm=" + state.getCurrentWatermarkMs();
                state.remove();
                return List.of(r).iterator();
            }
            long n = state.exists() ? state.get() : 0;
            long max = 0;
            while (values.hasNext()) {
                Row r = values.next();
                n++;
                max = Math.max(max, r.getInstant(1).toEpochMilli());
            }
            state.update(n);
            state.setTimeoutTimestamp(max + 5_000);
            return List.of(k + ":" + n + "@wm=" + state.getCurrentWatermarkMs()).iterator();
        };
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 2).create()) {
            MemoryStream input = MemoryStream.create(spark, "user STRING, ts TIMESTAMP");
            DataFrame result = input.toDF().withWatermark("ts", "10 seconds").groupByKey("user")
                    .flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                            GroupStateTimeout.EventTimeTimeout());
            StreamingQuery q = collect(result, "append", chk, out, null);
            List<String> steps = new ArrayList<>();
            String[][] batches = {{"a@10", "b@12"}, {"a@20"}, {"c@30"}, {"a@5"}, {"d@50"}};
            for (String[] batch : batches) {
                List<Row> rows = new ArrayList<>();
                for (String e : batch) {
                    String[] p = e.split("@");
                    rows.add(Row.of(p[0], Instant.ofEpochSecond(Long.parseLong(p[1]))));
                }
                input.addData(rows.toArray(Row[]::new));
                q.processAllAvailable();
                List<String> seen = new ArrayList<>();
                synchronized (out) {
                    out.forEach(s -> seen.add(s.substring(s.indexOf(':') + 1)));
                    out.clear();
                }
                Collections.sort(seen);
                var state = q.lastProgress().stateOperators().get(0);
                steps.add(seen + " dropped=" + state.numRowsDroppedByWatermark());
            }
            q.stop();
            assertThat(steps).containsExactly(
                    "[[a:1@wm=0], [b:1@wm=0]] dropped=0",
                    "[[a:2@wm=2000]] dropped=0",
                    "[[b:timeout:1@wm=20000], [c:1@wm=10000]] dropped=0",
                    "[] dropped=1",
                    "[[a:timeout:2@wm=40000], [c:timeout:1@wm=40000], [d:1@wm=20000]] dropped=0");
        }
    }

    @Test
    void aBatchQueryCallsEachKeyOnceWithoutState() {
        try (Session spark = Session.builder().create()) {
            DataFrame df = spark.createDataFrame(List.of(Row.of("a", 1L), Row.of("b", 2L), Row.of("a", 3L)),
                    io.fluxo.sql.SqlParser.parseTableSchema("user STRING, amount BIGINT"));
            List<String> rows = new ArrayList<>();
            df.groupByKey(functions.col("user")).mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(),
                    Encoders.row("user STRING, n BIGINT")).orderBy("user").collectAsList()
                    .forEach(r -> rows.add(r.toList().toString()));
            assertThat(rows).containsExactly("[a, 2]", "[b, 1]");
            FlatMapGroupsWithStateFunction<Long, Long> sums = (key, values, state) -> {
                long total = 0;
                for (Iterator<Row> it = values; it.hasNext();) {
                    total += it.next().getLong(1);
                }
                return List.of(total, -total).iterator();
            };
            assertThat(df.groupByKey("user").flatMapGroupsWithState(sums, OutputMode.Update(), Encoders.LONG(),
                    Encoders.LONG(), GroupStateTimeout.NoTimeout()).collectAsList().stream().map(r -> r.getLong(0)))
                    .containsExactlyInAnyOrder(4L, -4L, 2L, -2L);
        }
    }

    @Test
    void misusedStateFailsTheQueryWithSparksMessages(@TempDir Path chk) {
        try (Session spark = Session.builder().create()) {
            MemoryStream input = MemoryStream.create(spark, "user STRING");
            MapGroupsWithStateFunction<Long, String> getEmpty = (key, values, state) -> String.valueOf(state.get());
            StreamingQuery q = collect(input.toDF().groupByKey("user").mapGroupsWithState(getEmpty, Encoders.LONG(),
                    Encoders.STRING()), "update", chk.resolve("a"), new ArrayList<>(), null);
            input.addData(Row.of("a"));
            assertThatThrownBy(q::processAllAvailable)
                    .hasMessageContaining("FLATMAPGROUPSWITHSTATE_USER_FUNCTION_ERROR")
                    .hasMessageContaining("An error occurred in the user provided function in mapGroupsWithState. "
                            + "Reason: State is either not defined or has already been removed");
            MapGroupsWithStateFunction<Long, String> noTimeout = (key, values, state) -> {
                state.setTimeoutDuration(1000);
                return "x";
            };
            StreamingQuery q2 = collect(input.toDF().groupByKey("user").mapGroupsWithState(noTimeout,
                    Encoders.LONG(), Encoders.STRING()), "update", chk.resolve("b"), new ArrayList<>(), null);
            assertThatThrownBy(q2::processAllAvailable).hasMessageContaining("Cannot set timeout duration without "
                    + "enabling processing time timeout in [map|flatMap]GroupsWithState");
            MapGroupsWithStateFunction<Long, String> updateNull = (key, values, state) -> {
                state.update(null);
                return "x";
            };
            StreamingQuery q3 = collect(input.toDF().groupByKey("user").mapGroupsWithState(updateNull,
                    Encoders.LONG(), Encoders.STRING()), "update", chk.resolve("c"), new ArrayList<>(), null);
            assertThatThrownBy(q3::processAllAvailable).hasMessageContaining("'null' is not a valid state value");
            MapGroupsWithStateFunction<Long, String> watermark = (key, values, state) ->
                    String.valueOf(state.getCurrentWatermarkMs());
            StreamingQuery q4 = collect(input.toDF().groupByKey("user").mapGroupsWithState(watermark,
                    Encoders.LONG(), Encoders.STRING()), "update", chk.resolve("d"), new ArrayList<>(), null);
            assertThatThrownBy(q4::processAllAvailable).hasMessageContaining("Cannot get event time watermark "
                    + "timestamp without setting watermark before [map|flatMap]GroupsWithState");
        }
    }

    @Test
    void outputModesAndAggregationsAreCheckedAsSparkDoes(@TempDir Path chk) {
        try (Session spark = Session.builder().create()) {
            MemoryStream input = MemoryStream.create(spark, "user STRING, amount BIGINT");
            KeyValueGroupedData byUser = input.toDF().groupByKey("user");
            DataFrame mapped = byUser.mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(),
                    Encoders.row("user STRING, n BIGINT"));
            FlatMapGroupsWithStateFunction<Long, String> f = (key, values, state) -> List.of("x").iterator();
            DataFrame appendOp = byUser.flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(),
                    Encoders.STRING(), GroupStateTimeout.NoTimeout());
            DataFrame updateOp = byUser.flatMapGroupsWithState(f, OutputMode.Update(), Encoders.LONG(),
                    Encoders.STRING(), GroupStateTimeout.NoTimeout());
            int[] n = {0};
            java.util.function.BiFunction<DataFrame, String, StreamingQuery> start = (df, mode) -> df.writeStream()
                    .outputMode(mode).format("noop").option("checkpointLocation", chk.resolve("q" + n[0]++).toString())
                    .start();
            assertThatThrownBy(() -> start.apply(mapped, "append")).hasMessageContaining(
                    "mapGroupsWithState is not supported with Append output mode on a streaming DataFrame/Dataset");
            assertThatThrownBy(() -> start.apply(appendOp, "update")).hasMessageContaining("flatMapGroupsWithState "
                    + "in append mode is not supported with Update output mode on a streaming DataFrame/Dataset");
            assertThatThrownBy(() -> start.apply(updateOp, "append")).hasMessageContaining("flatMapGroupsWithState "
                    + "in update mode is not supported with Append output mode on a streaming DataFrame/Dataset");
            assertThatThrownBy(() -> start.apply(updateOp.groupBy("value").count(), "update")).hasMessageContaining(
                    "flatMapGroupsWithState in update mode is not supported with aggregation on a streaming "
                            + "DataFrame/Dataset");
            assertThatThrownBy(() -> start.apply(input.toDF().groupBy("user").count().groupByKey("user")
                    .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.row("user STRING, n BIGINT")),
                    "update")).hasMessageContaining("Detected pattern of possible 'correctness' issue due to global "
                            + "watermark");
            assertThatThrownBy(() -> start.apply(updateOp.groupByKey("value").flatMapGroupsWithState(f,
                    OutputMode.Update(), Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout()),
                    "update")).hasMessageContaining("Multiple flatMapGroupsWithStates are not supported when they are "
                            + "not all in append mode or the output mode is not append");
            assertThatThrownBy(() -> byUser.flatMapGroupsWithState(f, OutputMode.Complete(), Encoders.LONG(),
                    Encoders.STRING(), GroupStateTimeout.NoTimeout()))
                    .hasMessageContaining("The output mode of function should be append or update");
            // What Spark accepts runs: an aggregation over mapGroupsWithState's results, two append-mode operators.
            start.apply(mapped.groupBy("n").count(), "update").stop();
            start.apply(appendOp.groupBy("value").count(), "complete").stop();
            start.apply(appendOp.groupByKey("value").flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(),
                    Encoders.STRING(), GroupStateTimeout.NoTimeout()), "append").stop();
        }
    }
}
