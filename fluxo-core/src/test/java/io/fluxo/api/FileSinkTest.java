package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.connector.file.FileFormats;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.connector.file.FileSinkManifest;
import io.fluxo.connector.file.FileStreamSink;
import io.fluxo.types.StructType;
import io.fluxo.sql.SqlParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming file sinks: each batch's files then a manifest entry; readers see committed batches only, once. */
class FileSinkTest {
    private static final StructType SCHEMA = SqlParser.parseTableSchema("id INT, name STRING");
    private Session spark;

    @BeforeEach
    void start() {
        spark = Session.builder().master("local[2]").create();
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    private List<String> readBack(Path out, String format) {
        DataFrameReader reader = spark.read().format(format).schema(SCHEMA);
        if (format.equals("csv")) {
            reader = reader.option("header", "true");
        }
        List<String> rows = new ArrayList<>();
        reader.load(out.toString()).collectAsList().forEach(r -> rows.add(r.get(0) + ":" + r.get(1)));
        return rows;
    }

    @Test
    void jsonSinkWritesEachBatchOnceAcrossRestarts(@TempDir Path out, @TempDir Path chk) {
        MemoryStream input = MemoryStream.create(spark, SCHEMA);
        DataStreamWriter writer = input.toDF().writeStream().format("json")
                .option("checkpointLocation", chk.toString());
        StreamingQuery q = writer.start(out.toString());
        input.addData(Row.of(1, "a"), Row.of(2, null));
        q.processAllAvailable();
        input.addData(Row.of(3, "c"));
        q.processAllAvailable();
        q.stop();
        assertThat(readBack(out, "json")).containsExactlyInAnyOrder("1:a", "2:null", "3:c");
        assertThat(FileSinkManifest.of(out).batchIds()).containsExactly(0L, 1L);
        assertThat(q.lastProgress().sink().description()).startsWith("FileSink[file:");

        StreamingQuery again = input.toDF().writeStream().format("json").option("checkpointLocation", chk.toString())
                .start(out.toString());
        again.processAllAvailable();
        input.addData(Row.of(4, "d"));
        again.processAllAvailable();
        again.stop();
        assertThat(readBack(out, "json")).containsExactlyInAnyOrder("1:a", "2:null", "3:c", "4:d");
    }

    @Test
    void csvSinkTakesWriteOptions(@TempDir Path out, @TempDir Path chk) throws Exception {
        MemoryStream input = MemoryStream.create(spark, SCHEMA);
        StreamingQuery q = input.toDF().writeStream().format("csv").option("header", "true")
                .option("checkpointLocation", chk.toString()).start(out.toString());
        input.addData(Row.of(1, "a,b"));
        q.processAllAvailable();
        q.stop();
        try (Stream<Path> files = Files.list(out)) {
            Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            assertThat(Files.readString(part)).startsWith("id,name\n1,\"a,b\"");
        }
        assertThat(readBack(out, "csv")).containsExactly("1:a,b");
    }

    @Test
    void aBatchAlreadyInTheManifestIsNotWrittenAgain(@TempDir Path out) throws Exception {
        FileStreamSink sink = new FileStreamSink(out, FileFormats.forName("json"), SCHEMA, FileOptions.empty());
        List<io.fluxo.vector.ColumnBatch> rows = RowConverter.toBatches(List.of(Row.of(1, "a")), SCHEMA);
        assertThat(sink.addBatch(0, rows)).isTrue();
        assertThat(sink.addBatch(0, rows)).isFalse();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("part-"))).hasSize(1);
        }
    }

    @Test
    void filesOfABatchThatDiedBeforeItsManifestEntryAreNeverRead(@TempDir Path out, @TempDir Path in,
            @TempDir Path chk) throws Exception {
        FileStreamSink sink = new FileStreamSink(out, FileFormats.forName("json"), SCHEMA, FileOptions.empty());
        sink.addBatch(0, RowConverter.toBatches(List.of(Row.of(1, "a")), SCHEMA));
        // What a crash after the data file's rename but before the manifest entry leaves behind.
        Files.writeString(out.resolve("part-00001-orphan.json"), "{\"id\":99,\"name\":\"lost\"}\n");
        assertThat(readBack(out, "json")).containsExactly("1:a");

        List<String> streamed = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = spark.readStream().schema(SCHEMA).json(out.toString()).writeStream()
                .foreachBatch((batch, id) -> batch.collectAsList().forEach(r -> streamed.add(r.get(0) + "")))
                .option("checkpointLocation", chk.toString()).start();
        q.processAllAvailable();
        q.stop();
        assertThat(streamed).containsExactly("1");
    }

    @Test
    void aFileListedInTheManifestThatIsMissingIsAnError(@TempDir Path out) throws Exception {
        FileStreamSink sink = new FileStreamSink(out, FileFormats.forName("json"), SCHEMA, FileOptions.empty());
        sink.addBatch(0, RowConverter.toBatches(List.of(Row.of(1, "a")), SCHEMA));
        try (Stream<Path> files = Files.list(out)) {
            Files.delete(files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow());
        }
        assertThatThrownBy(() -> readBack(out, "json")).hasMessageContaining("listed in the file sink manifest")
                .hasMessageContaining("_fluxo_metadata");
    }

    @Test
    void fileSinksRefuseOtherOutputModesUnknownPartitionColumnsAndAMissingPath(@TempDir Path out) {
        MemoryStream input = MemoryStream.create(spark, SCHEMA);
        assertThatThrownBy(() -> input.toDF().writeStream().format("json").outputMode("update").start(out.toString()))
                .hasMessageContaining("Data source json does not support Update output mode");
        assertThatThrownBy(() -> input.toDF().writeStream().format("json").partitionBy("nope").start(out.toString()))
                .hasMessageContaining("Partition column `nope` not found");
        assertThatThrownBy(() -> input.toDF().writeStream().format("json").start())
                .hasMessageContaining("needs a path");
    }

    @Test
    void foreachWriterSeesEveryRowWithItsEpochAndMaySkipOne(@TempDir Path chk) {
        MemoryStream input = MemoryStream.create(spark, SCHEMA);
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        StreamingQuery q = input.toDF().writeStream().option("checkpointLocation", chk.toString())
                .foreach(new ForeachWriter<Row>() {
                    @Override
                    public boolean open(long partitionId, long epochId) {
                        calls.add("open " + partitionId + " " + epochId);
                        return epochId != 1;
                    }

                    @Override
                    public void process(Row value) {
                        calls.add("row " + value.get(0));
                    }

                    @Override
                    public void close(Throwable errorOrNull) {
                        calls.add("close " + errorOrNull);
                    }
                }).start();
        input.addData(Row.of(1, "a"), Row.of(2, "b"));
        q.processAllAvailable();
        input.addData(Row.of(3, "c"));
        q.processAllAvailable();
        input.addData(Row.of(4, "d"));
        q.processAllAvailable();
        q.stop();
        assertThat(calls).containsExactly("open 0 0", "row 1", "row 2", "close null", "open 0 1", "close null",
                "open 0 2", "row 4", "close null");
    }

    @Test
    void theManifestIsCompactedEveryTenBatchesAndStillListsEveryFile(@TempDir Path out) throws Exception {
        FileStreamSink sink = new FileStreamSink(out, FileFormats.forName("json"), SCHEMA, FileOptions.empty());
        for (int batch = 0; batch < 25; batch++) {
            sink.addBatch(batch, RowConverter.toBatches(List.of(Row.of(batch, "r" + batch)), SCHEMA));
        }
        try (Stream<Path> files = Files.list(out.resolve(FileSinkManifest.DIRECTORY))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted())
                    .containsExactly("19", "19.compact", "20", "21", "22", "23", "24");
        }
        assertThat(FileSinkManifest.of(out).batchIds()).hasSize(25).startsWith(0L).endsWith(24L);
        assertThat(sink.addBatch(3, RowConverter.toBatches(List.of(Row.of(99, "again")), SCHEMA))).isFalse();
        assertThat(readBack(out, "json")).hasSize(25).contains("0:r0", "24:r24").doesNotContain("99:again");
    }
}
