package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming aggregation that fails between the two durable steps of a batch (after its offsets, before its state
 * commit; after its state commit, before its commit log) and is restarted once the cause is gone ends with the same
 * results as a run that never failed. The failures are real: the folder the step writes to is swapped for a file.
 */
class StateRestartBoundaryTest {
    enum Boundary {
        AFTER_OFFSETS_BEFORE_STATE_COMMIT, AFTER_STATE_COMMIT_BEFORE_COMMIT_LOG
    }

    private static StreamingQuery start(MemoryStream input, Path chk, List<String> out) {
        return input.toDF().groupBy("k").agg(functions.expr("sum(v) AS total")).writeStream().outputMode("update")
                .option("checkpointLocation", chk.toString())
                .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(r.get(0) + "=" + r.get(1))))
                .start();
    }

    @ParameterizedTest
    @EnumSource(Boundary.class)
    void theBatchRunsAgainFromTheStateBeforeIt(Boundary boundary, @TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 1).create()) {
            MemoryStream input = MemoryStream.create(spark, "k STRING, v BIGINT");
            StreamingQuery q = start(input, chk, out);
            input.addData(Row.of("a", 1L), Row.of("b", 2L));
            q.processAllAvailable();

            Path blocked = boundary == Boundary.AFTER_OFFSETS_BEFORE_STATE_COMMIT
                    ? chk.resolve("state").resolve("0").resolve("0") : chk.resolve("commits");
            Path aside = dir.resolve("aside");
            Files.move(blocked, aside);
            Files.writeString(blocked, "not a folder");
            input.addData(Row.of("a", 10L));
            try {
                q.processAllAvailable();
            } catch (RuntimeException expected) {
                // the failure is the point
            }
            try {
                q.awaitTermination(10_000);
            } catch (RuntimeException expected) {
                // rethrown failure
            }
            assertThat(q.exception()).isPresent();
            Files.delete(blocked);
            Files.move(aside, blocked);

            StreamingQuery again = start(input, chk, out);
            again.processAllAvailable();
            input.addData(Row.of("b", 5L));
            again.processAllAvailable();
            again.stop();
        }
        // Batch 1 may have reached the sink before failing; its re-run gives the same rows.
        TreeMap<String, String> last = new TreeMap<>();
        out.forEach(r -> last.put(r.substring(0, 1), r));
        assertThat(last.values()).containsExactly("a=11", "b=7");
        assertThat(out).doesNotContain("a=21", "a=20").contains("a=1", "b=2", "a=11", "b=7");
    }
}
