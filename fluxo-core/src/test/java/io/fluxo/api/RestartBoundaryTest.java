package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.connector.file.FileSinkManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query that fails at each step boundary of a batch (after its offsets are logged, after its files are written,
 * after the sink's manifest entry) and is restarted once the cause is removed writes every row exactly once. The
 * failures are real: a folder the step must write to is replaced by a plain file.
 */
class RestartBoundaryTest {
    /** Where batch 1 fails, and the path that is blocked to make it fail there. */
    enum Boundary {
        AFTER_OFFSETS_BEFORE_SINK, AFTER_FILES_BEFORE_MANIFEST, AFTER_MANIFEST_BEFORE_COMMIT
    }

    private Session spark;

    @BeforeEach
    void start() {
        spark = Session.builder().create();
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    private StreamingQuery startQuery(MemoryStream input, Path out, Path chk) {
        return input.toDF().writeStream().format("json").option("checkpointLocation", chk.toString())
                .start(out.toString());
    }

    @ParameterizedTest
    @EnumSource(Boundary.class)
    void aBatchThatFailedAtABoundaryIsWrittenOnceAfterTheRestart(Boundary boundary, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("out");
        Path chk = dir.resolve("chk");
        MemoryStream input = MemoryStream.create(spark, "id INT");
        StreamingQuery q = startQuery(input, out, chk);
        input.addData(Row.of(1), Row.of(2));
        q.processAllAvailable();

        // A folder the failing step must write into is swapped for a plain file, so that step fails for real.
        Path blocked = switch (boundary) {
            case AFTER_OFFSETS_BEFORE_SINK -> out;
            case AFTER_FILES_BEFORE_MANIFEST -> out.resolve(FileSinkManifest.DIRECTORY);
            case AFTER_MANIFEST_BEFORE_COMMIT -> chk.resolve("commits");
        };
        Path aside = dir.resolve("aside");
        Files.move(blocked, aside);
        Files.writeString(blocked, "not a folder");
        input.addData(Row.of(3));
        StreamingQuery failed = q;
        try {
            failed.processAllAvailable();
        } catch (RuntimeException expected) {
            // the failure is the point; it is checked below
        }
        try {
            failed.awaitTermination(10_000);
        } catch (RuntimeException expected) {
            // rethrown failure of the query
        }
        assertThat(failed.exception()).isPresent();
        assertThat(Files.exists(chk.resolve("offsets").resolve("1"))).isTrue();
        assertThat(Files.exists(chk.resolve("commits").resolve("1")) && Files.isRegularFile(
                chk.resolve("commits").resolve("1"))).isFalse();

        Files.delete(blocked);
        Files.move(aside, blocked);
        StreamingQuery again = startQuery(input, out, chk);
        again.processAllAvailable();
        input.addData(Row.of(4));
        again.processAllAvailable();
        again.stop();

        List<Integer> ids = new ArrayList<>();
        spark.read().schema("id INT").json(out.toString()).collectAsList().forEach(r -> ids.add(r.getInt(0)));
        assertThat(ids).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(FileSinkManifest.of(out).batchIds()).containsExactly(0L, 1L, 2L);
    }
}
