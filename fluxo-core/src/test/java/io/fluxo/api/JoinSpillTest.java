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
 * A shuffled hash join whose build partition passes the spill threshold splits both sides into files by key hash and
 * joins them file by file: every join type gives the rows it gives in memory (NULL keys, unmatched rows, a residual
 * condition), and no file is left behind.
 */
class JoinSpillTest {
    private static List<String> run(Path spillDir, long thresholdBytes, String query) {
        Random random = new Random(9);
        List<Row> left = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            left.add(Row.of(random.nextInt(8) == 0 ? null : random.nextInt(6_000), (long) i));
        }
        List<Row> right = new ArrayList<>();
        for (int i = 0; i < 15_000; i++) {
            right.add(Row.of(random.nextInt(8) == 0 ? null : random.nextInt(6_000), "r" + i, random.nextInt(50)));
        }
        try (Session spark = Session.builder().master("local[2]").config("fluxo.sql.shuffle.partitions", "2")
                .config("fluxo.sql.autoBroadcastJoinThreshold.rows", "0")
                .config("fluxo.sql.join.spillThresholdBytes", thresholdBytes)
                .config("fluxo.local.dir", spillDir.toString()).create()) {
            spark.createDataFrame(left, SqlParser.parseTableSchema("k INT, i BIGINT")).createOrReplaceTempView("l");
            spark.createDataFrame(right, SqlParser.parseTableSchema("k INT, name STRING, w INT"))
                    .createOrReplaceTempView("r");
            return spark.sql(query).collectAsList().stream().map(Row::toString).sorted().toList();
        }
    }

    @Test
    void everyJoinTypeGivesTheRowsOfAJoinInMemory(@TempDir Path dir) throws Exception {
        for (String type : List.of("INNER", "LEFT OUTER", "RIGHT OUTER", "FULL OUTER", "LEFT SEMI", "LEFT ANTI")) {
            String query = type.startsWith("LEFT S") || type.startsWith("LEFT A")
                    ? "SELECT * FROM l " + type + " JOIN r ON l.k = r.k AND l.i % 50 >= r.w"
                    : "SELECT l.k, l.i, r.k AS rk, r.name FROM l " + type + " JOIN r ON l.k = r.k AND l.i % 50 >= r.w";
            List<String> inMemory = run(dir, Long.MAX_VALUE, query);
            assertThat(run(dir, 40_000, query)).as(type).isNotEmpty().isEqualTo(inMemory);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("spill files are deleted after the query").isEmpty();
        }
    }

    @Test
    void theSpillFolderIsWhereTheSidesGo(@TempDir Path dir) throws Exception {
        Path blocked = dir.resolve("spill");
        Files.writeString(blocked, "not a folder");
        String query = "SELECT * FROM l JOIN r ON l.k = r.k";
        assertThat(run(blocked, Long.MAX_VALUE, query)).isNotEmpty();
        assertThatThrownBy(() -> run(blocked, 40_000, query)).hasStackTraceContaining("cannot write spilled rows to "
                + blocked);
    }
}
