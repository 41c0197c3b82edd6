package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.sql.SqlParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** window(): tumbling and sliding event-time windows, with a start offset, over batch data. */
class TimeWindowTest {
    private Session spark;
    private DataFrame events;

    @BeforeEach
    void start() {
        spark = Session.builder().create();
        events = spark.createDataFrame(List.of(Row.of(Instant.parse("2024-01-01T10:00:07Z"), 1),
                Row.of(Instant.parse("2024-01-01T10:00:12Z"), 2), Row.of(null, 4)),
                SqlParser.parseTableSchema("ts TIMESTAMP, v INT"));
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    private static List<String> rows(DataFrame df) {
        List<String> out = new ArrayList<>();
        df.collectAsList().forEach(r -> out.add(r.toString()));
        return out;
    }

    @Test
    void aTumblingWindowIsAStructOfStartAndEnd() {
        DataFrame w = events.selectExpr("window(ts, '10 seconds') AS w", "v");
        assertThat(w.schema().toDDL()).isEqualTo("w STRUCT<start: TIMESTAMP, end: TIMESTAMP>, v INT");
        assertThat(rows(w.selectExpr("w.start", "w.end", "v"))).containsExactly(
                "[2024-01-01T10:00:00Z,2024-01-01T10:00:10Z,1]", "[2024-01-01T10:00:10Z,2024-01-01T10:00:20Z,2]",
                "[null,null,4]");
        assertThat(rows(events.selectExpr("window(ts, '1 minute', '1 minute', '5 seconds').start")))
                .containsExactly("[2024-01-01T10:00:05Z]", "[2024-01-01T10:00:05Z]", "[null]");
    }

    @Test
    void groupingBySlidingWindowsCountsARowInEveryWindowThatCoversIt() {
        DataFrame counts = events.groupBy(functions.expr("window(ts, '10 seconds', '5 seconds') AS w"))
                .agg(functions.expr("sum(v) AS total"))
                .selectExpr("w.start AS start", "total").orderBy("start");
        // A row without a time is in no sliding window, as in Spark.
        assertThat(rows(counts)).containsExactly("[2024-01-01T10:00:00Z,1]",
                "[2024-01-01T10:00:05Z,3]", "[2024-01-01T10:00:10Z,2]");
    }

    @Test
    void groupingByAComputedExpressionMatchesTheSameExpressionInTheSelectList() {
        DataFrame names = spark.createDataFrame(List.of(Row.of("a"), Row.of("A"), Row.of("b")),
                SqlParser.parseTableSchema("name STRING"));
        assertThat(rows(names.groupBy(functions.expr("upper(name)")).count().orderBy("upper(name)")))
                .containsExactly("[A,2]", "[B,1]");
    }

    @Test
    void sessionWindowsMergeTheOverlappingWindowsOfEachKeyInABatchQuery() {
        DataFrame clicks = spark.createDataFrame(List.of(Row.of("a", Instant.parse("2024-01-01T10:00:00Z")),
                Row.of("a", Instant.parse("2024-01-01T10:00:04Z")), Row.of("a", Instant.parse("2024-01-01T10:00:20Z")),
                Row.of("b", Instant.parse("2024-01-01T10:00:01Z")), Row.of("b", null)),
                SqlParser.parseTableSchema("user STRING, ts TIMESTAMP"));
        DataFrame sessions = clicks.groupBy(functions.col("user"),
                functions.session_window(functions.col("ts"), "5 seconds")).agg(functions.expr("count(*) AS n"))
                .selectExpr("user", "session_window.start", "session_window.end", "n").orderBy("user", "start");
        assertThat(rows(sessions)).containsExactly(
                "[a,2024-01-01T10:00:00Z,2024-01-01T10:00:09Z,2]", "[a,2024-01-01T10:00:20Z,2024-01-01T10:00:25Z,1]",
                "[b,2024-01-01T10:00:01Z,2024-01-01T10:00:06Z,1]");
    }

    @Test
    void badDurationsAreNamed() {
        assertThatThrownBy(() -> events.selectExpr("window(ts, '10 parsecs')"))
                .hasMessageContaining("'10 parsecs' of window() is not a valid interval");
        assertThatThrownBy(() -> events.selectExpr("window(ts, '5 seconds', '10 seconds')"))
                .hasMessageContaining("must be less than or equal to the windowDuration");
        assertThatThrownBy(() -> events.selectExpr("window(v, '5 seconds')")).hasMessageContaining("TIMESTAMP");
    }
}
