package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.sql.SqlParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grouped aggregation whose groups pass the spill threshold writes them to spill files by key hash and merges each
 * file on its own: the same groups and results as in memory for every kind of aggregate state, in one partition
 * (complete mode) and across a shuffle (partial then final), and no file left behind.
 */
class AggregateSpillTest {
    private static final String QUERY = "SELECT k, s, count(*) AS n, count(v) AS nv, sum(i) AS total, avg(d) AS mean, "
            + "min(v) AS lo, max(d) AS hi, count(DISTINCT v) AS distinct_v, first(i) AS first_i, "
            + "collect_set(v) AS vs FROM facts GROUP BY k, s";

    private static List<String> run(Path spillDir, long thresholdBytes, String master) {
        Random random = new Random(3);
        List<Row> facts = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            facts.add(Row.of(random.nextInt(4_000), random.nextBoolean() ? "a" : null,
                    random.nextInt(4) == 0 ? null : "v" + random.nextInt(30), (long) i, random.nextInt(100) / 4.0));
        }
        try (Session spark = Session.builder().master(master).config("fluxo.sql.shuffle.partitions", "2")
                .config("fluxo.sql.aggregate.spillThresholdBytes", thresholdBytes)
                .config("fluxo.local.dir", spillDir.toString()).create()) {
            spark.createDataFrame(facts, SqlParser.parseTableSchema("k INT, s STRING, v STRING, i BIGINT, d DOUBLE"))
                    .createOrReplaceTempView("facts");
            // collect_set's order is not defined: compare its size.
            return spark.sql("SELECT k, s, n, nv, total, mean, lo, hi, distinct_v, first_i, size(vs) FROM ("
                    + QUERY + ")").collectAsList().stream().map(Row::toString).sorted().toList();
        }
    }

    @Test
    void spilledGroupsGiveTheResultsOfAnAggregationInMemory(@TempDir Path dir) throws Exception {
        for (String master : List.of("local[1]", "local[2]")) {
            List<String> inMemory = run(dir, Long.MAX_VALUE, master);
            assertThat(inMemory).hasSizeGreaterThan(4_000);
            assertThat(run(dir, 50_000, master)).as(master).isEqualTo(inMemory);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("spill files are deleted after the query").isEmpty();
        }
    }

    @Test
    void theSpillFolderIsWhereGroupsGo(@TempDir Path dir) throws Exception {
        Path blocked = dir.resolve("spill");
        Files.writeString(blocked, "not a folder");
        assertThat(run(blocked, Long.MAX_VALUE, "local[1]")).isNotEmpty();
        assertThatThrownBy(() -> run(blocked, 50_000, "local[1]")).hasStackTraceContaining(
                "cannot write spilled rows to " + blocked);
    }
}
