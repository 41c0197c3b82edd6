package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.read;
import static io.fluxo.connector.file.FileTestSupport.row;
import static io.fluxo.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DecimalType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReadTest {
    private static final FileFormat JSON = FileFormats.forName("json");

    @TempDir
    Path dir;

    private static long micros(String instant) {
        return DateTimeUtils.toMicros(Instant.parse(instant));
    }

    private static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    @Test
    void readsEveryScalarType() throws Exception {
        Path f = write(dir, "a.json", "{\"b\":true,\"i\":7,\"l\":12345678901,\"d\":1.5,\"dec\":12.345,"
                + "\"s\":\"héllo ✓ 😀\",\"bin\":\"AQID\",\"dt\":\"2024-02-29\",\"ts\":\"2024-01-01T10:00:00.123456Z\"}\n");
        StructType schema = StructType.empty().add("b", DataTypes.BooleanType).add("i", DataTypes.IntegerType)
                .add("l", DataTypes.LongType).add("d", DataTypes.DoubleType).add("dec", new DecimalType(10, 2))
                .add("s", DataTypes.StringType).add("bin", DataTypes.BinaryType).add("dt", DataTypes.DateType)
                .add("ts", DataTypes.TimestampType);
        assertThat(read(JSON, f, schema, opts())).containsExactly(row(true, 7, 12345678901L, 1.5,
                new BigDecimal("12.35"), "héllo ✓ 😀", List.of((byte) 1, (byte) 2, (byte) 3), days("2024-02-29"),
                micros("2024-01-01T10:00:00.123456Z")));
    }

    @Test
    void missingFieldsAreNullAndUnknownFieldsIgnored() throws Exception {
        Path f = write(dir, "a.json", "{\"a\":1,\"zzz\":{\"x\":[1,2,{}]}}\n{\"b\":\"x\"}\n{}\n{\"a\":null,\"b\":null}\n");
        StructType schema = StructType.empty().add("a", DataTypes.LongType).add("b", DataTypes.StringType);
        assertThat(read(JSON, f, schema, opts())).containsExactly(row(1L, null), row(null, "x"), row(null, null),
                row(null, null));
    }

    @Test
    void readsNestedStructsArraysAndMaps() throws Exception {
        Path f = write(dir, "a.json", "{\"p\":{\"x\":1,\"tags\":[\"a\",null,\"b\"],\"inner\":{\"z\":true}},"
                + "\"m\":{\"k1\":1.5,\"k2\":null},\"arr\":[[1,2],[],null],\"objs\":[{\"x\":1},{\"x\":2}]}\n"
                + "{\"p\":null,\"m\":{},\"arr\":[],\"objs\":null}\n");
        StructType inner = StructType.empty().add("z", DataTypes.BooleanType);
        StructType p = StructType.empty().add("x", DataTypes.IntegerType)
                .add("tags", new ArrayType(DataTypes.StringType)).add("inner", inner);
        StructType schema = StructType.empty().add("p", p).add("m", new MapType(DataTypes.StringType,
                DataTypes.DoubleType)).add("arr", new ArrayType(new ArrayType(DataTypes.LongType)))
                .add("objs", new ArrayType(StructType.empty().add("x", DataTypes.LongType)));
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("k1", 1.5);
        m.put("k2", null);
        List<Object> arr = new ArrayList<>();
        arr.add(List.of(1L, 2L));
        arr.add(List.of());
        arr.add(null);
        assertThat(read(JSON, f, schema, opts())).containsExactly(
                row(row(1, java.util.Arrays.asList("a", null, "b"), row(true)), m, arr, List.of(row(1L), row(2L))),
                row(null, Map.of(), List.of(), null));
    }

    @Test
    void stringColumnKeepsTheExactTextOfOtherValues() throws Exception {
        Path f = write(dir, "a.json", "{\"s\":1.50}\n{\"s\": {\"a\": [1, 2]} }\n{\"s\":true}\n{\"s\":[]}\n");
        StructType schema = StructType.empty().add("s", DataTypes.StringType);
        assertThat(read(JSON, f, schema, opts())).containsExactly(row("1.50"), row("{\"a\": [1, 2]}"), row("true"),
                row("[]"));
    }

    @Test
    void permissiveKeepsFieldsThatParsedAndFillsTheCorruptColumn() throws Exception {
        String bad = "{\"a\":\"abc\",\"b\":\"x\",\"c\":3000000000}";
        Path f = write(dir, "a.json", "{\"a\":1,\"b\":\"ok\",\"c\":1}\n" + bad + "\n{\"a\":\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType)
                .add("c", DataTypes.IntegerType).add("_corrupt_record", DataTypes.StringType);
        assertThat(read(JSON, f, schema, opts())).containsExactly(row(1, "ok", 1, null), row(null, "x", null, bad),
                row(null, null, null, "{\"a\":"));
    }

    @Test
    void permissiveWithoutCorruptColumnStillReturnsTheRows() throws Exception {
        Path f = write(dir, "a.json", "{\"a\":\"x\",\"b\":2}\nnot json\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType).add("b", DataTypes.IntegerType);
        assertThat(read(JSON, f, schema, opts())).containsExactly(row(null, 2), row(null, null));
    }

    @Test
    void valuesThatDoNotFitAreMalformed() throws Exception {
        Path f = write(dir, "a.json", String.join("\n", "{\"i\":\"123\"}", "{\"i\":1.5}", "{\"i\":2147483648}",
                "{\"l\":9223372036854775808}", "{\"b\":\"true\"}", "{\"d\":\"\"}", "{\"dt\":\"nope\"}",
                "{\"dec\":123456.7}", "{\"arr\":[1,\"x\"]}", "{\"st\":5}", "{\"bin\":\"@@\"}", "{\"i\":7}") + "\n");
        StructType schema = StructType.empty().add("i", DataTypes.IntegerType).add("l", DataTypes.LongType)
                .add("b", DataTypes.BooleanType).add("d", DataTypes.DoubleType).add("dt", DataTypes.DateType)
                .add("dec", new DecimalType(5, 1)).add("arr", new ArrayType(DataTypes.IntegerType))
                .add("st", StructType.empty().add("x", DataTypes.IntegerType)).add("bin", DataTypes.BinaryType);
        FileOptions dropping = opts("mode", "DROPMALFORMED");
        assertThat(read(JSON, f, schema, dropping)).containsExactly(row(7, null, null, null, null, null, null, null,
                null));
        assertThat(FileTestSupport.dropped(JSON, List.of(f), schema, dropping)).isEqualTo(11);
    }

    @Test
    void failFastNamesFileLineFieldAndValue() throws Exception {
        Path f = write(dir, "x.json", "{\"amount\":1}\n\n{\"amount\":\"abc\"}\n");
        StructType schema = StructType.empty().add("amount", DataTypes.IntegerType);
        assertThatThrownBy(() -> read(JSON, f, schema, opts("mode", "FAILFAST")))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageContaining("[MALFORMED_RECORD_IN_PARSING] Malformed records are detected in record parsing: "
                        + "file:" + f + ", line 3: cannot parse 'abc' as INT for field 'amount'.")
                .extracting(e -> ((FluxoRuntimeException) e).getErrorClass()).isEqualTo("MALFORMED_RECORD_IN_PARSING");
    }

    @Test
    void failFastOnInvalidJsonNamesTheLine() throws Exception {
        Path f = write(dir, "x.json", "{\"a\":1}\r\n{\"a\":2}\r\n{\"a\":}\r\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType);
        assertThatThrownBy(() -> read(JSON, f, schema, opts("mode", "failfast")))
                .hasMessageContaining("x.json, line 3: invalid JSON");
    }

    @Test
    void failFastHandsOutTheRowsBeforeTheBadRecordFirst() throws Exception {
        Path f = write(dir, "x.json", "{\"a\":1}\n{\"a\":2}\n{\"a\":\"bad\"}\n{\"a\":4}\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType);
        BatchScan scan = JSON.createScan(List.of(f), schema, opts("mode", "FAILFAST"));
        try (PartitionReader r = scan.createReader(scan.planInputPartitions().get(0), new int[] {0})) {
            ColumnBatch first = r.next();
            assertThat(FileTestSupport.rows(first)).containsExactly(row(1), row(2));
            assertThatThrownBy(r::next).isInstanceOf(FluxoRuntimeException.class).hasMessageContaining("line 3");
        }
    }

    @Test
    void blankLinesAndEmptyFilesGiveNoRows() throws Exception {
        Path f = write(dir, "a.json", "\n  \n{\"a\":1}\n\t\n");
        Path empty = write(dir, "b.json", "");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType);
        assertThat(read(JSON, List.of(f, empty), schema, opts())).containsExactly(row(1));
        assertThat(read(JSON, List.of(empty), schema, opts())).isEmpty();
        assertThat(read(JSON, List.of(), schema, opts())).isEmpty();
    }

    @Test
    void topLevelArrayGivesOneRowPerObject() throws Exception {
        Path f = write(dir, "a.json", "[{\"a\":1},{\"a\":2}]\n[]\n{\"a\":3}\n[1]\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType).add("_corrupt_record",
                DataTypes.StringType);
        assertThat(read(JSON, f, schema, opts())).containsExactly(row(1, null), row(2, null), row(3, null),
                row(null, "[1]"));
    }

    @Test
    void topLevelScalarIsMalformed() throws Exception {
        Path f = write(dir, "a.json", "5\n\"x\"\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType);
        assertThat(FileTestSupport.dropped(JSON, List.of(f), schema, opts("mode", "DROPMALFORMED"))).isEqualTo(2);
    }

    @Test
    void multiLineReadsWholeFilesAsOneDocument() throws Exception {
        Path one = write(dir, "one.json", "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}\n");
        Path many = write(dir, "many.json", "[\n {\"a\": 2},\n {\"a\": 3}\n]");
        StructType schema = StructType.empty().add("a", DataTypes.LongType)
                .add("b", new ArrayType(DataTypes.StringType));
        assertThat(read(JSON, List.of(many, one), schema, opts("multiLine", "true"))).containsExactly(
                row(2L, null), row(3L, null), row(1L, List.of("x")));
    }

    @Test
    void multiLineMalformedFileIsOneCorruptRecordNamedByItsLine() throws Exception {
        String text = "{\n  \"a\": 1,\n  \"b\": oops\n}\n";
        Path f = write(dir, "bad.json", text);
        StructType schema = StructType.empty().add("a", DataTypes.LongType).add("_corrupt_record",
                DataTypes.StringType);
        assertThat(read(JSON, f, schema, opts("multiLine", "true"))).containsExactly(row(null, text));
        assertThatThrownBy(() -> read(JSON, f, schema, opts("multiLine", "true", "mode", "FAILFAST")))
                .hasMessageContaining("bad.json, line 3: invalid JSON");
    }

    @Test
    void multiLineWithManyRowsIsHandedOutInBatches() throws Exception {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"a\":").append(i).append('}');
        }
        Path f = write(dir, "big.json", sb.append("]").toString());
        StructType schema = StructType.empty().add("a", DataTypes.LongType);
        List<ColumnBatch> batches = FileTestSupport.batches(JSON, List.of(f), schema, opts("multiLine", "true"),
                new int[] {0});
        assertThat(batches).hasSize(3);
        assertThat(batches.stream().mapToInt(ColumnBatch::numRows).sum()).isEqualTo(10_000);
    }

    @Test
    void splitsOfAFileReadEveryLineExactlyOnce() throws Exception {
        StringBuilder sb = new StringBuilder();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String s = "v" + "x".repeat(i % 37);
            sb.append("{\"i\":").append(i).append(",\"s\":\"").append(s).append("\"}").append(i % 3 == 0 ? "\r\n" : "\n");
            expected.add(row((long) i, s));
        }
        Path f = write(dir, "split.json", sb.toString());
        StructType schema = StructType.empty().add("i", DataTypes.LongType).add("s", DataTypes.StringType);
        for (String size : new String[] {"64", "1000", "100000"}) {
            FileOptions o = opts("maxPartitionBytes", size);
            assertThat(read(JSON, f, schema, o)).as("split size " + size).isEqualTo(expected);
        }
        List<List<Object>> head = expected.subList(0, 200);
        Path small = write(dir, "small.json", sb.substring(0, sb.indexOf("{\"i\":200,")));
        for (String size : new String[] {"1", "2", "7"}) {
            FileOptions o = opts("maxPartitionBytes", size);
            assertThat(read(JSON, small, schema, o)).as("split size " + size).isEqualTo(head);
        }
        assertThat(JSON.createScan(List.of(f), schema, opts("maxPartitionBytes", "1000")).planInputPartitions())
                .hasSizeGreaterThan(50);
    }

    @Test
    void onlyRequestedColumnsAreMaterializedInTheRequestedOrder() throws Exception {
        Path f = write(dir, "a.json", "{\"a\":1,\"b\":\"not an int\",\"c\":\"x\"}\n");
        StructType schema = StructType.empty().add("a", DataTypes.LongType).add("b", DataTypes.IntegerType)
                .add("c", DataTypes.StringType);
        List<ColumnBatch> batches = FileTestSupport.batches(JSON, List.of(f), schema, opts("mode", "FAILFAST"),
                new int[] {2, 0});
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).numColumns()).isEqualTo(2);
        assertThat(FileTestSupport.rows(batches.get(0))).containsExactly(row("x", 1L));
        List<ColumnBatch> counted = FileTestSupport.batches(JSON, List.of(f), schema, opts(), new int[0]);
        assertThat(counted.get(0).numColumns()).isZero();
        assertThat(counted.get(0).numRows()).isEqualTo(1);
    }

    @Test
    void requestingTheCorruptColumnChecksEveryField() throws Exception {
        String line = "{\"a\":1,\"b\":\"not an int\"}";
        Path f = write(dir, "a.json", line + "\n");
        StructType schema = StructType.empty().add("a", DataTypes.LongType).add("b", DataTypes.IntegerType)
                .add("_corrupt_record", DataTypes.StringType);
        assertThat(read(JSON, List.of(f), schema, opts(), new int[] {2, 0})).containsExactly(row(line, 1L));
    }

    @Test
    void datesAndTimestampsFollowFormatsAndZones() throws Exception {
        Path f = write(dir, "a.json", "{\"d\":\"2024-1-5\",\"t\":\"2024-01-05 10:00\",\"n\":1700000000}\n"
                + "{\"d\":\"2024-01-05T23:00:00\",\"t\":\"2024-01-05T10:00:00+02:00\"}\n");
        StructType schema = StructType.empty().add("d", DataTypes.DateType).add("t", DataTypes.TimestampType)
                .add("n", DataTypes.TimestampType);
        assertThat(read(JSON, f, schema, opts("timeZone", "America/New_York"))).containsExactly(
                row(days("2024-01-05"), micros("2024-01-05T15:00:00Z"), 1_700_000_000_000_000L),
                row(days("2024-01-05"), micros("2024-01-05T08:00:00Z"), null));
        Path g = write(dir, "b.json", "{\"d\":\"05/01/2024\",\"t\":\"05/01/2024 10:30\"}\n{\"d\":\"2024-01-05\"}\n");
        FileOptions patterns = opts("dateFormat", "dd/MM/yyyy", "timestampFormat", "dd/MM/yyyy HH:mm");
        assertThat(read(JSON, List.of(g), schema, patterns, new int[] {0, 1})).containsExactly(
                row(days("2024-01-05"), micros("2024-01-05T10:30:00Z")), row(null, null));
    }

    @Test
    void wideDecimalsAndNonNumericDoubles() throws Exception {
        Path f = write(dir, "a.json", "{\"w\":123456789012345678901234.56785,\"d\":NaN,\"s\":\"-Infinity\"}\n"
                + "{\"w\":\"1,000.5\",\"d\":\"+INF\",\"s\":\"NaN\"}\n");
        StructType schema = StructType.empty().add("w", new DecimalType(30, 4)).add("d", DataTypes.DoubleType)
                .add("s", DataTypes.DoubleType);
        assertThat(read(JSON, f, schema, opts())).containsExactly(
                row(new BigDecimal("123456789012345678901234.5679"), Double.NaN, Double.NEGATIVE_INFINITY),
                row(new BigDecimal("1000.5000"), Double.POSITIVE_INFINITY, Double.NaN));
        assertThat(FileTestSupport.dropped(JSON, List.of(f), schema,
                opts("allowNonNumericNumbers", "false", "mode", "DROPMALFORMED"))).isEqualTo(2);
    }

    @Test
    void jacksonOptionsAreHonoured() throws Exception {
        Path f = write(dir, "a.json", "{'a':1}\n{b:2}\n{\"a\":007}\n{\"a\":3 /* note */}\n");
        StructType schema = StructType.empty().add("a", DataTypes.LongType).add("b", DataTypes.LongType);
        FileOptions dropping = opts("mode", "DROPMALFORMED");
        assertThat(read(JSON, f, schema, dropping)).containsExactly(row(1L, null));
        FileOptions lenient = opts("mode", "DROPMALFORMED", "allowUnquotedFieldNames", "true",
                "allowNumericLeadingZeros", "true", "allowComments", "true");
        assertThat(read(JSON, f, schema, lenient)).containsExactly(row(1L, null), row(null, 2L), row(7L, null),
                row(3L, null));
        assertThat(read(JSON, f, schema, opts("mode", "DROPMALFORMED", "allowSingleQuotes", "false"))).isEmpty();
    }

    @Test
    void aRepeatedKeyKeepsTheLastValue() throws Exception {
        Path f = write(dir, "a.json", "{\"a\":{\"x\":1},\"b\":[1],\"a\":{\"x\":2},\"b\":[2,3]}\n");
        StructType schema = StructType.empty().add("a", StructType.empty().add("x", DataTypes.IntegerType))
                .add("b", new ArrayType(DataTypes.IntegerType));
        assertThat(read(JSON, f, schema, opts())).containsExactly(row(row(2), List.of(2, 3)));
    }

    @Test
    void customLineSeparatorAndByteOrderMark() throws Exception {
        Path f = write(dir, "a.json", "\uFEFF{\"a\":1}|{\"a\":2}|{\"a\":3}");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType);
        assertThat(read(JSON, f, schema, opts("lineSep", "|", "maxPartitionBytes", "5"))).containsExactly(row(1),
                row(2), row(3));
    }

    @Test
    void emptyAndEscapedStrings() throws Exception {
        Path f = write(dir, "a.json", "{\"m\":{\"✓ k\":\"\",\"e\":\"a\\\"b\\u00e9\\n\"},\"s\":\"\",\"t\":\"x\"}\n");
        StructType schema = StructType.empty().add("m", new MapType(DataTypes.StringType, DataTypes.StringType))
                .add("s", DataTypes.StringType).add("t", DataTypes.StringType);
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("✓ k", "");
        m.put("e", "a\"bé\n");
        assertThat(read(JSON, f, schema, opts())).containsExactly(row(m, "", "x"));
    }

    @Test
    void fieldNamesAreCaseSensitive() throws Exception {
        Path f = write(dir, "a.json", "{\"A\":1,\"a\":2}\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType);
        assertThat(read(JSON, f, schema, opts())).containsExactly(row(2));
    }

    @Test
    void badOptionsAndSchemasAreAnalysisErrors() {
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType);
        assertThatThrownBy(() -> JSON.createScan(List.of(), schema, opts("mode", "FOO")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("'mode'").hasMessageContaining("FOO");
        assertThatThrownBy(() -> JSON.createScan(List.of(), schema, opts("multiLine", "maybe")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("'multiLine'");
        assertThatThrownBy(() -> JSON.createScan(List.of(), schema, opts("encoding", "UTF-16")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> JSON.createScan(List.of(), schema, opts("timestampFormat", "yyyy-qqqq-bad{")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("'timestampFormat'");
        StructType badCorrupt = schema.add("_corrupt_record", DataTypes.IntegerType);
        assertThatThrownBy(() -> JSON.createScan(List.of(), badCorrupt, opts()))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("INVALID_CORRUPT_RECORD_TYPE");
        StructType intKeys = StructType.empty().add("m", new MapType(DataTypes.IntegerType, DataTypes.IntegerType));
        assertThatThrownBy(() -> JSON.createScan(List.of(), intKeys, opts()))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("map keys must be STRING");
    }
}
