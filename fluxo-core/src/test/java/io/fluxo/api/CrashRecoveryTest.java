package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under {@code kill -9}: a child JVM runs a file → file query and is killed three times while a batch
 * is logged in {@code offsets/} but not yet in {@code commits/}; a last run finishes the input. The output folder then
 * holds every input row exactly once. The same for a windowed aggregation, killed before and after the state commit of
 * the batch: each window is emitted once, with all of its rows.
 */
class CrashRecoveryTest {
    private static final int FILES = 12;
    private static final int ROWS_PER_FILE = 50;

    @Test
    void killedMidBatchThreeTimesTheFileSinkStillHoldsEachRowOnce(@TempDir Path in, @TempDir Path out,
            @TempDir Path chk) throws Exception {
        for (int f = 0; f < FILES; f++) {
            StringBuilder lines = new StringBuilder();
            for (int r = 0; r < ROWS_PER_FILE; r++) {
                lines.append("{\"id\":").append(f * ROWS_PER_FILE + r).append("}\n");
            }
            Path tmp = in.resolve(".f" + f);
            Files.writeString(tmp, lines);
            Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L + f * 1000L));
            Files.move(tmp, in.resolve(String.format("f%02d.json", f)));
        }
        int killedMidBatch = 0;
        long lastKilledBatch = -1;
        for (int kill = 0; kill < 3; kill++) {
            Process child = startChild(in, out, chk, "run");
            long batch = awaitUncommittedBatchAfter(chk, lastKilledBatch, child);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            if (Files.exists(chk.resolve("offsets").resolve(Long.toString(batch)))
                    && !Files.exists(chk.resolve("commits").resolve(Long.toString(batch)))) {
                killedMidBatch++;
            }
            lastKilledBatch = batch;
        }
        Process finish = startChild(in, out, chk, "finish");
        Path log = out.resolveSibling(out.getFileName() + ".child.log");
        assertThat(finish.waitFor(120, TimeUnit.SECONDS)).as("the last run finishes").isTrue();
        assertThat(finish.exitValue()).as(Files.readString(log)).isZero();
        Files.delete(log);
        assertThat(killedMidBatch).as("kills that left an uncommitted batch").isGreaterThanOrEqualTo(1);

        try (Session spark = Session.builder().create()) {
            List<Long> ids = new ArrayList<>();
            spark.read().schema("id BIGINT").json(out.toString()).collectAsList().forEach(r -> ids.add(r.getLong(0)));
            ids.sort(null);
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < FILES * ROWS_PER_FILE; i++) {
                expected.add(i);
            }
            assertThat(ids).containsExactlyElementsOf(expected);
        }
    }

    /** Killed between {@code offsets/N} and the state commit of batch N: the batch hangs reading its input. */
    @Test
    void killedBeforeTheStateCommitThreeTimesAWindowedAggregationEmitsEachWindowOnceWithItsFullCount(@TempDir Path in,
            @TempDir Path out, @TempDir Path chk) throws Exception {
        writeWindowedInput(in);
        long lastKilledBatch = -1;
        for (int kill = 0; kill < 3; kill++) {
            Process child = startChild(in, out, chk, "run", "window");
            long batch = awaitUncommittedBatchAfter(chk, lastKilledBatch, child);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(stateVersionCommitted(chk, batch)).as("state of batch " + batch + " committed").isFalse();
            lastKilledBatch = batch;
        }
        finish(in, out, chk, "window");
        assertThat(windows(out, false)).containsExactlyElementsOf(expectedWindows());
    }

    /** Killed between the state commit of batch N and {@code commits/N}: the batch hangs in its sink. */
    @Test
    void killedAfterTheStateCommitThreeTimesAWindowedAggregationEmitsEachWindowOnceWithItsFullCount(@TempDir Path in,
            @TempDir Path out, @TempDir Path chk) throws Exception {
        writeWindowedInput(in);
        long lastKilledBatch = -1;
        for (int kill = 0; kill < 3; kill++) {
            Process child = startChild(in, out, chk, "run", "window-sink");
            long batch = awaitHangingBatchAfter(out, lastKilledBatch, child);
            awaitStateVersion(chk, batch, child);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(Files.exists(chk.resolve("commits").resolve(Long.toString(batch)))).isFalse();
            lastKilledBatch = batch;
        }
        finish(in, out, chk, "window-sink");
        assertThat(windows(out, true)).containsExactlyElementsOf(expectedWindows());
    }

    /** File f holds 50 rows with event times in [10 f, 10 f + 10) seconds: exactly one window each. */
    private static void writeWindowedInput(Path in) throws Exception {
        for (int f = 0; f < FILES; f++) {
            StringBuilder lines = new StringBuilder();
            for (int r = 0; r < ROWS_PER_FILE; r++) {
                lines.append("{\"id\":").append(f * ROWS_PER_FILE + r).append(",\"ts\":\"")
                        .append(java.time.Instant.ofEpochMilli(f * 10_000L + r * 200L)).append("\"}\n");
            }
            Path tmp = in.resolve(".f" + f);
            Files.writeString(tmp, lines);
            Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L + f * 1000L));
            Files.move(tmp, in.resolve(String.format("f%02d.json", f)));
        }
    }

    private static void finish(Path in, Path out, Path chk, String query) throws Exception {
        Process finish = startChild(in, out, chk, "finish", query);
        Path log = out.resolveSibling(out.getFileName() + ".child.log");
        assertThat(finish.waitFor(120, TimeUnit.SECONDS)).as("the last run finishes").isTrue();
        assertThat(finish.exitValue()).as(Files.readString(log)).isZero();
        Files.delete(log);
    }

    /** The windows in the output, as start:count:sum of ids, by start. */
    private static List<String> windows(Path out, boolean folderPerBatch) {
        try (Session spark = Session.builder().create()) {
            List<String> windows = new ArrayList<>();
            DataFrameReader reader = spark.read().schema("start TIMESTAMP, n BIGINT, ids BIGINT");
            if (folderPerBatch) {
                reader = reader.option("recursiveFileLookup", "true");
            }
            reader.json(out.toString()).orderBy("start").collectAsList().forEach(r -> windows.add(
                    r.getInstant(0).getEpochSecond() + ":" + r.get(1) + ":" + r.get(2)));
            return windows;
        }
    }

    private static List<String> expectedWindows() {
        List<String> expected = new ArrayList<>();
        // The last window stays open: no later event time moves the watermark past its end.
        for (int f = 0; f < FILES - 1; f++) {
            long first = (long) f * ROWS_PER_FILE;
            long sum = (first + first + ROWS_PER_FILE - 1) * ROWS_PER_FILE / 2;
            expected.add(f * 10 + ":" + ROWS_PER_FILE + ":" + sum);
        }
        return expected;
    }

    /** Whether every state partition of the aggregation holds version {@code batch + 1}. */
    private static boolean stateVersionCommitted(Path chk, long batch) {
        File[] partitions = chk.resolve("state").resolve("0").toFile()
                .listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        if (partitions == null || partitions.length == 0) {
            return false;
        }
        for (File p : partitions) {
            if (!new File(p, (batch + 1) + ".delta").exists()) {
                return false;
            }
        }
        return true;
    }

    private static void awaitStateVersion(Path chk, long batch, Process child) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!stateVersionCommitted(chk, batch)) {
            assertThat(child.isAlive()).as("the child query is running").isTrue();
            assertThat(System.nanoTime()).as("state of batch " + batch + " committed in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Process startChild(Path in, Path out, Path chk, String mode) throws Exception {
        return startChild(in, out, chk, mode, "rows");
    }

    private static Process startChild(Path in, Path out, Path chk, String mode, String query) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HaltingFileQueryMain.class.getName(), in.toString(), out.toString(), chk.toString(), mode, query)
                .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".child.log").toFile())
                .start();
    }

    /** Polls (with a deadline) until the child says which batch after {@code after} hangs in its sink. */
    private static long awaitHangingBatchAfter(Path out, long after, Process child) throws Exception {
        Path marker = out.resolveSibling(out.getFileName() + ".hanging");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("the child query is running").isTrue();
            if (Files.exists(marker)) {
                long batch = Long.parseLong(Files.readString(marker).strip());
                if (batch > after) {
                    return batch;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no batch hung in the sink after batch " + after);
    }

    /** Polls (with a deadline) until the child has logged a batch after {@code after} that is not yet committed. */
    private static long awaitUncommittedBatchAfter(Path chk, long after, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("the child query is running").isTrue();
            File[] offsets = chk.resolve("offsets").toFile().listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
            if (offsets != null) {
                for (File f : offsets) {
                    long id = Long.parseLong(f.getName());
                    if (id > after && !Files.exists(chk.resolve("commits").resolve(f.getName()))) {
                        return id;
                    }
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no uncommitted batch appeared in " + chk);
    }
}
