package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.read;
import static io.fluxo.connector.file.FileTestSupport.readString;
import static io.fluxo.connector.file.FileTestSupport.row;
import static io.fluxo.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFormatTest {
    private static final FileFormat TEXT = FileFormats.forName("TEXT");
    private static final StructType VALUE = StructType.empty().add("value", DataTypes.StringType);

    @TempDir
    Path dir;

    @Test
    void schemaIsOneValueColumn() throws Exception {
        assertThat(TEXT.inferSchema(List.of(), opts()).toDDL()).isEqualTo("value STRING");
        assertThat(TEXT.fileExtension()).isEqualTo(".txt");
    }

    @Test
    void eachLineIsARowWhateverItsBreak() throws Exception {
        Path f = write(dir, "a.txt", "one\r\ntwo\rthree\n\n  \nlast ✓");
        assertThat(read(TEXT, f, VALUE, opts())).containsExactly(row("one"), row("two"), row("three"), row(""),
                row("  "), row("last ✓"));
        assertThat(read(TEXT, List.of(write(dir, "b.txt", "")), VALUE, opts())).isEmpty();
    }

    @Test
    void wholeTextAndCustomSeparators() throws Exception {
        Path f = write(dir, "a.txt", "a|b\n|c");
        assertThat(read(TEXT, f, VALUE, opts("wholetext", "true"))).containsExactly(row("a|b\n|c"));
        assertThat(read(TEXT, f, VALUE, opts("lineSep", "|"))).containsExactly(row("a"), row("b\n"), row("c"));
        assertThatThrownBy(() -> read(TEXT, f, VALUE, opts("lineSep", ""))).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'lineSep'");
    }

    @Test
    void splitsAndBatchesKeepEveryLineOnce() throws Exception {
        StringBuilder sb = new StringBuilder();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String line = "line " + i + "x".repeat(i % 17);
            sb.append(line).append(i % 4 == 0 ? "\r\n" : i % 4 == 1 ? "\r" : "\n");
            expected.add(row(line));
        }
        Path f = write(dir, "big.txt", sb.toString());
        for (String size : new String[] {"100", "3000", "100000000"}) {
            assertThat(read(TEXT, f, VALUE, opts("maxPartitionBytes", size))).as(size).isEqualTo(expected);
        }
        List<ColumnBatch> counted = FileTestSupport.batches(TEXT, List.of(f), VALUE, opts(), new int[0]);
        assertThat(counted.stream().mapToInt(ColumnBatch::numRows).sum()).isEqualTo(10_000);
        assertThat(counted).allMatch(b -> b.numColumns() == 0 && b.numRows() <= ColumnBatch.DEFAULT_SIZE);
    }

    @Test
    void writerWritesOneLinePerRowAndNullsAsEmptyLines() throws Exception {
        Path f = dir.resolve("out.txt");
        FileTestSupport.writeFile(TEXT, f, VALUE, opts(), List.of(new Object[] {"a"}, new Object[] {null},
                new Object[] {"é"}));
        assertThat(readString(f)).isEqualTo("a\n\né\n");
        Path g = dir.resolve("out2.txt");
        FileTestSupport.writeFile(TEXT, g, VALUE, opts("lineSep", "\r\n"), List.<Object[]>of(new Object[] {"a"}));
        assertThat(readString(g)).isEqualTo("a\r\n");
    }

    @Test
    void onlyOneStringColumn() {
        StructType two = VALUE.add("other", DataTypes.StringType);
        assertThatThrownBy(() -> TEXT.createWriter(dir.resolve("x.txt"), two, opts()))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("Text data source supports only a single column, and you have 2 columns.");
        StructType ints = StructType.empty().add("n", DataTypes.IntegerType);
        assertThatThrownBy(() -> TEXT.createScan(List.of(), ints, opts())).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("doesn't support the column `n` of the type \"INT\"");
    }

    @Property(tries = 30)
    void writtenLinesReadBackEqual(@ForAll long seed) throws Exception {
        RandomRows random = new RandomRows(seed);
        List<Object[]> rows = new ArrayList<>();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String s = random.string().replace('\n', ' ').replace('\r', ' ');
            rows.add(new Object[] {s});
            expected.add(row(s));
        }
        Path tmp = Files.createTempFile("fluxo-text", ".txt");
        try {
            FileTestSupport.writeFile(TEXT, tmp, VALUE, opts(), rows);
            assertThat(read(TEXT, tmp, VALUE, opts("maxPartitionBytes", "50"))).isEqualTo(expected);
        } finally {
            Files.delete(tmp);
        }
    }
}
