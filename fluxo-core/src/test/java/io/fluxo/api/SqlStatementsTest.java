package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.FluxoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL statements: views, tables over folders, INSERT INTO from batch and streaming queries, SHOW/DESCRIBE/SET. */
class SqlStatementsTest {

    private static List<List<Object>> rows(DataFrame df) {
        return df.collectAsList().stream().map(Row::toList).toList();
    }

    @Test
    void viewsAreCreatedListedDescribedAndDropped(@TempDir Path dir) throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        Files.writeString(events.resolve("a.json"), "{\"user\":\"ana\",\"n\":1}\n{\"user\":\"bia\",\"n\":2}\n");
        try (Session spark = Session.builder().create()) {
            spark.sql("CREATE TEMPORARY VIEW ev USING json OPTIONS (path '" + events + "')");
            spark.sql("CREATE OR REPLACE TEMP VIEW big AS SELECT user FROM ev WHERE n > 1");
            assertThat(rows(spark.sql("SELECT * FROM big"))).containsExactly(List.of("bia"));
            assertThat(rows(spark.sql("SHOW TABLES"))).containsExactly(List.of("", "big", true),
                    List.of("", "ev", true));
            assertThat(rows(spark.sql("DESCRIBE ev"))).containsExactly(java.util.Arrays.asList("n", "bigint", null),
                    java.util.Arrays.asList("user", "string", null));
            assertThatThrownBy(() -> spark.sql("CREATE TEMPORARY VIEW big AS SELECT 1"))
                    .isInstanceOf(FluxoException.class).hasMessageContaining("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS");
            spark.sql("CREATE TEMPORARY VIEW IF NOT EXISTS big AS SELECT 1");
            spark.sql("DROP VIEW big");
            spark.sql("DROP VIEW IF EXISTS big");
            assertThatThrownBy(() -> spark.sql("DROP VIEW big")).hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
            assertThat(rows(spark.sql("SELECT count(*) FROM json.`" + events + "`"))).containsExactly(List.of(2L));
        }
    }

    @Test
    void readFilesReadsABatchOrAStream(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), "user,n\nana,1\nbia,2\n");
        try (Session spark = Session.builder().create()) {
            assertThat(rows(spark.sql("SELECT user, n + 1 FROM read_files('" + in + "', format => 'csv', "
                    + "header => true, schema => 'user STRING, n INT') ORDER BY user")))
                    .containsExactly(List.of("ana", 2), List.of("bia", 3));
            spark.sql("CREATE TABLE copy (user STRING, n INT) USING json LOCATION '" + dir.resolve("copy") + "'");
            spark.sql("SET fluxo.sql.streaming.checkpointLocation = '" + dir.resolve("chk") + "'");
            spark.sql("SET fluxo.sql.streaming.trigger = availableNow");
            spark.sql("INSERT INTO copy SELECT * FROM STREAM read_files('" + in + "', format => 'csv', header => true, "
                    + "schema => 'user STRING, n INT')");
            spark.streams().active().get(0).awaitTermination();
            assertThat(rows(spark.sql("SELECT count(*) FROM copy"))).containsExactly(List.of(2L));
            assertThatThrownBy(() -> spark.sql("SELECT * FROM read_files('" + in + "')"))
                    .hasMessageContaining("format => 'json'");
        }
    }

    @Test
    void showFunctionsExplainAndSet() {
        try (Session spark = Session.builder().create()) {
            assertThat(rows(spark.sql("SHOW FUNCTIONS LIKE 'upp*|lower'"))).containsExactly(List.of("lower"),
                    List.of("upper"));
            String plan = (String) spark.sql("EXPLAIN EXTENDED SELECT id + 1 FROM range(3) WHERE id > 0")
                    .collectAsList().get(0).get(0);
            assertThat(plan).contains("== Analyzed Logical Plan ==").contains("== Physical Plan ==");
            assertThat(rows(spark.sql("SET fluxo.sql.shuffle.partitions = 7")))
                    .containsExactly(List.of("fluxo.sql.shuffle.partitions", "7"));
            assertThat(spark.conf().get("fluxo.sql.shuffle.partitions", null)).isEqualTo("7");
            assertThat(rows(spark.sql("SET fluxo.sql.session.timeZone='UTC'")))
                    .containsExactly(List.of("fluxo.sql.session.timeZone", "UTC"));
            assertThat(rows(spark.sql("SET fluxo.nothing"))).containsExactly(List.of("fluxo.nothing", "<undefined>"));
        }
    }

    @Test
    void aTableOverAFolderIsWrittenByInsertAndReadByName(@TempDir Path dir) {
        try (Session spark = Session.builder().create()) {
            spark.sql("CREATE TABLE sales (sku STRING, amount DOUBLE, day DATE) USING json PARTITIONED BY (day) "
                    + "LOCATION '" + dir.resolve("sales") + "'");
            spark.sql("INSERT INTO sales VALUES ('x', 1.5, DATE'2024-05-01'), ('y', 2, DATE'2024-05-02')");
            spark.sql("INSERT INTO TABLE sales SELECT 'z', 3, DATE'2024-05-01'");
            assertThat(Files.isDirectory(dir.resolve("sales").resolve("day=2024-05-01"))).isTrue();
            assertThat(rows(spark.sql("SELECT sku, amount, CAST(day AS STRING) FROM sales ORDER BY sku")))
                    .containsExactly(List.of("x", 1.5, "2024-05-01"), List.of("y", 2.0, "2024-05-02"),
                            List.of("z", 3.0, "2024-05-01"));
            spark.sql("INSERT OVERWRITE sales SELECT 'w', 9.0, DATE'2024-06-01'");
            assertThat(rows(spark.sql("SELECT sku FROM sales"))).containsExactly(List.of("w"));
            assertThat(rows(spark.sql("SHOW TABLES"))).containsExactly(List.of("default", "sales", false));
            assertThatThrownBy(() -> spark.sql("INSERT INTO sales SELECT 1")).isInstanceOf(FluxoException.class)
                    .hasMessageContaining("INSERT_COLUMN_ARITY_MISMATCH");
            assertThatThrownBy(() -> spark.sql("INSERT INTO nowhere SELECT 1")).hasMessageContaining("nowhere");
        }
    }

    @Test
    void aStreamingInsertRunsAQueryIntoTheTable(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("1.json"), "{\"user\":\"ana\",\"amount\":1.0}\n{\"user\":\"bia\",\"amount\":5.0}\n");
        try (Session spark = Session.builder().create()) {
            spark.sql("CREATE TABLE events (user STRING, amount DOUBLE) USING json LOCATION '" + in + "'");
            spark.sql("CREATE TABLE big (user STRING, amount DOUBLE) USING json LOCATION '" + dir.resolve("out")
                    + "'");
            assertThatThrownBy(() -> spark.sql("INSERT INTO big SELECT * FROM STREAM events WHERE amount > 2"))
                    .hasMessageContaining("fluxo.sql.streaming.checkpointLocation");
            spark.sql("SET fluxo.sql.streaming.checkpointLocation = '" + dir.resolve("chk") + "'");
            spark.sql("SET fluxo.sql.streaming.trigger = availableNow");
            spark.sql("INSERT INTO big SELECT * FROM STREAM(events) WHERE amount > 2");
            StreamingQuery q = spark.streams().active().get(0);
            assertThat(q.name()).isEqualTo("big");
            q.awaitTermination();
            assertThat(rows(spark.sql("SELECT * FROM big"))).containsExactly(List.of("bia", 5.0));
            assertThat(Files.isDirectory(dir.resolve("chk").resolve("big").resolve("offsets"))).isTrue();

            // A memory table: a complete-mode aggregation that queries read while it runs.
            spark.sql("CREATE TABLE totals (user STRING, total DOUBLE) USING memory OPTIONS (outputMode 'complete', "
                    + "trigger '0 seconds')");
            assertThat(rows(spark.sql("SELECT * FROM totals"))).isEmpty();
            spark.sql("INSERT INTO totals SELECT user, sum(amount) FROM STREAM events GROUP BY user");
            StreamingQuery totals = spark.streams().active().stream().filter(s -> "totals".equals(s.name()))
                    .findFirst().orElseThrow();
            totals.processAllAvailable();
            assertThat(rows(spark.sql("SELECT * FROM totals ORDER BY user"))).containsExactly(List.of("ana", 1.0),
                    List.of("bia", 5.0));
            Files.writeString(in.resolve("2.json"), "{\"user\":\"ana\",\"amount\":2.0}\n");
            totals.processAllAvailable();
            assertThat(rows(spark.sql("SELECT total FROM totals WHERE user = 'ana'"))).containsExactly(List.of(3.0));
            totals.stop();
        }
    }
}
