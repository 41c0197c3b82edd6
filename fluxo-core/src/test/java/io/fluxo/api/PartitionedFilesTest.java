package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.connector.file.FileSinkManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** partitionBy writes name=value folders; reading a folder discovers them and appends the partition columns. */
class PartitionedFilesTest {
    private Session spark;

    @BeforeEach
    void start() {
        spark = Session.builder().master("local[2]").create();
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    private static List<String> relativeFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.startsWith("_") && !p.contains("/.") && !p.startsWith(".")).sorted().toList();
        }
    }

    private static List<String> strings(DataFrame df) {
        List<String> out = new ArrayList<>();
        df.collectAsList().forEach(r -> out.add(r.toString()));
        return out;
    }

    @Test
    void batchWriteIntoPartitionFoldersAndReadBackWithInferredTypes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sales");
        DataFrame sales = spark.createDataFrame(List.of(Row.of(1L, "BR", 2024), Row.of(2L, "PT", 2024),
                Row.of(3L, "BR", 2025), Row.of(4L, null, 2025), Row.of(5L, "a/b=c", 2025)),
                io.fluxo.sql.SqlParser.parseTableSchema("id BIGINT, country STRING, year INT"));
        sales.write().partitionBy("year", "country").json(out.toString());
        assertThat(relativeFiles(out)).allMatch(p -> p.matches("year=\\d+/country=[^/]+/part-.*\\.json"));
        assertThat(relativeFiles(out)).anyMatch(p -> p.contains("country=__HIVE_DEFAULT_PARTITION__/"))
                .anyMatch(p -> p.contains("country=a%2Fb%3Dc/"));
        Path brFile = Files.list(out.resolve("year=2024").resolve("country=BR")).filter(p -> p.toString()
                .endsWith(".json")).findFirst().orElseThrow();
        assertThat(Files.readString(brFile)).isEqualTo("{\"id\":1}\n");

        DataFrame back = spark.read().json(out.toString());
        assertThat(back.schema().toDDL()).isEqualTo("id BIGINT, year INT, country STRING");
        assertThat(strings(back.orderBy("id"))).containsExactly("[1,2024,BR]", "[2,2024,PT]", "[3,2025,BR]",
                "[4,2025,null]", "[5,2025,a/b=c]");
        assertThat(back.filter("year = 2025 AND country = 'BR'").count()).isEqualTo(1);
        assertThat(strings(back.groupBy("year").count().orderBy("year"))).containsExactly("[2024,2]", "[2025,3]");

        DataFrame typed = spark.read().schema("id BIGINT, year BIGINT, country STRING").json(out.toString());
        assertThat(typed.schema().toDDL()).isEqualTo("id BIGINT, year BIGINT, country STRING");
        assertThat(typed.selectExpr("sum(year)").first().getLong(0)).isEqualTo(2024L * 2 + 2025L * 3);
    }

    @Test
    void streamingFileSinkPartitionsEachBatchAndTheManifestListsTheFolders(@TempDir Path out, @TempDir Path chk) {
        MemoryStream input = MemoryStream.create(spark, "id INT, day STRING");
        StreamingQuery q = input.toDF().writeStream().format("csv").option("header", "true").partitionBy("day")
                .option("checkpointLocation", chk.toString()).start(out.toString());
        input.addData(Row.of(1, "mon"), Row.of(2, "tue"));
        q.processAllAvailable();
        input.addData(Row.of(3, "mon"));
        q.processAllAvailable();
        q.stop();
        assertThat(FileSinkManifest.of(out).files()).hasSize(3).allMatch(p -> p.getParent().getFileName().toString()
                .startsWith("day="));
        DataFrame back = spark.read().option("header", "true").schema("id INT").csv(out.toString());
        assertThat(strings(back.orderBy("id"))).containsExactly("[1,mon]", "[2,tue]", "[3,mon]");
    }

    @Test
    void partitionColumnsMustExistAndLeaveADataColumn(@TempDir Path dir) {
        DataFrame df = spark.createDataFrame(List.of(Row.of(1, "a")),
                io.fluxo.sql.SqlParser.parseTableSchema("id INT, k STRING"));
        assertThatThrownBy(() -> df.write().partitionBy("nope").json(dir.resolve("a").toString()))
                .hasMessageContaining("Partition column `nope` not found in schema");
        assertThatThrownBy(() -> df.write().partitionBy("id", "k").json(dir.resolve("b").toString()))
                .hasMessageContaining("Cannot use all columns for partition columns");
    }

    @Test
    void aFileStreamReadsPartitionFoldersWithTheirValues(@TempDir Path in, @TempDir Path chk) throws Exception {
        Files.createDirectories(in.resolve("day=mon"));
        Files.createDirectories(in.resolve("day=tue"));
        Files.writeString(in.resolve("day=mon").resolve("a.json"), "{\"id\": 1}\n");
        Files.writeString(in.resolve("day=tue").resolve("b.json"), "{\"id\": 2}\n{\"id\": 3}\n");
        List<String> rows = java.util.Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = spark.readStream().schema("day STRING, id INT").json(in.toString()).writeStream()
                .option("checkpointLocation", chk.toString())
                .foreachBatch((df, id) -> df.collectAsList().forEach(r -> rows.add(r.get(0) + ":" + r.get(1))))
                .start();
        q.processAllAvailable();
        Files.createDirectories(in.resolve("day=wed"));
        Files.writeString(in.resolve("day=wed").resolve(".c.json.tmp"), "{\"id\": 4}\n");
        Files.move(in.resolve("day=wed").resolve(".c.json.tmp"), in.resolve("day=wed").resolve("c.json"));
        q.processAllAvailable();
        q.stop();
        assertThat(rows).containsExactlyInAnyOrder("mon:1", "tue:2", "tue:3", "wed:4");
    }
}
