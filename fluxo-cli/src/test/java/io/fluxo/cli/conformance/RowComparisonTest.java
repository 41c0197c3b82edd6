package io.fluxo.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.api.Row;
import io.fluxo.sql.SqlParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows match as multisets or sequences; doubles within a relative 1e-9; the diff names what is missing and extra. */
class RowComparisonTest {
    @Test
    void orderIsIgnoredButMultiplicityCounts() {
        List<Row> actual = List.of(Row.of("a", 1L), Row.of("b", 2L), Row.of("a", 1L));
        assertThat(RowComparison.unordered(actual, List.of(Row.of("a", 1L), Row.of("a", 1L), Row.of("b", 2L))))
                .isEmpty();
        assertThat(RowComparison.unordered(actual, List.of(Row.of("a", 1L), Row.of("b", 2L)))).containsExactly(
                "received 3 rows, expected 2 rows",
                "unexpected (received, not expected):",
                "  [a, 1]");
        assertThat(RowComparison.unordered(List.of(), List.of())).isEmpty();
    }

    @Test
    void diffListsMissingAndUnexpectedRowsCompactly() {
        List<String> diff = RowComparison.unordered(List.of(Row.of("a", 3L, 3.0), Row.of("b", null, 1.0)),
                List.of(Row.of("a", 2L, 3.0), Row.of("b", null, 1.0)));
        assertThat(diff).containsExactly(
                "received 2 rows, expected 2 rows",
                "missing (expected, not received):",
                "  [a, 2, 3.0]",
                "unexpected (received, not expected):",
                "  [a, 3, 3.0]");
    }

    @Test
    void doublesMatchWithinARelativeTolerance() {
        assertThat(RowComparison.valuesEqual(0.1 + 0.2, 0.3)).isTrue();
        assertThat(RowComparison.valuesEqual(1e20, 1e20 * (1 + 1e-10))).isTrue();
        assertThat(RowComparison.valuesEqual(1.0, 1.0 + 1e-8)).isFalse();
        assertThat(RowComparison.valuesEqual(0.0, 1e-300)).isFalse();
        assertThat(RowComparison.valuesEqual(0.0, -0.0)).isTrue();
        assertThat(RowComparison.valuesEqual(Double.NaN, Double.NaN)).isTrue();
        assertThat(RowComparison.valuesEqual(Double.NaN, 1.0)).isFalse();
        assertThat(RowComparison.valuesEqual(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(RowComparison.valuesEqual(Double.POSITIVE_INFINITY, Double.MAX_VALUE)).isFalse();
        assertThat(RowComparison.unordered(List.of(Row.of(List.of(0.30000000000000004))),
                List.of(Row.of(List.of(0.3))))).isEmpty();
    }

    @Test
    void otherValuesMatchExactlyWithTheirJavaTypes() {
        assertThat(RowComparison.valuesEqual(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
        assertThat(RowComparison.valuesEqual(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(RowComparison.valuesEqual(Map.of("k", 1.0), Map.of("k", 1.0 + 1e-12))).isTrue();
        assertThat(RowComparison.valuesEqual(Map.of("k", 1.0), Map.of("j", 1.0))).isFalse();
        assertThat(RowComparison.valuesEqual(Row.of(1, "x"), Row.of(1, "x"))).isTrue();
        assertThat(RowComparison.valuesEqual(Arrays.asList(1, null), Arrays.asList(1, null))).isTrue();
        assertThat(RowComparison.valuesEqual(null, 1)).isFalse();
        assertThat(RowComparison.valuesEqual(2, 2L)).isFalse();
    }

    @Test
    void timestampsWrittenAsSecondsOrIsoMatchInstants() {
        var schema = SqlParser.parseTableSchema("start TIMESTAMP, n BIGINT");
        List<Row> expected = YamlValues.rows(((YamlNode.Sequence) YamlReader.read(
                "[[10, 5], [\"1970-01-01T00:00:15Z\", 1]]", "test")).items(), schema);
        List<Row> actual = List.of(Row.of(Instant.ofEpochSecond(15), 1L), Row.of(Instant.ofEpochSecond(10), 5L));
        assertThat(RowComparison.unordered(actual, expected)).isEmpty();
        assertThat(RowComparison.ordered(actual, expected)).startsWith(
                "the rows match but not their order; the first difference is at row 1");
    }

    @Test
    void orderedComparisonShowsBothSequences() {
        List<Row> actual = List.of(Row.of("c", 3L), Row.of("b", 1L), Row.of("a", 2L));
        List<Row> expected = List.of(Row.of("c", 3L), Row.of("a", 2L), Row.of("b", 1L));
        assertThat(RowComparison.ordered(actual, expected)).containsExactly(
                "the rows match but not their order; the first difference is at row 2",
                "received:",
                "  1. [c, 3]",
                "  2. [b, 1]",
                "  3. [a, 2]",
                "expected:",
                "  1. [c, 3]",
                "  2. [a, 2]",
                "  3. [b, 1]");
        assertThat(RowComparison.ordered(expected, expected)).isEmpty();
        assertThat(RowComparison.ordered(List.of(Row.of("c", 3L)), expected)).first().asString()
                .isEqualTo("received 1 row, expected 3 rows");
    }

    @Test
    void rowsThatPrintAlikeAreExplainedByTheirTypes() {
        assertThat(RowComparison.unordered(List.of(Row.of("a", 2)), List.of(Row.of("a", 2L))))
                .contains("rows that print alike differ in their Java types: expected [String, Long], received"
                        + " [String, Integer]");
    }

    @Test
    void longDiffsAreCut() {
        List<Row> many = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(Row.of(i));
        }
        List<String> diff = RowComparison.unordered(many, List.of());
        assertThat(diff).hasSize(2 + 20 + 1).endsWith("  … and 5 more");
    }

    @Test
    void valuesPrintAsCasesWriteThem() {
        assertThat(RowText.of(Row.of(null, "a", 2L, 3.0, new BigDecimal("1.50"), Instant.ofEpochSecond(10),
                java.time.LocalDate.of(2024, 3, 1), new byte[] {10, -1}, List.of(1, 2), Map.of("k", 1),
                Row.of(1, "x")))).isEqualTo("[null, a, 2, 3.0, 1.50, 1970-01-01T00:00:10Z, 2024-03-01, 0x0AFF,"
                + " [1, 2], {k: 1}, {1, x}]");
    }
}
