package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.readString;
import static io.fluxo.connector.file.FileTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.connector.spi.SaveMode;
import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriteJobTest {
    private static final StructType SCHEMA = StructType.empty().add("id", DataTypes.LongType)
            .add("name", DataTypes.StringType);

    @TempDir
    Path dir;

    private static Iterator<ColumnBatch> task(Object[]... rows) {
        return List.of(FileTestSupport.batchOf(SCHEMA, List.of(rows))).iterator();
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<List<Object>> readBack(Path out, FileFormat format, FileOptions options) throws Exception {
        return FileTestSupport.read(format, FileListing.listFiles(out.toString(), options), SCHEMA, options);
    }

    @Test
    void writesOnePartFilePerTaskThenSuccess() throws Exception {
        Path out = dir.resolve("out");
        FileFormat json = FileFormats.forName("json");
        List<Path> parts = FileWriteJob.write(out, SaveMode.ERROR_IF_EXISTS, json, SCHEMA, opts(),
                List.of(task(new Object[] {1L, "a"}), task(), task(new Object[] {2L, "b"}, new Object[] {3L, null})));
        assertThat(parts).hasSize(2);
        assertThat(names(out)).hasSize(3).contains("_SUCCESS")
                .allMatch(n -> n.equals("_SUCCESS") || n.matches("part-0000[02]-[0-9a-f-]{36}\\.json"));
        assertThat(readBack(out, json, opts())).containsExactly(row(1L, "a"), row(2L, "b"), row(3L, null));
    }

    @Test
    void saveModesAsSpark() throws Exception {
        Path out = dir.resolve("out");
        FileFormat csv = FileFormats.forName("csv");
        FileWriteJob.write(out, SaveMode.ERROR_IF_EXISTS, csv, SCHEMA, opts(), List.of(task(new Object[] {1L, "a"})));
        assertThatThrownBy(() -> FileWriteJob.write(out, SaveMode.ERROR_IF_EXISTS, csv, SCHEMA, opts(),
                List.of(task(new Object[] {2L, "b"})))).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("[PATH_ALREADY_EXISTS] Path file:" + out + " already exists.");
        assertThat(FileWriteJob.write(out, SaveMode.IGNORE, csv, SCHEMA, opts(), List.of(task(new Object[] {9L, "z"}))))
                .isEmpty();
        FileWriteJob.write(out, SaveMode.APPEND, csv, SCHEMA, opts(), List.of(task(new Object[] {2L, "b"})));
        assertThat(readBack(out, csv, opts())).containsExactlyInAnyOrder(row(1L, "a"), row(2L, "b"));
        FileWriteJob.write(out, SaveMode.OVERWRITE, csv, SCHEMA, opts(), List.of(task(new Object[] {3L, "c"})));
        assertThat(readBack(out, csv, opts())).containsExactly(row(3L, "c"));
        assertThat(names(out)).hasSize(2);
    }

    @Test
    void aJobWithoutRowsWritesOneFileWithTheHeader() throws Exception {
        Path out = dir.resolve("empty");
        List<Path> parts = FileWriteJob.write(out, SaveMode.ERROR_IF_EXISTS, FileFormats.forName("csv"), SCHEMA,
                opts("header", "true"), List.of(task(), task()));
        assertThat(parts).hasSize(1);
        assertThat(readString(parts.get(0))).isEqualTo("id,name\n");
    }

    @Test
    void aFailingTaskLeavesNoFilesBehind() throws Exception {
        Path out = dir.resolve("out");
        FileFormat text = FileFormats.forName("text");
        StructType value = StructType.empty().add("value", DataTypes.StringType);
        FileWriteJob.write(out, SaveMode.ERROR_IF_EXISTS, text, value, opts(),
                List.of(List.of(FileTestSupport.batchOf(value, List.<Object[]>of(new Object[] {"kept"}))).iterator()));
        List<String> before = names(out);
        Iterator<ColumnBatch> failing = new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ColumnBatch next() {
                if (n++ == 2) {
                    throw new IllegalStateException("task failed");
                }
                return FileTestSupport.batchOf(value, List.<Object[]>of(new Object[] {"x"}));
            }
        };
        Iterator<ColumnBatch> ok = List.of(FileTestSupport.batchOf(value, List.<Object[]>of(new Object[] {"y"})))
                .iterator();
        assertThatThrownBy(() -> FileWriteJob.write(out, SaveMode.APPEND, text, value, opts(), List.of(ok, failing)))
                .hasMessage("task failed");
        assertThat(names(out)).isEqualTo(before);
    }

    @Test
    void tasksCanRunSeparatelyAndCommitTogether() throws Exception {
        Path out = dir.resolve("out");
        FileFormat json = FileFormats.forName("json");
        FileWriteJob job = FileWriteJob.start(out, SaveMode.ERROR_IF_EXISTS, json, SCHEMA, opts());
        FileWriteJob.TaskResult r0 = job.writeTask(0, task(new Object[] {1L, "a"}));
        FileWriteJob.TaskResult r1 = job.writeTask(1, task(new Object[] {2L, "b"}));
        assertThat(names(out)).allMatch(n -> n.startsWith(".part-")).hasSize(2);
        assertThat(FileListing.listFiles(out.toString(), opts())).isEmpty();
        job.commit(List.of(r0, r1));
        assertThat(readBack(out, json, opts())).containsExactly(row(1L, "a"), row(2L, "b"));
    }
}
