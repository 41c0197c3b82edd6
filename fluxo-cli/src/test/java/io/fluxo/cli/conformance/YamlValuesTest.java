package io.fluxo.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.api.Row;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML values become Fluxo's Java values by schema; what cannot fit is refused with the column's name. */
class YamlValuesTest {
    private static YamlNode yaml(String text) {
        return YamlReader.read(text, "test");
    }

    private static Object value(String yaml, String type) {
        return YamlValues.value(yaml(yaml), SqlParser.parseDataType(type), "c");
    }

    private static Row row(String yaml, String schema) {
        return YamlValues.row(yaml(yaml), SqlParser.parseTableSchema(schema));
    }

    @Test
    void scalarsByType() {
        assertThat(value("3", "INT")).isEqualTo(3);
        assertThat(value("-3", "BIGINT")).isEqualTo(-3L);
        assertThat(value("1_000", "BIGINT")).isEqualTo(1000L);
        assertThat(value("9000000000", "BIGINT")).isEqualTo(9_000_000_000L);
        assertThat(value("2.5", "DOUBLE")).isEqualTo(2.5);
        assertThat(value("2", "DOUBLE")).isEqualTo(2.0);
        assertThat(value("1e3", "DOUBLE")).isEqualTo(1000.0);
        assertThat(value("abc", "STRING")).isEqualTo("abc");
        assertThat(value("yes", "STRING")).isEqualTo("yes");
        assertThat(value("3", "STRING")).isEqualTo("3");
        assertThat(value("true", "BOOLEAN")).isEqualTo(true);
        assertThat(value("no", "BOOLEAN")).isEqualTo(false);
        assertThat(value("'false'", "BOOLEAN")).isEqualTo(false);
        assertThat(value("hi", "BINARY")).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(value("null", "INT")).isNull();
        assertThat(value("~", "STRING")).isNull();
        assertThat(value("null", "VOID")).isNull();
    }

    @Test
    void specialDoubles() {
        assertThat((Double) value(".nan", "DOUBLE")).isNaN();
        assertThat((Double) value("NaN", "DOUBLE")).isNaN();
        assertThat(value(".inf", "DOUBLE")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(value("-.inf", "DOUBLE")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(value("'-Infinity'", "DOUBLE")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void decimalsKeepEveryDigitAndTakeTheTypesScale() {
        assertThat(value("1.5", "DECIMAL(10,2)")).isEqualTo(new BigDecimal("1.50"));
        assertThat(value("12345678901234567890.123456789012345678", "DECIMAL(38,18)"))
                .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
        assertThatThrownBy(() -> value("1.234", "DECIMAL(10,2)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("c: 1.234 has more than 2 digits after the point for DECIMAL(10,2)");
        assertThatThrownBy(() -> value("123456", "DECIMAL(5,2)"))
                .hasMessage("c: 123456 has more digits than DECIMAL(5,2) holds");
    }

    @Test
    void timestampsFromIsoTextOrSecondsSinceTheEpoch() {
        assertThat(value("10", "TIMESTAMP")).isEqualTo(Instant.ofEpochSecond(10));
        assertThat(value("1.5", "TIMESTAMP")).isEqualTo(Instant.ofEpochSecond(1, 500_000_000));
        assertThat(value("-1", "TIMESTAMP")).isEqualTo(Instant.ofEpochSecond(-1));
        assertThat(value("1970-01-01T00:00:10Z", "TIMESTAMP")).isEqualTo(Instant.ofEpochSecond(10));
        assertThat(value("'2024-05-01T10:01:00Z'", "TIMESTAMP")).isEqualTo(Instant.parse("2024-05-01T10:01:00Z"));
        assertThat(value("2024-05-01 10:01:00", "TIMESTAMP")).isEqualTo(Instant.parse("2024-05-01T10:01:00Z"));
        assertThat(value("2024-05-01T12:01:00+02:00", "TIMESTAMP")).isEqualTo(Instant.parse("2024-05-01T10:01:00Z"));
        assertThatThrownBy(() -> value("soon", "TIMESTAMP")).hasMessage("c: expected a TIMESTAMP (an ISO-8601"
                + " instant such as 1970-01-01T00:00:10Z, or seconds since the epoch), got the text 'soon'");
        assertThatThrownBy(() -> value("0.0000001", "TIMESTAMP"))
                .hasMessage("c: 0.0000001 seconds is not a timestamp with microsecond precision");
    }

    @Test
    void dates() {
        assertThat(value("2024-03-01", "DATE")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(value("'1969-12-31'", "DATE")).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThatThrownBy(() -> value("20240301x", "DATE")).hasMessage("c: expected a DATE (YYYY-MM-DD), got the"
                + " text '20240301x'");
        assertThatThrownBy(() -> value("3", "DATE")).hasMessageStartingWith("c: expected a DATE");
    }

    @Test
    void nestedValues() {
        assertThat(value("[1, null, 3]", "ARRAY<INT>")).isEqualTo(Arrays.asList(1, null, 3));
        assertThat(value("[]", "ARRAY<STRING>")).isEqualTo(List.of());
        Map<String, Long> withNull = new HashMap<>();
        withNull.put("a", 1L);
        withNull.put("b", null);
        assertThat(value("{a: 1, b: null}", "MAP<STRING, BIGINT>")).isEqualTo(withNull);
        assertThat(value("{1: x, 2: y}", "MAP<INT, STRING>")).isEqualTo(Map.of(1, "x", 2, "y"));
        Object struct = value("[10, [a, b]]", "STRUCT<start: TIMESTAMP, tags: ARRAY<STRING>>");
        assertThat(struct).isEqualTo(Row.of(Instant.ofEpochSecond(10), List.of("a", "b")));
        assertThat(((Row) struct).schema().fieldNames()).containsExactly("start", "tags");
    }

    @Test
    void rowsFollowTheSchema() {
        Row r = row("[1970-01-01T00:00:10Z, a, 1.0]", "ts TIMESTAMP, user STRING, amount DOUBLE");
        assertThat(r).isEqualTo(Row.of(Instant.ofEpochSecond(10), "a", 1.0));
        assertThat(r.schema()).isEqualTo(SqlParser.parseTableSchema("ts TIMESTAMP, user STRING, amount DOUBLE"));
        assertThat(YamlValues.rows(((YamlNode.Sequence) yaml("[[1], [null]]")).items(),
                StructType.empty().add("v", DataTypes.IntegerType)))
                .containsExactly(Row.of(1), Row.of((Object) null));
    }

    @Test
    void mistakesNameTheColumn() {
        assertThatThrownBy(() -> value("abc", "INT")).hasMessage("c: expected an INT, got the text 'abc'");
        assertThatThrownBy(() -> value("2.5", "INT")).hasMessage("c: expected an INT, got the number 2.5");
        assertThatThrownBy(() -> value("3000000000", "INT")).hasMessage("c: 3000000000 is out of the range of INT");
        assertThatThrownBy(() -> value("maybe", "BOOLEAN")).hasMessage("c: expected a BOOLEAN, got the text 'maybe'");
        assertThatThrownBy(() -> value("[1]", "STRING")).hasMessage("c: STRING is written as a single value, got a"
                + " list");
        assertThatThrownBy(() -> value("3", "ARRAY<INT>")).hasMessage("c: ARRAY<INT> is written as a list, got the"
                + " number 3");
        assertThatThrownBy(() -> value("[1, x]", "ARRAY<INT>")).hasMessage("c[2]: expected an INT, got the text 'x'");
        assertThatThrownBy(() -> value("[1]", "STRUCT<a: INT, b: INT>"))
                .hasMessage("c: a struct is the list of its 2 fields (a INT, b INT), got 1 values [1]");
        assertThatThrownBy(() -> value("[1, x]", "STRUCT<a: INT, b: INT>"))
                .hasMessage("c.b: expected an INT, got the text 'x'");
        assertThatThrownBy(() -> value("{x: 1}", "MAP<INT, INT>")).hasMessage("c key: expected an INT, got the text"
                + " 'x'");
        assertThatThrownBy(() -> value("1", "VOID")).hasMessage("c: a VOID column holds only null, got the number 1");
        assertThatThrownBy(() -> row("a", "a INT")).hasMessage("a row is a list of values, got the text 'a'");
        assertThatThrownBy(() -> row("[1]", "a INT, b INT"))
                .hasMessage("the row has 1 value [1], the schema 2 (a INT, b INT)");
        assertThatThrownBy(() -> YamlValues.rows(((YamlNode.Sequence) yaml("[[1], [x]]")).items(),
                SqlParser.parseTableSchema("a INT"))).hasMessage("row 2: a: expected an INT, got the text 'x'");
    }
}
