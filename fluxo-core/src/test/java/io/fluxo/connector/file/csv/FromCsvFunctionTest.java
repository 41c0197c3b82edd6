package io.fluxo.connector.file.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.functions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** from_csv; every expected value was taken from Spark 4.0.1 running the same SQL. */
class FromCsvFunctionTest {
    private static Session spark;

    @BeforeAll
    static void start() {
        spark = Session.builder().create();
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    /** The struct of the only row of {@code SELECT <expr>}, as text of its fields. */
    private static String struct(String expr) {
        Row r = spark.sql("SELECT " + expr + " AS r").collectAsList().get(0);
        Object v = r.get(0);
        return v == null ? "null" : v.toString();
    }

    @Test
    void readsARecordByPosition() {
        assertThat(struct("from_csv('1,a,2.5', 'x INT, y STRING, z DOUBLE')")).isEqualTo("[1,a,2.5]");
        assertThat(struct("from_csv('1;\"a;b\";3', 'x INT, y STRING, z INT', map('sep', ';'))"))
                .isEqualTo("[1,a;b,3]");
        assertThat(struct("from_csv('1, a ,3', 'x INT, y STRING, z INT')")).isEqualTo("[1, a ,3]");
        assertThat(struct("from_csv('1,,3', 'x INT, y STRING, z INT')")).isEqualTo("[1,null,3]");
        assertThat(struct("from_csv('1,NA', 'x INT, y STRING', map('nullValue', 'NA'))")).isEqualTo("[1,null]");
        assertThat(struct("from_csv(CAST(NULL AS STRING), 'x INT, y STRING')")).isEqualTo("null");
        assertThat(struct("from_csv('26/08/2015', 'time TIMESTAMP', map('timestampFormat', 'dd/MM/yyyy'))"))
                .isEqualTo("[2015-08-26T00:00:00Z]");
        assertThat(spark.sql("SELECT from_csv('1,a', 'x INT, y STRING') AS r").schema().field(0).dataType()
                .simpleString()).isEqualTo("struct<x:int,y:string>");
    }

    @Test
    void permissiveKeepsWhatParsedAndFillsTheCorruptRecordField() {
        assertThat(struct("from_csv('1,a', 'x INT, y STRING, z DOUBLE')")).isEqualTo("[1,a,null]");
        assertThat(struct("from_csv('1,a,2.5,9', 'x INT, y STRING, z DOUBLE')")).isEqualTo("[1,a,2.5]");
        assertThat(struct("from_csv('zz,a,2.5', 'x INT, y STRING, z DOUBLE')")).isEqualTo("[null,a,2.5]");
        assertThat(struct("from_csv(' 1', 'x INT')")).isEqualTo("[null]");
        assertThat(struct("from_csv('', 'x INT, y STRING')")).isEqualTo("[null,null]");
        assertThat(struct("from_csv('x,y', 'x INT, y INT')")).isEqualTo("[null,null]");
        assertThat(struct("from_csv('zz,a,2.5', 'x INT, y STRING, z DOUBLE, _corrupt_record STRING')"))
                .isEqualTo("[null,a,2.5,zz,a,2.5]");
        assertThat(struct("from_csv('1,a,2.5,9', 'x INT, y STRING, z DOUBLE, _corrupt_record STRING')"))
                .isEqualTo("[1,a,2.5,1,a,2.5,9]");
        assertThat(struct("from_csv('1,a', 'x INT, y STRING, z DOUBLE, _corrupt_record STRING')"))
                .isEqualTo("[1,a,null,1,a]");
        assertThat(struct("from_csv('zz,a', 'x INT, y STRING, bad STRING', map('columnNameOfCorruptRecord', "
                + "'bad'))")).isEqualTo("[null,a,zz,a]");
        assertThat(struct("from_csv('1,a', 'x INT, y STRING', map('columnNameOfCorruptRecord', 'bad'))"))
                .isEqualTo("[1,a]");
    }

    @Test
    void failFastStopsAtTheFirstMalformedRecordNamingIt() {
        assertThatThrownBy(() -> struct("from_csv('zz,a,2.5', 'x INT, y STRING, z DOUBLE', map('mode', 'FAILFAST'))"))
                .hasMessageContaining("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION")
                .hasMessageContaining("cannot parse 'zz' as INT for column 'x' in 'zz,a,2.5'");
        assertThatThrownBy(() -> struct("from_csv('1,a', 'x INT, y STRING, z DOUBLE', map('mode', 'FAILFAST'))"))
                .hasMessageContaining("expected 3 columns but found 2");
        assertThatThrownBy(() -> struct("from_csv('', 'x INT', map('mode', 'FAILFAST'))"))
                .hasMessageContaining("MALFORMED_RECORD_IN_PARSING");
        assertThat(struct("from_csv('1,a', 'x INT, y STRING', map('mode', 'FAILFAST'))")).isEqualTo("[1,a]");
    }

    @Test
    void badArgumentsAreAnalysisErrors() {
        assertThatThrownBy(() -> struct("from_csv('zz', 'x INT', map('mode', 'DROPMALFORMED'))"))
                .hasMessageContaining("PARSE_MODE_UNSUPPORTED")
                .hasMessageContaining("doesn't support the DROPMALFORMED mode");
        assertThatThrownBy(() -> struct("from_csv('1,a', 'INT')")).hasMessageContaining(
                "INVALID_SCHEMA.NON_STRUCT_TYPE");
        assertThatThrownBy(() -> struct("from_csv('zz', 'x INT, _corrupt_record INT')"))
                .hasMessageContaining("INVALID_CORRUPT_RECORD_TYPE");
        assertThatThrownBy(() -> struct("from_csv('1', 'x INT, y STRUCT<a: INT>')"))
                .hasMessageContaining("STRUCT<a: INT>");
    }

    @Test
    void theDataFrameFunctionTakesOptions() {
        List<Row> rows = spark.sql("SELECT '1|x' AS line").select(
                functions.from_csv(functions.col("line"), "n INT, s STRING", Map.of("sep", "|")).as("r"))
                .selectExpr("r.n", "r.s").collectAsList();
        assertThat(rows.get(0).toList()).containsExactly(1, "x");
    }
}
