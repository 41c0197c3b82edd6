package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.readString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DecimalType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWriteTest {
    private static final FileFormat JSON = FileFormats.forName("json");

    @TempDir
    Path dir;

    private static final StructType ALL_TYPES = StructType.empty().add("b", DataTypes.BooleanType)
            .add("i", DataTypes.IntegerType).add("l", DataTypes.LongType).add("d", DataTypes.DoubleType)
            .add("small", new DecimalType(10, 2)).add("wide", new DecimalType(30, 5)).add("s", DataTypes.StringType)
            .add("bin", DataTypes.BinaryType).add("dt", DataTypes.DateType).add("ts", DataTypes.TimestampType)
            .add("arr", new ArrayType(DataTypes.LongType))
            .add("m", new MapType(DataTypes.StringType, DataTypes.StringType))
            .add("st", StructType.empty().add("x", DataTypes.IntegerType)
                    .add("tags", new ArrayType(DataTypes.StringType)));

    @Test
    void writesOneObjectPerLineLeavingOutNulls() throws Exception {
        StructType schema = StructType.empty().add("a", DataTypes.LongType).add("s", DataTypes.StringType)
                .add("arr", new ArrayType(DataTypes.IntegerType))
                .add("m", new MapType(DataTypes.StringType, DataTypes.IntegerType))
                .add("st", StructType.empty().add("x", DataTypes.IntegerType).add("y", DataTypes.IntegerType));
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("k", null);
        List<Object[]> rows = List.of(new Object[] {1L, "é\"\n", Arrays.asList(1, null), m, new Object[] {null, 2}},
                new Object[] {null, null, null, null, null});
        Path f = dir.resolve("out.json");
        FileTestSupport.writeFile(JSON, f, schema, opts(), rows);
        assertThat(readString(f)).isEqualTo("{\"a\":1,\"s\":\"é\\\"\\n\",\"arr\":[1,null],\"m\":{\"k\":null},"
                + "\"st\":{\"y\":2}}\n{}\n");
        Path g = dir.resolve("nulls.json");
        FileTestSupport.writeFile(JSON, g, schema, opts("ignoreNullFields", "false", "lineSep", "\r\n"),
                List.<Object[]>of(new Object[] {null, "x", null, null, null}));
        assertThat(readString(g)).isEqualTo("{\"a\":null,\"s\":\"x\",\"arr\":null,\"m\":null,\"st\":null}\r\n");
    }

    @Test
    void formatsValuesAsSparkDoes() throws Exception {
        StructType schema = StructType.empty().add("ts", DataTypes.TimestampType).add("dt", DataTypes.DateType)
                .add("bin", DataTypes.BinaryType).add("d", DataTypes.DoubleType).add("dec", new DecimalType(20, 3));
        long ts = DateTimeUtils.toMicros(Instant.parse("2024-01-01T10:00:00.123456Z"));
        List<Object[]> rows = List.<Object[]>of(new Object[] {ts, 19_723, new byte[] {1, 2, 3}, Double.NaN,
                new BigDecimal("12.500")});
        Path f = dir.resolve("a.json");
        FileTestSupport.writeFile(JSON, f, schema, opts(), rows);
        assertThat(readString(f)).isEqualTo("{\"ts\":\"2024-01-01T10:00:00.123Z\",\"dt\":\"2024-01-01\","
                + "\"bin\":\"AQID\",\"d\":\"NaN\",\"dec\":12.500}\n");
        Path g = dir.resolve("b.json");
        FileTestSupport.writeFile(JSON, g, schema, FileOptions.of(Map.of("dateFormat", "dd/MM/yyyy",
                "timestampFormat", "yyyy-MM-dd HH:mm"), ZoneId.of("Europe/Paris")), rows);
        assertThat(readString(g)).startsWith("{\"ts\":\"2024-01-01 11:00\",\"dt\":\"01/01/2024\"");
        Path h = dir.resolve("c.json");
        FileTestSupport.writeFile(JSON, h, schema, FileOptions.of(Map.of(), ZoneId.of("Europe/Paris")), rows);
        assertThat(readString(h)).startsWith("{\"ts\":\"2024-01-01T11:00:00.123+01:00\"");
    }

    @Test
    void onlyUncompressedUtf8() {
        assertThatThrownBy(() -> JSON.createWriter(dir.resolve("x.json"), ALL_TYPES, opts("compression", "gzip")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("gzip");
        assertThatThrownBy(() -> JSON.createWriter(dir.resolve("x.json"), ALL_TYPES, opts("encoding", "latin1")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("latin1");
        assertThat(Files.exists(dir.resolve("x.json"))).isFalse();
    }

    @Property(tries = 40)
    void writtenRowsReadBackEqual(@ForAll long seed) throws Exception {
        Path tmp = Files.createTempDirectory("fluxo-json");
        try {
            List<Object[]> rows = new RandomRows(seed).rows(ALL_TYPES, 30, 0.15);
            Path f = tmp.resolve("rt.json");
            FileTestSupport.writeFile(JSON, f, ALL_TYPES, opts(), rows);
            List<List<Object>> expected = FileTestSupport.rows(FileTestSupport.batchOf(ALL_TYPES, rows));
            assertThat(FileTestSupport.read(JSON, f, ALL_TYPES, opts("mode", "FAILFAST", "maxPartitionBytes", "700")))
                    .isEqualTo(expected);
        } finally {
            try (var s = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(tmp);
        }
    }

    @Test
    void roundTripKeepsAllTypes() throws Exception {
        List<Object[]> rows = new ArrayList<>(new RandomRows(7).rows(ALL_TYPES, 500, 0.1));
        Path f = dir.resolve("rt.json");
        FileTestSupport.writeFile(JSON, f, ALL_TYPES, opts(), rows);
        assertThat(FileTestSupport.read(JSON, f, ALL_TYPES, opts("mode", "FAILFAST")))
                .isEqualTo(FileTestSupport.rows(FileTestSupport.batchOf(ALL_TYPES, rows)));
    }
}
