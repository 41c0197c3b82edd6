package io.fluxo.api;

import static io.fluxo.api.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files arriving in a folder as a stream: each file read once, in order, across restarts, within rate limits. */
class FileStreamTest {
    private Session spark;

    @BeforeEach
    void start() {
        spark = Session.builder().master("local[2]").create();
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    /** Writes a file the way producers must: under a hidden name, then renamed; with a distinct modification time. */
    private static void arrive(Path dir, String name, String content, long modifiedSecond) throws Exception {
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.writeString(tmp, content);
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(1_700_000_000_000L + modifiedSecond * 1000));
        Files.move(tmp, dir.resolve(name));
    }

    private StreamingQuery collect(DataFrame df, Path chk, List<String> out) {
        return df.writeStream().foreachBatch((batch, id) -> batch.collectAsList()
                .forEach(r -> out.add(id + ":" + r.get(0)))).option("checkpointLocation", chk.toString()).start();
    }

    @Test
    void newFilesAreReadOnceInModificationOrderAcrossRestarts(@TempDir Path in, @TempDir Path chk) throws Exception {
        arrive(in, "b.json", "{\"id\": 2, \"v\": \"x\"}\n", 2);
        arrive(in, "a.json", "{\"id\": 1, \"v\": \"y\"}\n{\"id\": 3}\n", 1);
        Files.writeString(in.resolve("_partial.json"), "{\"id\": 99}\n");
        DataFrame df = spark.readStream().schema("id INT, v STRING").option("maxFilesPerTrigger", 1).json(in.toString())
                .select(col("id"));
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = collect(df, chk, out);
        q.processAllAvailable();
        assertThat(out).containsExactlyInAnyOrder("0:1", "0:3", "1:2");
        q.stop();
        arrive(in, "c.json", "{\"id\": 4}\n", 3);
        StreamingQuery again = collect(df, chk, out);
        again.processAllAvailable();
        assertThat(out).containsExactlyInAnyOrder("0:1", "0:3", "1:2", "2:4");
        assertThat(again.lastProgress().numInputRows()).isEqualTo(1);
        again.stop();
    }

    @Test
    void availableNowReadsTheFilesPresentAtStartInRateLimitedBatchesThenStops(@TempDir Path in, @TempDir Path chk)
            throws Exception {
        for (int i = 1; i <= 3; i++) {
            arrive(in, "f" + i + ".json", "{\"id\": " + i + "}\n", i);
        }
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = spark.readStream().schema("id INT").option("maxFilesPerTrigger", 1).json(in.toString())
                .writeStream().trigger(Trigger.availableNow()).option("checkpointLocation", chk.toString())
                .foreachBatch((batch, id) -> {
                    batch.collectAsList().forEach(r -> out.add(id + ":" + r.get(0)));
                    if (id == 0) {
                        arrive(in, "late.json", "{\"id\": 99}\n", 9);
                    }
                }).start();
        assertThat(q.awaitTermination(30_000)).isTrue();
        assertThat(out).containsExactly("0:1", "1:2", "2:3");
        assertThat(q.isActive()).isFalse();
    }

    @Test
    void theSeenFilesLogIsCompactedAndStillRemembersEveryFileAcrossRestarts(@TempDir Path in, @TempDir Path chk)
            throws Exception {
        for (int i = 0; i < 23; i++) {
            arrive(in, String.format("f%02d.json", i), "{\"id\": " + i + "}\n", i);
        }
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        DataFrame df = spark.readStream().schema("id INT").option("maxFilesPerTrigger", 1).json(in.toString());
        StreamingQuery q = collect(df, chk, out);
        q.processAllAvailable();
        q.stop();
        try (var files = Files.list(chk.resolve("sources").resolve("0"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted())
                    .containsExactly("19", "19.compact", "20", "21", "22", "kind");
        }
        arrive(in, "late.json", "{\"id\": 99}\n", 99);
        StreamingQuery again = collect(df, chk, out);
        again.processAllAvailable();
        again.stop();
        assertThat(out).hasSize(24).contains("22:22", "23:99");
    }

    @Test
    void cleanSourceDeletesCommittedFiles(@TempDir Path in, @TempDir Path chk) throws Exception {
        arrive(in, "a.csv", "1,x\n2,y\n", 1);
        DataFrame df = spark.readStream().format("csv").schema("id INT, v STRING").option("cleanSource", "delete")
                .load(in.toString());
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = collect(df, chk, out);
        q.processAllAvailable();
        q.stop();
        assertThat(out).containsExactlyInAnyOrder("0:1", "0:2");
        assertThat(Files.exists(in.resolve("a.csv"))).isFalse();
    }

    @Test
    void aFileStreamNeedsASchema(@TempDir Path in) {
        assertThatThrownBy(() -> spark.readStream().json(in.toString())).hasMessageContaining("Schema must be specified");
    }

    @Test
    void textFilesStreamTheirLines(@TempDir Path in, @TempDir Path chk) throws Exception {
        arrive(in, "a.txt", "hello\nworld\n", 1);
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = collect(spark.readStream().text(in.toString()), chk, out);
        q.processAllAvailable();
        q.stop();
        assertThat(out).containsExactlyInAnyOrder("0:hello", "0:world");
    }
}
