package io.fluxo.api;

import static io.fluxo.api.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.stream.StreamingQueryException;
import io.fluxo.stream.StreamingQueryListener;
import io.fluxo.stream.StreamingQueryProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stateless streaming queries end to end: micro-batches, sinks, checkpoints and restarts, progress, refusals. */
class StreamingQueryTest {
    private Session spark;

    @BeforeEach
    void start() {
        spark = Session.builder().master("local[2]").create();
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    private List<List<Object>> table(String name) {
        return spark.table(name).collectAsList().stream().map(Row::toList).toList();
    }

    @Test
    void filterAndProjectRunIncrementallyIntoTheMemorySink(@TempDir Path chk) {
        MemoryStream events = MemoryStream.create(spark, "user STRING, amount DOUBLE");
        StreamingQuery q = events.toDF().filter(col("amount").gt(0)).select(col("user"), col("amount").multiply(2))
                .writeStream().format("memory").queryName("doubled").option("checkpointLocation", chk.toString())
                .start();
        events.addData(Row.of("a", 1.0), Row.of("b", -1.0));
        q.processAllAvailable();
        assertThat(table("doubled")).containsExactly(List.of("a", 2.0));
        events.addData(Row.of("c", 3.0));
        q.processAllAvailable();
        assertThat(table("doubled")).containsExactlyInAnyOrder(List.of("a", 2.0), List.of("c", 6.0));
        StreamingQueryProgress p = q.lastProgress();
        assertThat(p.batchId()).isEqualTo(1);
        assertThat(p.numInputRows()).isEqualTo(1);
        assertThat(p.sink().numOutputRows()).isEqualTo(1);
        assertThat(p.json()).contains("\"batchId\":1").contains("\"numInputRows\":1").contains("\"durationMs\"");
        assertThat(q.recentProgress()).hasSize(2);
        q.stop();
        assertThat(q.isActive()).isFalse();
        assertThat(Files.exists(chk.resolve("offsets").resolve("1"))).isTrue();
        assertThat(Files.exists(chk.resolve("commits").resolve("1"))).isTrue();
    }

    @Test
    void restartResumesFromTheCheckpointWithTheSameQueryId(@TempDir Path chk) {
        MemoryStream events = MemoryStream.create(spark, "v INT");
        List<Long> batchIds = Collections.synchronizedList(new ArrayList<>());
        Map<Long, List<Object>> seen = Collections.synchronizedMap(new TreeMap<>());
        ForeachBatchFunction collect = (df, id) -> {
            batchIds.add(id);
            seen.put(id, df.collectAsList().stream().map(r -> r.get(0)).toList());
        };
        DataFrame doubled = events.toDF().select(col("v").multiply(10).as("x"));
        StreamingQuery first = doubled.writeStream().foreachBatch(collect)
                .option("checkpointLocation", chk.toString()).start();
        events.addData(Row.of(1), Row.of(2));
        first.processAllAvailable();
        first.stop();
        events.addData(Row.of(3));
        StreamingQuery second = doubled.writeStream().foreachBatch(collect)
                .option("checkpointLocation", chk.toString()).start();
        second.processAllAvailable();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(seen).containsExactly(Map.entry(0L, List.of(10, 20)), Map.entry(1L, List.of(30)));
        second.stop();
    }

    @Test
    void anUncommittedBatchIsRerunWithTheSameRange(@TempDir Path chk) throws Exception {
        MemoryStream events = MemoryStream.create(spark, "v INT");
        List<Object> values = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = events.toDF().writeStream().foreachBatch((df, id) -> df.collectAsList()
                .forEach(r -> values.add(id + ":" + r.get(0)))).option("checkpointLocation", chk.toString()).start();
        events.addData(Row.of(1));
        q.processAllAvailable();
        q.stop();
        // A crash after offsets/1 was written but before commits/1: batch 1 must run again with offsets (1, 2].
        events.addData(Row.of(2));
        io.fluxo.checkpoint.Checkpoint c = io.fluxo.checkpoint.Checkpoint.open(chk);
        c.offsetLog().add(1, new io.fluxo.checkpoint.OffsetLog.OffsetSeq(List.of("2"),
                new io.fluxo.checkpoint.OffsetLog.OffsetSeqMetadata(0, 1_000, Map.of())));
        c.close();
        events.addData(Row.of(3));
        // current_timestamp() of the re-run batch is the logged batch timestamp (1 s after the epoch), not now.
        StreamingQuery again = events.toDF().selectExpr("v", "current_timestamp() AS now").writeStream()
                .foreachBatch((df, id) -> df.collectAsList().forEach(r -> values.add(id + ":" + r.get(0)
                        + (id == 1 ? "@" + r.get(1) : "")))).option("checkpointLocation", chk.toString()).start();
        again.processAllAvailable();
        assertThat(values).containsExactly("0:1", "1:2@1970-01-01T00:00:01Z", "2:3");
        again.stop();
    }

    @Test
    void aDamagedCheckpointIsReportedNotReset(@TempDir Path chk) throws Exception {
        MemoryStream events = MemoryStream.create(spark, "v INT");
        StreamingQuery q = events.toDF().writeStream().format("noop").option("checkpointLocation", chk.toString())
                .start();
        events.addData(Row.of(1));
        q.processAllAvailable();
        q.stop();
        Path offsets = chk.resolve("offsets").resolve("0");
        Files.writeString(offsets, Files.readString(offsets).replace("\"batchTimestampMs\"", "\"batchTimestampMx\""));
        assertThatThrownBy(() -> events.toDF().writeStream().format("noop")
                .option("checkpointLocation", chk.toString()).start())
                .hasMessageContaining("CHECKPOINT_CORRUPT").hasMessageContaining("offsets");
    }

    @Test
    void twoQueriesCannotShareACheckpoint(@TempDir Path chk) {
        MemoryStream events = MemoryStream.create(spark, "v INT");
        StreamingQuery q = events.toDF().writeStream().format("noop").option("checkpointLocation", chk.toString())
                .start();
        assertThatThrownBy(() -> events.toDF().writeStream().format("noop")
                .option("checkpointLocation", chk.toString()).start()).hasMessageContaining("CHECKPOINT_LOCKED");
        q.stop();
    }

    @Test
    void onceAndAvailableNowRunWhatIsThereAndStop(@TempDir Path chk) throws Exception {
        MemoryStream events = MemoryStream.create(spark, "v INT");
        events.addData(Row.of(1));
        events.addData(Row.of(2));
        List<Long> batches = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery once = events.toDF().writeStream().trigger(Trigger.once())
                .option("checkpointLocation", chk.resolve("once").toString())
                .foreachBatch((df, id) -> batches.add(df.count())).start();
        assertThat(once.awaitTermination(30_000)).isTrue();
        assertThat(batches).containsExactly(2L);
        events.addData(Row.of(3));
        StreamingQuery now = events.toDF().writeStream().trigger(Trigger.availableNow())
                .option("checkpointLocation", chk.resolve("once").toString())
                .foreachBatch((df, id) -> {
                    batches.add(df.count());
                    events.addData(Row.of(4)); // arrives after the run began: left for the next run
                }).start();
        assertThat(now.awaitTermination(30_000)).isTrue();
        assertThat(batches).containsExactly(2L, 1L);
    }

    @Test
    void awaitAnyTerminationReturnsWhenAQueryEndsAndRethrowsItsFailure() throws Exception {
        MemoryStream events = MemoryStream.create(spark, "s STRING");
        StreamingQuery running = events.toDF().writeStream().format("noop").start();
        events.addData(Row.of("1"));
        StreamingQuery finishing = events.toDF().writeStream().format("noop").trigger(Trigger.availableNow()).start();
        spark.streams().awaitAnyTermination();
        assertThat(finishing.isActive()).isFalse();
        assertThat(spark.streams().active()).containsExactly(running);
        spark.streams().resetTerminated();
        assertThat(spark.streams().awaitAnyTermination(50)).isFalse();

        StreamingQuery failing = events.toDF().selectExpr("CAST(s AS INT) AS i").writeStream().format("noop").start();
        events.addData(Row.of("not a number"));
        assertThatThrownBy(() -> spark.streams().awaitAnyTermination()).hasMessageContaining("not a number");
        assertThat(failing.isActive()).isFalse();
        running.stop();
    }

    @Test
    void aRestartWithOtherSourcesIsRefused(@TempDir Path chk) {
        MemoryStream events = MemoryStream.create(spark, "value BIGINT");
        StreamingQuery q = events.toDF().writeStream().format("noop").option("checkpointLocation", chk.toString())
                .start();
        events.addData(Row.of(1L));
        q.processAllAvailable();
        q.stop();
        DataFrame rate = spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 1).load()
                .select("value");
        assertThatThrownBy(() -> rate.writeStream().format("noop").option("checkpointLocation", chk.toString())
                .start()).hasMessageContaining("CHECKPOINT_INCONSISTENT").hasMessageContaining("source 0 is a "
                        + MemoryStream.class.getName());
        DataFrame two = events.toDF().union(MemoryStream.create(spark, "value BIGINT").toDF());
        assertThatThrownBy(() -> two.writeStream().format("noop").option("checkpointLocation", chk.toString())
                .start()).hasMessageContaining("written by a query with 1 sources, but this query has 2");
    }

    @Test
    void listenersHearProgressAndTermination() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        spark.streams().addListener(new StreamingQueryListener() {
            @Override
            public void onQueryStarted(QueryStartedEvent event) {
                heard.add("started");
            }

            @Override
            public void onQueryProgress(QueryProgressEvent event) {
                heard.add("progress " + event.progress().batchId());
            }

            @Override
            public void onQueryTerminated(QueryTerminatedEvent event) {
                heard.add("terminated");
            }
        });
        MemoryStream events = MemoryStream.create(spark, "v INT");
        StreamingQuery q = events.toDF().writeStream().format("noop").start();
        events.addData(Row.of(1));
        q.processAllAvailable();
        q.stop();
        assertThat(heard).containsSubsequence("started", "progress 0", "terminated");
    }

    @Test
    void aFailingBatchEndsTheQueryWithItsError() {
        MemoryStream events = MemoryStream.create(spark, "s STRING");
        StreamingQuery q = events.toDF().select(col("s").cast("int")).writeStream().format("noop").start();
        events.addData(Row.of("x"));
        assertThatThrownBy(q::processAllAvailable).isInstanceOf(StreamingQueryException.class)
                .hasMessageContaining("CAST_INVALID_INPUT");
        assertThat(q.isActive()).isFalse();
        assertThat(q.exception()).isPresent();
    }

    @Test
    void unsupportedPlansAreRefusedBeforeStarting() {
        DataFrame events = MemoryStream.create(spark, "k STRING").toDF();
        assertThatThrownBy(() -> events.writeStream().outputMode("complete").format("noop").start())
                .isInstanceOf(AnalysisException.class).hasMessageContaining("Complete output mode not supported");
        assertThatThrownBy(() -> events.orderBy("k").writeStream().format("noop").start())
                .hasMessageContaining("Sorting is not supported");
        assertThatThrownBy(events::collectAsList).hasMessageContaining("writeStream.start()");
    }
}
