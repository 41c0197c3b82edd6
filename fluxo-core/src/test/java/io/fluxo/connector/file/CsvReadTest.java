package io.fluxo.connector.file;

import static io.fluxo.connector.file.FileTestSupport.opts;
import static io.fluxo.connector.file.FileTestSupport.read;
import static io.fluxo.connector.file.FileTestSupport.row;
import static io.fluxo.connector.file.FileTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DecimalType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadTest {
    private static final FileFormat CSV = FileFormats.forName("csv");
    private static final StructType ABC = StructType.empty().add("a", DataTypes.StringType)
            .add("b", DataTypes.StringType).add("c", DataTypes.StringType);

    @TempDir
    Path dir;

    private static long micros(String instant) {
        return DateTimeUtils.toMicros(Instant.parse(instant));
    }

    private static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    @Test
    void readsTypedColumnsSkippingTheHeader() throws Exception {
        Path f = write(dir, "a.csv", "id,name,price,ok,day,at,big\n"
                + "1,Zoé,12.5,TRUE,2024-01-05,2024-01-05 10:00:00,12345678901234567890.12345\n"
                + "+2,\"x, y\",-1e3,false,2024-1-6,2024-01-05T10:00:00Z,-1\n");
        StructType schema = StructType.empty().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType)
                .add("price", DataTypes.DoubleType).add("ok", DataTypes.BooleanType).add("day", DataTypes.DateType)
                .add("at", DataTypes.TimestampType).add("big", new DecimalType(25, 5));
        assertThat(read(CSV, f, schema, opts("header", "true"))).containsExactly(
                row(1, "Zoé", 12.5, true, days("2024-01-05"), micros("2024-01-05T10:00:00Z"),
                        new BigDecimal("12345678901234567890.12345")),
                row(2, "x, y", -1000.0, false, days("2024-01-06"), micros("2024-01-05T10:00:00Z"),
                        new BigDecimal("-1.00000")));
    }

    @Test
    void emptyFieldsAreNullAndNullValueDecides() throws Exception {
        Path f = write(dir, "a.csv", "x,,\"\"\nNA,\"NA\",y\n");
        assertThat(read(CSV, f, ABC, opts())).containsExactly(row("x", null, null), row("NA", "NA", "y"));
        assertThat(read(CSV, f, ABC, opts("nullValue", "NA"))).containsExactly(row("x", null, ""),
                row(null, null, "y"));
        assertThat(read(CSV, f, ABC, opts("nullValue", "NA", "emptyValue", "EMPTY"))).containsExactly(
                row("x", null, "EMPTY"), row(null, null, "y"));
    }

    @Test
    void quotesAndEscapes() throws Exception {
        Path f = write(dir, "a.csv", "\"a,b\",\"say \\\"hi\\\"\",\"x\"\"y\"\n"
                + "\"back\\\\\",\"c:\\dir\",plain\"quote\n"
                + "\"unclosed,x\n");
        assertThat(read(CSV, f, ABC, opts())).containsExactly(row("a,b", "say \"hi\"", "x\"y"),
                row("back\\", "c:\\dir", "plain\"quote"), row("unclosed,x", null, null));
        Path g = write(dir, "b.csv", "'it''s',\"q\"\n");
        assertThat(read(CSV, g, StructType.empty().add("a", DataTypes.StringType).add("b", DataTypes.StringType),
                opts("quote", "'", "escape", "'"))).containsExactly(row("it's", "\"q\""));
        assertThat(read(CSV, g, StructType.empty().add("a", DataTypes.StringType).add("b", DataTypes.StringType),
                opts("quote", ""))).containsExactly(row("'it''s'", "\"q\""));
    }

    @Test
    void textAfterAClosingQuoteFollowsUnescapedQuoteHandling() throws Exception {
        Path f = write(dir, "a.csv", "\"ab\"cd,e,f\n");
        assertThat(read(CSV, f, ABC, opts())).containsExactly(row("ab\"cd", "e", "f"));
        assertThat(read(CSV, f, ABC, opts("unescapedQuoteHandling", "SKIP_VALUE"))).containsExactly(row(null, "e", "f"));
        assertThat(FileTestSupport.dropped(CSV, List.of(f), ABC, opts("unescapedQuoteHandling", "raise_error",
                "mode", "DROPMALFORMED"))).isEqualTo(1);
    }

    @Test
    void multiLineRecordsSpanLinesInsideQuotes() throws Exception {
        Path f = write(dir, "a.csv", "a,b,c\r\n\"line1\r\nline2\",\"x\ny\",z\r\n\r\nlast,\"\"\"q\"\"\",\n");
        assertThat(read(CSV, f, ABC, opts("multiLine", "true", "header", "true"))).containsExactly(
                row("line1\r\nline2", "x\ny", "z"), row("last", "\"q\"", null));
        // Without multiLine, a record is a line: the quoted break splits it into two malformed records.
        StructType withCorrupt = ABC.add("_corrupt_record", DataTypes.StringType);
        assertThat(read(CSV, f, withCorrupt, opts("header", "true"))).hasSize(4);
    }

    @Test
    void multiLineRecordsCrossingBufferRefills() throws Exception {
        StringBuilder sb = new StringBuilder();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String text = "v" + i + "\n" + "y".repeat(i % 100);
            sb.append(i).append(",\"").append(text.replace("\"", "\"\"")).append("\",").append(i % 7).append('\n');
            expected.add(row(String.valueOf(i), text, String.valueOf(i % 7)));
        }
        Path f = write(dir, "big.csv", sb.toString());
        List<ColumnBatch> batches = FileTestSupport.batches(CSV, List.of(f), ABC, opts("multiLine", "true"),
                new int[] {0, 1, 2});
        List<List<Object>> rows = new ArrayList<>();
        batches.forEach(b -> rows.addAll(FileTestSupport.rows(b)));
        assertThat(rows).isEqualTo(expected);
        assertThat(batches.size()).isGreaterThan(4);
    }

    @Test
    void shortAndLongRowsAreMalformed() throws Exception {
        Path f = write(dir, "a.csv", "1,2,3\n4,5\n6,7,8,9\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType).add("b", DataTypes.IntegerType)
                .add("c", DataTypes.IntegerType).add("_corrupt_record", DataTypes.StringType);
        assertThat(read(CSV, f, schema, opts())).containsExactly(row(1, 2, 3, null), row(4, 5, null, "4,5"),
                row(6, 7, 8, "6,7,8,9"));
        assertThat(read(CSV, f, schema, opts("mode", "DROPMALFORMED"))).containsExactly(row(1, 2, 3, null));
        assertThat(FileTestSupport.dropped(CSV, List.of(f), schema, opts("mode", "DROPMALFORMED"))).isEqualTo(2);
        assertThatThrownBy(() -> read(CSV, f, schema, opts("mode", "FAILFAST")))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageContaining("a.csv, line 2: expected 3 columns but found 2");
    }

    @Test
    void badValuesNameTheColumnValueAndLine() throws Exception {
        Path f = write(dir, "x.csv", "amount,name\n# a comment\n1,a\n\nabc,b\n");
        StructType schema = StructType.empty().add("amount", DataTypes.IntegerType).add("name", DataTypes.StringType)
                .add("_corrupt_record", DataTypes.StringType);
        assertThatThrownBy(() -> read(CSV, f, schema, opts("header", "true", "comment", "#", "mode", "FAILFAST")))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageContaining("[MALFORMED_RECORD_IN_PARSING] Malformed records are detected in record parsing: "
                        + "file:" + f + ", line 5: cannot parse 'abc' as INT for column 'amount'.");
        assertThat(read(CSV, f, schema, opts("header", "true", "comment", "#"))).containsExactly(row(1, "a", null),
                row(null, "b", "abc,b"));
    }

    @Test
    void failFastHandsOutEarlierRowsFirst() throws Exception {
        Path f = write(dir, "a.csv", "1\n2\nx\n4\n");
        StructType schema = StructType.empty().add("n", DataTypes.IntegerType);
        io.fluxo.connector.spi.BatchScan scan = CSV.createScan(List.of(f), schema, opts("mode", "FAILFAST"));
        try (io.fluxo.connector.spi.PartitionReader r = scan.createReader(scan.planInputPartitions().get(0),
                new int[] {0})) {
            assertThat(FileTestSupport.rows(r.next())).containsExactly(row(1), row(2));
            assertThatThrownBy(r::next).hasMessageContaining("line 3: cannot parse 'x' as INT for column 'n'");
        }
    }

    @Test
    void escapeOfTheEscape() throws Exception {
        Path f = write(dir, "a.csv", "\"a#\\\",\"b\\\\x\",\"c\\\"d\"\n");
        // With charToEscapeQuoteEscaping '#', #\ is a backslash (so it cannot escape the closing quote).
        assertThat(read(CSV, f, ABC, opts("charToEscapeQuoteEscaping", "#"))).containsExactly(row("a\\",
                "b\\\\x", "c\"d"));
        // By default the escape escapes itself.
        Path g = write(dir, "b.csv", "\"a\\\\\",x,y\n");
        assertThat(read(CSV, g, ABC, opts())).containsExactly(row("a\\", "x", "y"));
    }

    @Test
    void separatorsQuotesCommentsAndWhiteSpace() throws Exception {
        Path tab = write(dir, "t.csv", " a \t b\t\" c \"\n");
        assertThat(read(CSV, tab, ABC, opts("sep", "\\t"))).containsExactly(row(" a ", " b", " c "));
        assertThat(read(CSV, tab, ABC, opts("delimiter", "\t", "ignoreLeadingWhiteSpace", "true",
                "ignoreTrailingWhiteSpace", "true"))).containsExactly(row("a", "b", " c "));
        Path multi = write(dir, "m.csv", "a||b||\"c||d\"\n");
        assertThat(read(CSV, multi, ABC, opts("sep", "||"))).containsExactly(row("a", "b", "c||d"));
        Path custom = write(dir, "c.csv", "a;b;c|d;e;f|");
        assertThat(read(CSV, custom, ABC, opts("sep", ";", "lineSep", "|"))).containsExactly(row("a", "b", "c"),
                row("d", "e", "f"));
    }

    @Test
    void specialDoublesAndFormats() throws Exception {
        Path f = write(dir, "a.csv", "NaN,Inf,-Inf,05/01/2024,05/01/2024 10:30\nnan,INF,1.5,2024-01-05,x\n");
        StructType schema = StructType.empty().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
                .add("c", DataTypes.DoubleType).add("d", DataTypes.DateType).add("t", DataTypes.TimestampType);
        assertThat(read(CSV, f, schema, opts("dateFormat", "dd/MM/yyyy", "timestampFormat", "dd/MM/yyyy HH:mm",
                "timeZone", "+01:00"))).containsExactly(
                row(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, days("2024-01-05"),
                        micros("2024-01-05T09:30:00Z")),
                row(null, null, 1.5, null, null));
        assertThat(read(CSV, f, schema, opts("nanValue", "nan", "positiveInf", "INF")).get(1).subList(0, 2))
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
    }

    @Test
    void splitsReadEveryRecordOnceAndHeaderOnlyAtTheStart() throws Exception {
        StringBuilder sb = new StringBuilder("n,s\n");
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 9000; i++) {
            sb.append(i).append(",\"s").append(i % 13).append("\"").append(i % 5 == 0 ? "\r\n" : "\n");
            expected.add(row((long) i, "s" + (i % 13)));
        }
        Path f = write(dir, "s.csv", sb.toString());
        StructType schema = StructType.empty().add("n", DataTypes.LongType).add("s", DataTypes.StringType);
        for (String size : new String[] {"50", "4096", "1000000"}) {
            assertThat(read(CSV, f, schema, opts("header", "true", "maxPartitionBytes", size, "mode", "FAILFAST")))
                    .as("split size " + size).isEqualTo(expected);
        }
    }

    @Test
    void headersOfEveryFileAreSkippedAndCheckedWithoutEnforceSchema() throws Exception {
        Path a = write(dir, "a.csv", "\uFEFFx,y\n1,2\n");
        Path b = write(dir, "b.csv", "x,y\n3,4\n");
        Path c = write(dir, "c.csv", "y,x\n5,6\n");
        StructType schema = StructType.empty().add("x", DataTypes.IntegerType).add("y", DataTypes.IntegerType);
        assertThat(read(CSV, List.of(a, b, c), schema, opts("header", "true"))).containsExactly(row(1, 2), row(3, 4),
                row(5, 6));
        assertThat(read(CSV, List.of(a, b), schema, opts("header", "true", "enforceSchema", "false")))
                .containsExactly(row(1, 2), row(3, 4));
        assertThatThrownBy(() -> read(CSV, List.of(c), schema, opts("header", "true", "enforceSchema", "false")))
                .isInstanceOf(FluxoRuntimeException.class).hasMessageContaining("CSV header does not conform")
                .hasMessageContaining("Expected: x but found: y").hasMessageContaining("c.csv");
    }

    @Test
    void onlyRequestedColumnsAreReturned() throws Exception {
        Path f = write(dir, "a.csv", "1,x,true\n2,y,false\n");
        StructType schema = StructType.empty().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType)
                .add("c", DataTypes.BooleanType);
        assertThat(read(CSV, List.of(f), schema, opts(), new int[] {2, 0})).containsExactly(row(true, 1),
                row(false, 2));
        List<ColumnBatch> count = FileTestSupport.batches(CSV, List.of(f), schema, opts(), new int[0]);
        assertThat(count.get(0).numRows()).isEqualTo(2);
        assertThat(count.get(0).numColumns()).isZero();
    }

    @Test
    void maxColumnsAndUnsupportedTypes() throws Exception {
        Path f = write(dir, "a.csv", "1,2,3,4\n");
        assertThat(FileTestSupport.dropped(CSV, List.of(f), ABC, opts("maxColumns", "3", "mode", "DROPMALFORMED")))
                .isEqualTo(1);
        StructType arrays = StructType.empty().add("a", new ArrayType(DataTypes.IntegerType));
        assertThatThrownBy(() -> CSV.createScan(List.of(f), arrays, opts())).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE").hasMessageContaining("`a`");
        assertThatThrownBy(() -> CSV.createScan(List.of(f), ABC, opts("sep", ""))).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'sep'");
        assertThatThrownBy(() -> CSV.createScan(List.of(f), ABC, opts("quote", "ab")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("'quote'");
        assertThatThrownBy(() -> CSV.createScan(List.of(f), ABC, opts("header", "yes")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("'header'").hasMessageContaining("yes");
    }
}
