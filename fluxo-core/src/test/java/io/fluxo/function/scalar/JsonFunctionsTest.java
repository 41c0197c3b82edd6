package io.fluxo.function.scalar;

import static io.fluxo.function.scalar.FunctionTester.bind;
import static io.fluxo.function.scalar.FunctionTester.col;
import static io.fluxo.function.scalar.FunctionTester.eval;
import static io.fluxo.function.scalar.FunctionTester.eval1;
import static io.fluxo.function.scalar.FunctionTester.evalIn;
import static io.fluxo.function.scalar.FunctionTester.lit;
import static io.fluxo.function.scalar.FunctionTester.micros;
import static io.fluxo.function.scalar.FunctionTester.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFunctionsTest {

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<Object> fields(Object struct) {
        return struct == null ? null : Arrays.asList((Object[]) struct);
    }

    @Test
    void fromJsonReadsAStructByTheSchema() {
        List<Object> out = eval("from_json", strings("{\"a\":1, \"b\":\"x\"}", "{\"b\":\"y\",\"zzz\":[1,{}]}",
                null, "", "{\"a\":\"not an int\",\"b\":2}"), lit("a INT, b STRING"));
        assertThat(fields(out.get(0))).isEqualTo(row(1, "x"));
        assertThat(fields(out.get(1))).isEqualTo(row(null, "y"));
        assertThat(out.get(2)).isNull();
        assertThat(out.get(3)).isNull();
        assertThat(fields(out.get(4))).isEqualTo(row(null, "2"));
        assertThat(bind("from_json", strings("{}"), lit("a INT, b STRING")).resultType()).isEqualTo(
                new StructType(List.of(new StructField("a", IntegerType.INSTANCE), new StructField("b",
                        StringType.INSTANCE))));
    }

    @Test
    void fromJsonMatchesFieldNamesExactlyAndTheLastDuplicateWins() {
        // Both as Spark 4.0.1: {"A":1,"b":2} → {null, 2}; {"a":1,"a":2} → {2}.
        List<Object> out = eval("from_json", strings("{\"A\":1,\"b\":2}", "{\"a\":1,\"a\":2,\"b\":3}"),
                lit("a INT, b INT"));
        assertThat(fields(out.get(0))).isEqualTo(row(null, 2));
        assertThat(fields(out.get(1))).isEqualTo(row(2, 3));
    }

    @Test
    void fromJsonMalformedRecordsGiveNullFieldsOrFailFast() {
        List<Object> out = eval("from_json", strings("{\"a\":1, \"b\"", "[1]", "{\"a\":2}"), lit("a INT, b INT"));
        assertThat(fields(out.get(0))).isEqualTo(row(null, null));
        assertThat(fields(out.get(1))).isEqualTo(row(null, null));
        assertThat(fields(out.get(2))).isEqualTo(row(2, null));
        Map<String, String> failFast = Map.of("mode", "FAILFAST");
        assertThatThrownBy(() -> eval("from_json", strings("{bad"), lit("a INT"), lit(new MapType(
                StringType.INSTANCE, StringType.INSTANCE), failFast)))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION]");
    }

    @Test
    void fromJsonNestedTypes() {
        String schema = "id BIGINT, tags ARRAY<STRING>, attrs MAP<STRING, DOUBLE>, inner STRUCT<x: DECIMAL(5,2), "
                + "ok BOOLEAN>, at TIMESTAMP, raw STRING";
        List<Object> out = eval("from_json", strings("{\"id\":12345678901,\"tags\":[\"a\",null,\"b\"],"
                + "\"attrs\":{\"k\":1.5,\"m\":null,\"n\":\"NaN\"},\"inner\":{\"x\":3.14159,\"ok\":true},"
                + "\"at\":\"2020-01-02 03:04:05\",\"raw\":{\"q\":[1, 2]}}"), lit(schema));
        List<Object> f = fields(out.get(0));
        assertThat(f.get(0)).isEqualTo(12345678901L);
        assertThat(f.get(1)).isEqualTo(row("a", null, "b"));
        Map<Object, Object> attrs = new LinkedHashMap<>();
        attrs.put("k", 1.5);
        attrs.put("m", null);
        attrs.put("n", Double.NaN);
        assertThat(f.get(2)).isEqualTo(attrs);
        assertThat(fields(f.get(3))).isEqualTo(row(new BigDecimal("3.14"), true));
        assertThat(f.get(4)).isEqualTo(micros("2020-01-02T03:04:05Z"));
        assertThat(f.get(5)).isEqualTo("{\"q\":[1,2]}");
    }

    @Test
    void fromJsonArrayAndMapRoots() {
        assertThat(eval("from_json", strings("[1,2,null]", "{\"a\":1}", "[1,"), lit("ARRAY<INT>")))
                .containsExactly(row(1, 2, null), null, null);
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("a", 1L);
        assertThat(eval("from_json", strings("{\"a\":1}"), lit("MAP<STRING, BIGINT>"))).containsExactly(m);
    }

    @Test
    void fromJsonNeedsALiteralSchema() {
        assertThatThrownBy(() -> bind("from_json", strings("{}"), strings("a INT")))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("[INVALID_SCHEMA.NON_STRING_LITERAL]");
        assertThatThrownBy(() -> bind("from_json", strings("{}"), lit("a WHATEVER")))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("[INVALID_SCHEMA.PARSE_ERROR]");
    }

    @Test
    void schemaParserCanBeReplaced() {
        SchemaParser before = SchemaParser.installed();
        try {
            SchemaParser.install(text -> new StructType(List.of(new StructField("only", LongType.INSTANCE))));
            assertThat(bind("from_json", strings("{}"), lit("ignored")).resultType())
                    .isEqualTo(new StructType(List.of(new StructField("only", LongType.INSTANCE))));
        } finally {
            SchemaParser.install(before);
        }
    }

    @Test
    void minimalSchemaParser() {
        SchemaParser p = SchemaParser.minimal();
        assertThat(p.parse("INT")).isEqualTo(IntegerType.INSTANCE);
        assertThat(p.parse("array<map<string,double>>")).isEqualTo(new ArrayType(new MapType(StringType.INSTANCE,
                DoubleType.INSTANCE)));
        assertThat(p.parse("a INT NOT NULL, `b c` DECIMAL(10, 2) COMMENT 'x', date DATE")).isEqualTo(new StructType(
                List.of(new StructField("a", IntegerType.INSTANCE, false),
                        new StructField("b c", new DecimalType(10, 2)),
                        new StructField("date", io.fluxo.types.DateType.INSTANCE))));
        assertThat(p.parse("STRUCT<a: INT, b: ARRAY<STRING>>")).isInstanceOf(StructType.class);
        assertThatThrownBy(() -> p.parse("a INT,")).isInstanceOf(AnalysisException.class);
    }

    @Test
    void toJsonWritesSparkFormat() {
        assertThat(eval1("to_json", lit(new StructType(List.of(new StructField("a", IntegerType.INSTANCE),
                new StructField("b", StringType.INSTANCE))), new Object[] {1, null}))).isEqualTo("{\"a\":1}");
        StructType t = new StructType(List.of(new StructField("s", StringType.INSTANCE),
                new StructField("d", DoubleType.INSTANCE), new StructField("ts", TimestampType.INSTANCE),
                new StructField("arr", new ArrayType(IntegerType.INSTANCE)),
                new StructField("m", new MapType(StringType.INSTANCE, IntegerType.INSTANCE))));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("k", null);
        Object[] value = {"q\"uote", 1.0, micros("2024-01-02T03:04:05.120Z"), Arrays.asList(1, null), m};
        assertThat(eval("to_json", col(t, value, null))).containsExactly(
                "{\"s\":\"q\\\"uote\",\"d\":1.0,\"ts\":\"2024-01-02T03:04:05.120Z\",\"arr\":[1,null],"
                        + "\"m\":{\"k\":null}}", null);
        assertThat(evalIn(ZoneId.of("+02:00"), "to_json", col(t, (Object) new Object[] {null, null,
                micros("2024-01-02T03:04:05Z"), null, null}))).containsExactly(
                "{\"ts\":\"2024-01-02T05:04:05.000+02:00\"}");
        assertThat(eval1("to_json", lit(new ArrayType(IntegerType.INSTANCE), Arrays.asList(1, 2)))).isEqualTo(
                "[1,2]");
        assertThatThrownBy(() -> bind("to_json", lit(1))).hasMessageContaining("UNEXPECTED_INPUT_TYPE");
    }

    @Test
    void toJsonThenFromJsonRoundTrips() {
        DataType t = SchemaParser.minimal().parse("a INT, b ARRAY<STRING>, c MAP<STRING, BIGINT>");
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("x", 5L);
        Object[] value = {3, Arrays.asList("p", "q"), m};
        String json = (String) eval1("to_json", lit(t, value));
        assertThat(fields(eval1("from_json", json, "a INT, b ARRAY<STRING>, c MAP<STRING, BIGINT>")))
                .isEqualTo(row(3, Arrays.asList("p", "q"), m));
    }

    @Test
    void getJsonObject() {
        String json = "{\"a\":{\"b\":[1,2]},\"s\":\"text\",\"n\":null,\"o\":{\"x\":\"y\"},"
                + "\"arr\":[{\"k\":1},{\"k\":2}],\"one\":[{\"k\":\"v\"}]}";
        assertThat(eval1("get_json_object", "{\"a\":{\"b\":[1,2]}}", "$.a.b[1]")).isEqualTo("2");
        assertThat(eval1("get_json_object", json, "$.a")).isEqualTo("{\"b\":[1,2]}");
        assertThat(eval1("get_json_object", json, "$.s")).isEqualTo("text");
        assertThat(eval1("get_json_object", json, "$['s']")).isEqualTo("text");
        assertThat(eval1("get_json_object", json, "$.n")).isNull();
        assertThat(eval1("get_json_object", json, "$.missing")).isNull();
        assertThat(eval1("get_json_object", json, "$.a.b[5]")).isNull();
        assertThat(eval1("get_json_object", json, "$.arr[*].k")).isEqualTo("[1,2]");
        assertThat(eval1("get_json_object", json, "$.one[*].k")).isEqualTo("\"v\"");
        assertThat(eval1("get_json_object", json, "$.a.b")).isEqualTo("[1,2]");
        assertThat(eval1("get_json_object", json, "$")).isEqualTo(
                eval1("get_json_object", json, "$"));
        assertThat(eval1("get_json_object", json, "a")).isNull();
        assertThat(eval1("get_json_object", "{bad", "$.a")).isNull();
        assertThat(eval("get_json_object", strings(json, json, null), strings("$.s", "$.o.x", "$.s")))
                .containsExactly("text", "y", null);
    }
}
