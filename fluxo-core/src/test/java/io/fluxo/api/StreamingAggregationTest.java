package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming aggregation in update and complete modes: state kept in the checkpoint's state stores. */
class StreamingAggregationTest {

    private static StreamingQuery start(Session spark, MemoryStream input, Path chk, List<String> out) {
        return input.toDF().groupBy("k").agg(functions.expr("sum(v) AS total")).writeStream().outputMode("update")
                .option("checkpointLocation", chk.toString())
                .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(id + ":" + r.get(0) + "=" + r.get(1))))
                .start();
    }

    @Test
    void stateSurvivesARestartWithAnotherShufflePartitionCountAndIsReportedInProgress(@TempDir Path chk) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session first = Session.builder().config("fluxo.sql.shuffle.partitions", 3).create()) {
            MemoryStream input = MemoryStream.create(first, "k STRING, v BIGINT");
            StreamingQuery q = start(first, input, chk, out);
            input.addData(Row.of("a", 1L), Row.of("b", 2L), Row.of("c", 3L), Row.of("a", 4L));
            q.processAllAvailable();
            var state = q.lastProgress().stateOperators().get(0);
            assertThat(state.numRowsTotal()).isEqualTo(3);
            assertThat(state.numRowsUpdated()).isEqualTo(3);
            assertThat(state.memoryUsedBytes()).isPositive();
            assertThat(q.lastProgress().json()).contains("\"stateOperators\":[{\"operatorName\":\"stateStoreSave\"")
                    .contains("\"allUpdatesTimeMs\":").contains("\"allRemovalsTimeMs\":");
            q.stop();
        }
        assertThat(Files.isDirectory(chk.resolve("state").resolve("0").resolve("2"))).isTrue();
        // The new session asks for one partition; the checkpoint's three state partitions are kept.
        try (Session second = Session.builder().config("fluxo.sql.shuffle.partitions", 1).create()) {
            MemoryStream input = MemoryStream.create(second, "k STRING, v BIGINT");
            input.addData(Row.of("a", 1L), Row.of("b", 2L), Row.of("c", 3L), Row.of("a", 4L)); // batch 0, replayed
            StreamingQuery q = start(second, input, chk, out);
            input.addData(Row.of("a", 10L), Row.of("d", 1L));
            q.processAllAvailable();
            assertThat(q.lastProgress().stateOperators().get(0).numRowsTotal()).isEqualTo(4);
            q.stop();
        }
        assertThat(out).containsExactlyInAnyOrder("0:a=5", "0:b=2", "0:c=3", "1:a=15", "1:d=1");
        assertThat(Files.isDirectory(chk.resolve("state").resolve("0").resolve("1"))).isTrue();
    }

    @Test
    void aRestartWithAnotherAggregationOverTheSameStateIsRefused(@TempDir Path chk) {
        try (Session spark = Session.builder().create()) {
            MemoryStream input = MemoryStream.create(spark, "k STRING, v BIGINT");
            StreamingQuery q = start(spark, input, chk, Collections.synchronizedList(new ArrayList<>()));
            input.addData(Row.of("a", 1L));
            q.processAllAvailable();
            q.stop();
            StreamingQuery changed = input.toDF().groupBy("k").agg(functions.expr("avg(v) AS mean")).writeStream()
                    .outputMode("update").format("noop").option("checkpointLocation", chk.toString()).start();
            input.addData(Row.of("a", 2L));
            org.assertj.core.api.Assertions.assertThatThrownBy(changed::processAllAvailable)
                    .hasMessageContaining("STATE_STORE_SCHEMA_MISMATCH").hasMessageContaining("sum(v)")
                    .hasMessageContaining("avg(v)").hasMessageContaining("new checkpoint location");
        }
    }

    @Test
    void oldLogsArePurgedAndTheStatePartitionCountSurvivesThem(@TempDir Path chk) throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 2)
                .config("fluxo.sql.streaming.minBatchesToRetain", 2).create()) {
            MemoryStream input = MemoryStream.create(spark, "k STRING, v BIGINT");
            StreamingQuery q = start(spark, input, chk, out);
            for (long i = 1; i <= 5; i++) {
                input.addData(Row.of("a", i));
                q.processAllAvailable();
            }
            q.stop();
            try (var files = Files.list(chk.resolve("offsets"))) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted())
                        .containsExactly("3", "4");
            }
            spark.conf().set("fluxo.sql.shuffle.partitions", "5");
            StreamingQuery again = start(spark, input, chk, out);
            input.addData(Row.of("a", 100L));
            again.processAllAvailable();
            again.stop();
        }
        assertThat(out).endsWith("5:a=115");
        try (var parts = Files.list(chk.resolve("state").resolve("0"))) {
            assertThat(parts.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).sorted())
                    .containsExactly("0", "1");
        }
    }

    @Test
    void theStateOfAnOperatorCanBeReadAsATable(@TempDir Path chk) {
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 2).create()) {
            MemoryStream input = MemoryStream.create(spark, "k STRING, v BIGINT");
            StreamingQuery q = start(spark, input, chk, Collections.synchronizedList(new ArrayList<>()));
            input.addData(Row.of("a", 1L), Row.of("b", 2L));
            q.processAllAvailable();
            input.addData(Row.of("a", 5L));
            q.processAllAvailable();
            q.stop();
            DataFrame state = spark.read().format("statestore").load(chk.toString());
            assertThat(state.schema().toDDL()).isEqualTo("key STRUCT<k: STRING> NOT NULL, "
                    + "value STRUCT<`sum(v)_state0`: BIGINT> NOT NULL, partition_id INT NOT NULL");
            List<String> rows = new ArrayList<>();
            state.selectExpr("key.k", "value.`sum(v)_state0`").orderBy("k").collectAsList()
                    .forEach(r -> rows.add(r.get(0) + "=" + r.get(1)));
            assertThat(rows).containsExactly("a=6", "b=2");
            List<String> first = new ArrayList<>();
            spark.read().format("statestore").option("batchId", 0).load(chk.toString())
                    .selectExpr("key.k", "value.`sum(v)_state0`").orderBy("k").collectAsList()
                    .forEach(r -> first.add(r.get(0) + "=" + r.get(1)));
            assertThat(first).containsExactly("a=1", "b=2");
            assertThat(state.selectExpr("partition_id").distinct().count()).isBetween(1L, 2L);
        }
    }

    @Test
    void theOpenSessionsOfASessionWindowAggregationCanBeReadAsATable(@TempDir Path chk) {
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 2).create()) {
            MemoryStream input = MemoryStream.create(spark, "user STRING, ts TIMESTAMP");
            StreamingQuery q = input.toDF().withWatermark("ts", "0 seconds")
                    .groupBy(functions.col("user"), functions.session_window(functions.col("ts"), "5 seconds"))
                    .agg(functions.expr("count(*) AS n")).writeStream().outputMode("append").format("noop")
                    .option("checkpointLocation", chk.toString()).start();
            input.addData(Row.of("a", java.time.Instant.ofEpochSecond(1)), Row.of("a",
                    java.time.Instant.ofEpochSecond(3)), Row.of("a", java.time.Instant.ofEpochSecond(20)),
                    Row.of("b", java.time.Instant.ofEpochSecond(2)));
            q.processAllAvailable();
            q.stop();
            DataFrame state = spark.read().format("statestore").load(chk.toString());
            List<String> rows = new ArrayList<>();
            state.selectExpr("key.user", "size(value.sessions)", "value.sessions[0].start",
                    "value.sessions[0].`count(1)_state0`").orderBy("user").collectAsList()
                    .forEach(r -> rows.add(r.toList().toString()));
            // The watermark (20 s) closed a's first session and b's; a's session at 20 s is open.
            assertThat(rows).containsExactly("[a, 1, 1970-01-01T00:00:20Z, 1]");
        }
    }
}
