package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.readString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DecimalType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriteTest {
    private static final FileFormat CSV = FileFormats.forName("csv");
    private static final StructType TYPES = StructType.empty().add("b", DataTypes.BooleanType)
            .add("i", DataTypes.IntegerType).add("l", DataTypes.LongType).add("d", DataTypes.DoubleType)
            .add("small", new DecimalType(10, 2)).add("wide", new DecimalType(25, 5)).add("s", DataTypes.StringType)
            .add("dt", DataTypes.DateType).add("ts", DataTypes.TimestampType);

    @TempDir
    Path dir;

    private String writeCsv(StructType schema, FileOptions options, Object[]... rows) throws Exception {
        Path f = dir.resolve("out" + System.nanoTime() + ".csv");
        FileTestSupport.writeFile(CSV, f, schema, options, List.of(rows));
        return readString(f);
    }

    @Test
    void writesHeaderQuotesAndNulls() throws Exception {
        StructType schema = StructType.empty().add("a b", DataTypes.StringType).add("n", DataTypes.IntegerType);
        assertThat(writeCsv(schema, opts("header", "true"), new Object[] {"x,y", 1}, new Object[] {"say \"hi\"", null},
                new Object[] {"", -5}, new Object[] {null, 0}, new Object[] {"  padded  ", 7},
                new Object[] {"two\nlines", 8}, new Object[] {"back\\slash\"", 9}))
                .isEqualTo("a b,n\n\"x,y\",1\n\"say \\\"hi\\\"\",\n\"\",-5\n,0\npadded,7\n\"two\nlines\",8\n"
                        + "\"back\\\\slash\\\"\",9\n");
    }

    @Test
    void optionsChangeTheOutput() throws Exception {
        StructType schema = StructType.empty().add("a", DataTypes.StringType).add("n", DataTypes.IntegerType);
        assertThat(writeCsv(schema, opts("quoteAll", "true", "sep", ";", "lineSep", "\r\n", "nullValue", "\\N"),
                new Object[] {"x", null}, new Object[] {null, 2})).isEqualTo("\"x\";\\N\r\n\\N;\"2\"\r\n");
        assertThat(writeCsv(schema, opts("escapeQuotes", "false", "emptyValue", "EMPTY",
                "ignoreLeadingWhiteSpace", "false"), new Object[] {"a\"b", 1}, new Object[] {"", 2},
                new Object[] {" lead", 3})).isEqualTo("a\"b,1\nEMPTY,2\n\" lead\",3\n");
        assertThat(writeCsv(schema, opts("quote", "'", "escape", "'"), new Object[] {"it's", 1}))
                .isEqualTo("'it''s',1\n");
    }

    @Test
    void datesTimestampsAndNumbersAsSparkWritesThem() throws Exception {
        long ts = DateTimeUtils.toMicros(Instant.parse("2024-01-05T10:00:00.5Z"));
        assertThat(writeCsv(TYPES, opts(), new Object[] {true, 1, -2L, 1.0E10, new BigDecimal("1.50"),
                new BigDecimal("0.00001"), "s", 19_727, ts}))
                .isEqualTo("true,1,-2,1.0E10,1.50,0.00001,s,2024-01-05,2024-01-05T10:00:00.500Z\n");
        assertThat(writeCsv(StructType.empty().add("dt", DataTypes.DateType).add("ts", DataTypes.TimestampType),
                opts("dateFormat", "dd/MM/yyyy", "timestampFormat", "yyyy-MM-dd HH:mm", "timeZone", "+02:00"),
                new Object[] {19_727, ts})).isEqualTo("05/01/2024,2024-01-05 12:00\n");
    }

    @Test
    void anEmptyFileStillGetsItsHeader() throws Exception {
        Path f = dir.resolve("e.csv");
        CSV.createWriter(f, TYPES, opts("header", "true")).commit();
        assertThat(readString(f)).isEqualTo("b,i,l,d,small,wide,s,dt,ts\n");
    }

    @Test
    void unsupportedTypesAndCodecsFail() {
        StructType maps = StructType.empty().add("m", new MapType(DataTypes.StringType, DataTypes.StringType));
        assertThatThrownBy(() -> CSV.createWriter(dir.resolve("x.csv"), maps, opts()))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE");
        assertThatThrownBy(() -> CSV.createWriter(dir.resolve("x.csv"), TYPES, opts("compression", "snappy")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("snappy");
    }

    @Property(tries = 40)
    void writtenRowsReadBackEqual(@ForAll long seed) throws Exception {
        Path tmp = Files.createTempDirectory("fluxo-csv");
        try {
            List<Object[]> rows = new RandomRows(seed).rows(TYPES, 30, 0.15);
            FileOptions options = opts("header", "true", "nullValue", "\\N", "ignoreLeadingWhiteSpace", "false",
                    "ignoreTrailingWhiteSpace", "false", "multiLine", "true", "mode", "FAILFAST");
            Path f = tmp.resolve("rt.csv");
            FileTestSupport.writeFile(CSV, f, TYPES, options, rows);
            assertThat(FileTestSupport.read(CSV, f, TYPES, options))
                    .isEqualTo(FileTestSupport.rows(FileTestSupport.batchOf(TYPES, rows)));
        } finally {
            try (var s = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(tmp);
        }
    }
}
