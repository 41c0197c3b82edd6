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
 * A hash exchange whose splitting tasks pass the spill threshold writes their pieces to the spill folder and its
 * readers read them back: grouped aggregations and shuffled joins give the same rows as without spilling, and the
 * files are gone once the query has run.
 */
class ShuffleSpillTest {
    private static List<String> run(Path spillDir, long thresholdBytes, String query) {
        Random random = new Random(5);
        List<Row> facts = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            facts.add(Row.of(random.nextInt(5_000), random.nextInt(3) == 0 ? null : "v" + random.nextInt(100),
                    (long) i));
        }
        List<Row> dims = new ArrayList<>();
        for (int k = 0; k < 5_000; k += 2) {
            dims.add(Row.of(k, "name" + k));
        }
        try (Session spark = Session.builder().master("local[2]").config("fluxo.sql.shuffle.partitions", "3")
                .config("fluxo.sql.autoBroadcastJoinThreshold.rows", "0")
                .config("fluxo.sql.shuffle.spillThresholdBytes", thresholdBytes)
                .config("fluxo.local.dir", spillDir.toString()).create()) {
            spark.createDataFrame(facts, SqlParser.parseTableSchema("k INT, v STRING, i BIGINT"))
                    .createOrReplaceTempView("facts");
            spark.createDataFrame(dims, SqlParser.parseTableSchema("k INT, name STRING"))
                    .createOrReplaceTempView("dims");
            return spark.sql(query).collectAsList().stream().map(Row::toString).sorted().toList();
        }
    }

    private static final String AGGREGATE =
            "SELECT k, count(*) AS n, count(v) AS nv, sum(i) AS total FROM facts GROUP BY k";
    private static final String JOIN = "SELECT f.k, f.v, f.i, d.name FROM facts f JOIN dims d ON f.k = d.k";

    @Test
    void spilledPiecesGiveTheRowsOfAnExchangeInMemory(@TempDir Path dir) throws Exception {
        for (String query : List.of(AGGREGATE, JOIN)) {
            List<String> inMemory = run(dir, Long.MAX_VALUE, query);
            assertThat(run(dir, 30_000, query)).as(query).isNotEmpty().isEqualTo(inMemory);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("spill files are deleted after the query").isEmpty();
        }
    }

    @Test
    void theSpillFolderIsWhereThePiecesGo(@TempDir Path dir) throws Exception {
        Path blocked = dir.resolve("spill");
        Files.writeString(blocked, "not a folder");
        assertThat(run(blocked, Long.MAX_VALUE, JOIN)).isNotEmpty();
        assertThatThrownBy(() -> run(blocked, 30_000, JOIN)).hasStackTraceContaining("cannot write spilled rows to "
                + blocked);
    }
}
