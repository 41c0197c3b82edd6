package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint files are written beside the batch (offsets while it runs, commits while the next batch's offsets are
 * asked for), yet in the contract's order: when the sink sees batch N, {@code offsets/N}, the state N committed and
 * {@code commits/N-1} are all there, and {@code commits/N} is not yet.
 */
class CheckpointWriteOrderTest {
    @Test
    void theSinkOfBatchNSeesItsOffsetsItsStateAndThePreviousCommit(@TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        List<String> violations = new CopyOnWriteArrayList<>();
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", "1").create()) {
            MemoryStream input = MemoryStream.create(spark, "k STRING");
            StreamingQuery q = input.toDF().groupBy("k").count().writeStream().outputMode("update")
                    .option("checkpointLocation", chk.toString())
                    .foreachBatch((df, id) -> {
                        seen.add(id);
                        if (!Files.isRegularFile(chk.resolve("offsets").resolve(Long.toString(id)))) {
                            violations.add("offsets/" + id + " missing at its sink");
                        }
                        // Batch N commits state version N + 1.
                        if (!Files.isRegularFile(chk.resolve("state/0/0").resolve((id + 1) + ".delta"))) {
                            violations.add("state version " + (id + 1) + " missing at the sink of batch " + id);
                        }
                        if (id > 0 && !Files.isRegularFile(chk.resolve("commits").resolve(Long.toString(id - 1)))) {
                            violations.add("commits/" + (id - 1) + " missing at the sink of batch " + id);
                        }
                        if (Files.exists(chk.resolve("commits").resolve(Long.toString(id)))) {
                            violations.add("commits/" + id + " written before its sink");
                        }
                    }).start();
            for (int i = 0; i < 20; i++) {
                input.addData(Row.of("a" + (i % 3)));
                q.processAllAvailable();
            }
            long last = q.lastProgress().batchId();
            assertThat(Files.isRegularFile(chk.resolve("commits").resolve(Long.toString(last))))
                    .as("the last batch is committed once processAllAvailable returns").isTrue();
            assertThat(q.lastProgress().durationMs()).containsKeys("latestOffset", "getBatch", "queryPlanning",
                    "walCommit", "addBatch", "commitOffsets", "triggerExecution");
            q.stop();
            assertThat(Files.isRegularFile(chk.resolve("commits").resolve(Long.toString(last)))).isTrue();
        }
        assertThat(seen).hasSize(20);
        assertThat(violations).isEmpty();
    }
}
