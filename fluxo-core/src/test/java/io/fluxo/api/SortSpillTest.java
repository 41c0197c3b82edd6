package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sort whose rows pass the spill threshold writes sorted runs to the spill folder and merges them: the same rows in
 * the same order as a sort in memory (equal keys in input order), with LIMIT too, and no run left behind.
 */
class SortSpillTest {
    private static final String QUERY = "SELECT * FROM t ORDER BY a ASC NULLS LAST, s DESC, d";

    private static List<Row> data() {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            rows.add(Row.of(random.nextInt(10) == 0 ? null : random.nextInt(200), "s" + random.nextInt(50),
                    random.nextInt(7) / 2.0, i));
        }
        return rows;
    }

    private static List<String> sorted(Path spillDir, long thresholdBytes, String query) {
        try (Session spark = Session.builder().config("fluxo.sql.sort.spillThresholdBytes", thresholdBytes)
                .config("fluxo.local.dir", spillDir.toString()).create()) {
            spark.createDataFrame(data(), io.fluxo.sql.SqlParser.parseTableSchema("a INT, s STRING, d DOUBLE, i INT")).createOrReplaceTempView("t");
            return spark.sql(query).collectAsList().stream().map(Row::toString).toList();
        }
    }

    @Test
    void spilledRunsMergeIntoTheOrderOfASortInMemory(@TempDir Path dir) throws Exception {
        List<String> inMemory = sorted(dir, Long.MAX_VALUE, QUERY);
        List<String> spilled = sorted(dir, 20_000, QUERY);
        assertThat(spilled).hasSize(30_000).isEqualTo(inMemory);
        assertThat(sorted(dir, 20_000, QUERY + " LIMIT 1234")).isEqualTo(inMemory.subList(0, 1234));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("runs are deleted once merged").isEmpty();
        }
    }

    @Test
    void theSpillFolderIsWhereRunsGo(@TempDir Path dir) throws Exception {
        // A plain file where the spill folder should be: a sort that spills fails naming it; one in memory does not.
        Path blocked = dir.resolve("spill");
        Files.writeString(blocked, "not a folder");
        assertThat(sorted(blocked, Long.MAX_VALUE, QUERY)).hasSize(30_000);
        assertThatThrownBy(() -> sorted(blocked, 20_000, QUERY)).hasStackTraceContaining("cannot write spilled rows to "
                + blocked);
    }
}
