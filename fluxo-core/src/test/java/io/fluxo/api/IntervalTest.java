package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.FluxoException;
import io.fluxo.errors.ParseException;
import io.fluxo.types.StructField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ANSI interval literals, types and arithmetic; every expectation was taken from Spark 4.0.1 running the same SQL. */
class IntervalTest {
    private static Session spark;

    @BeforeAll
    static void start() {
        spark = Session.builder().master("local[1]").create();
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    private static DataFrame select(String... exprs) {
        return spark.range(1).selectExpr(exprs);
    }

    private static List<String> types(DataFrame df) {
        return df.schema().fields().stream().map(StructField::dataType).map(t -> t.simpleString()).toList();
    }

    /** Each column cast to STRING, as Spark writes values. */
    private static List<Object> strings(DataFrame df) {
        String[] casts = Arrays.stream(df.columns()).map(c -> "CAST(`" + c.replace("`", "``") + "` AS STRING)")
                .toArray(String[]::new);
        return df.selectExpr(casts).collectAsList().get(0).toList();
    }

    @Test
    void literalsTakeTheNarrowestTypeAndSparksNames() {
        DataFrame df = select("INTERVAL 1 HOUR", "INTERVAL 10 MINUTES", "INTERVAL '5' SECOND",
                "INTERVAL 1 HOUR 30 MINUTES", "INTERVAL 1.5 SECONDS", "INTERVAL '1 day 2 hours'",
                "INTERVAL '1 10:30' DAY TO MINUTE", "INTERVAL '1-2' YEAR TO MONTH");
        assertThat(df.columns()).containsExactly("INTERVAL '01' HOUR", "INTERVAL '10' MINUTE", "INTERVAL '05' SECOND",
                "INTERVAL '01:30' HOUR TO MINUTE", "INTERVAL '01.5' SECOND", "INTERVAL '1 02' DAY TO HOUR",
                "INTERVAL '1 10:30' DAY TO MINUTE", "INTERVAL '1-2' YEAR TO MONTH");
        assertThat(types(df)).containsExactly("interval hour", "interval minute", "interval second",
                "interval hour to minute", "interval second", "interval day to hour", "interval day to minute",
                "interval year to month");
        assertThat(df.collectAsList().get(0).toList()).containsExactly(Duration.ofHours(1), Duration.ofMinutes(10),
                Duration.ofSeconds(5), Duration.ofMinutes(90), Duration.ofMillis(1500), Duration.ofHours(26),
                Duration.ofMinutes(34 * 60 + 30), Period.of(1, 2, 0));

        DataFrame more = select("INTERVAL 1 WEEK", "INTERVAL 2 YEARS", "INTERVAL 3 MONTHS", "INTERVAL 500 MILLISECONDS",
                "INTERVAL -90 MINUTES", "-INTERVAL 1 DAY", "INTERVAL '100' HOUR", "INTERVAL 100000 DAYS",
                "INTERVAL '-1 10:00:00' DAY TO SECOND", "INTERVAL 3 YEARS 2 MONTHS", "INTERVAL 1 MICROSECOND",
                "INTERVAL 61 SECONDS", "INTERVAL 1 SECOND 500 MILLISECONDS");
        assertThat(strings(more)).containsExactly("INTERVAL '7' DAY", "INTERVAL '2' YEAR", "INTERVAL '3' MONTH",
                "INTERVAL '00.5' SECOND", "INTERVAL '-90' MINUTE", "INTERVAL '-1' DAY", "INTERVAL '100' HOUR",
                "INTERVAL '100000' DAY", "INTERVAL '-1 10:00:00' DAY TO SECOND", "INTERVAL '3-2' YEAR TO MONTH",
                "INTERVAL '00.000001' SECOND", "INTERVAL '61' SECOND", "INTERVAL '01.5' SECOND");
        assertThat(more.columns()[5]).isEqualTo("(- INTERVAL '1' DAY)");
    }

    @Test
    void badLiteralsAreParseErrors() {
        assertThatThrownBy(() -> select("INTERVAL 1 MONTH 2 DAYS")).isInstanceOf(ParseException.class)
                .hasMessageContaining("Cannot mix year-month and day-time fields: INTERVAL 1 MONTH 2 DAYS");
        assertThatThrownBy(() -> select("INTERVAL 1.5 HOUR")).isInstanceOf(ParseException.class)
                .hasMessageContaining("INVALID_INTERVAL_FORMAT.INVALID_FRACTION")
                .hasMessageContaining("hour cannot have fractional part");
        assertThatThrownBy(() -> select("INTERVAL '1 25:00' DAY TO MINUTE")).isInstanceOf(ParseException.class)
                .hasMessageContaining("hour 25 outside range [0, 23]");
    }

    @Test
    void timestampsAndDatesShiftByIntervals() {
        DataFrame df = select("TIMESTAMP'2024-01-31 10:00:00' + INTERVAL 1 HOUR",
                "TIMESTAMP'2024-01-31 10:00:00' - INTERVAL 1 HOUR", "TIMESTAMP'2024-01-31 10:00:00' + INTERVAL 1 MONTH",
                "TIMESTAMP'2024-01-31 10:00:00' + INTERVAL '1 10' DAY TO HOUR");
        assertThat(df.columns()).containsExactly("TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '01' HOUR",
                "TIMESTAMP '2024-01-31 10:00:00' - INTERVAL '01' HOUR",
                "TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1' MONTH",
                "TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 10' DAY TO HOUR");
        assertThat(df.collectAsList().get(0).toList()).containsExactly(Instant.parse("2024-01-31T11:00:00Z"),
                Instant.parse("2024-01-31T09:00:00Z"), Instant.parse("2024-02-29T10:00:00Z"),
                Instant.parse("2024-02-01T20:00:00Z"));

        DataFrame dates = select("DATE'2024-01-31' + INTERVAL 1 DAY AS a", "DATE'2024-01-31' + INTERVAL 1 HOUR AS b",
                "DATE'2024-01-31' + INTERVAL 1 MONTH AS c", "INTERVAL 1 DAY + DATE'2024-01-31' AS d");
        assertThat(types(dates)).containsExactly("date", "timestamp", "date", "date");
        assertThat(dates.collectAsList().get(0).toList()).containsExactly(LocalDate.parse("2024-02-01"),
                Instant.parse("2024-01-31T01:00:00Z"), LocalDate.parse("2024-02-29"), LocalDate.parse("2024-02-01"));
    }

    @Test
    void differencesAndIntervalArithmetic() {
        DataFrame diff = select("TIMESTAMP'2024-01-31 10:00:00' - TIMESTAMP'2024-01-30 09:00:00'",
                "DATE'2024-01-31' - DATE'2024-01-01'");
        assertThat(types(diff)).containsExactly("interval day to second", "interval day");
        assertThat(strings(diff)).containsExactly("INTERVAL '1 01:00:00' DAY TO SECOND", "INTERVAL '30' DAY");

        DataFrame df = select("INTERVAL 1 HOUR + INTERVAL 30 MINUTES", "INTERVAL 1 DAY * 2", "INTERVAL 1 HOUR / 4",
                "INTERVAL 1 HOUR * 1.5", "INTERVAL 1 HOUR * 0.3333", "3 * INTERVAL 1 HOUR");
        assertThat(df.columns()).startsWith("(INTERVAL '01' HOUR + INTERVAL '30' MINUTE)", "(INTERVAL '1' DAY * 2)");
        assertThat(types(df)).containsExactly("interval hour to minute", "interval day to second",
                "interval day to second", "interval day to second", "interval day to second",
                "interval day to second");
        assertThat(df.collectAsList().get(0).toList()).containsExactly(Duration.ofMinutes(90), Duration.ofHours(48),
                Duration.ofMinutes(15), Duration.ofMinutes(90), Duration.ofMillis(19 * 60_000 + 59_880),
                Duration.ofHours(3));

        assertThat(select("INTERVAL 1 HOUR > INTERVAL 30 MINUTES", "INTERVAL 1 HOUR = INTERVAL 60 MINUTES",
                "INTERVAL 1 YEAR = INTERVAL 12 MONTHS").collectAsList().get(0).toList())
                .containsExactly(true, true, true);
        assertThat(strings(select("CAST(INTERVAL '1 10:30:05.5' DAY TO SECOND AS STRING)",
                "CAST(INTERVAL -1 MONTH AS STRING)"))).containsExactly("INTERVAL '1 10:30:05.5' DAY TO SECOND",
                "INTERVAL '-1' MONTH");
    }

    @Test
    void mismatchesAndDivisionByZeroFailAsSpark() {
        assertThatThrownBy(() -> select("INTERVAL 1 HOUR + 1")).isInstanceOf(FluxoException.class)
                .hasMessageContaining("DATATYPE_MISMATCH");
        assertThatThrownBy(() -> select("INTERVAL 1 HOUR + INTERVAL 1 MONTH")).isInstanceOf(FluxoException.class)
                .hasMessageContaining("DATATYPE_MISMATCH");
        assertThatThrownBy(() -> spark.range(2).selectExpr("INTERVAL 1 HOUR / (id - id)").collectAsList())
                .hasMessageContaining("INTERVAL_DIVIDED_BY_ZERO");
    }

    @Test
    void rangeConditionsWorkOnColumns() {
        DataFrame df = spark.range(4).selectExpr("timestamp_seconds(id * 1800) AS ts")
                .filter("ts BETWEEN TIMESTAMP'1970-01-01 00:00:00' + INTERVAL 20 MINUTES "
                        + "AND TIMESTAMP'1970-01-01 00:00:00' + INTERVAL 1 HOUR");
        assertThat(df.collectAsList().stream().map(r -> r.get(0)).toList())
                .containsExactly(Instant.parse("1970-01-01T00:30:00Z"), Instant.parse("1970-01-01T01:00:00Z"));
        DataFrame shifted = spark.range(3).selectExpr("timestamp_seconds(id) - INTERVAL 1 SECOND AS t");
        assertThat(shifted.collectAsList().stream().map(r -> r.get(0)).toList()).containsExactly(
                Instant.parse("1969-12-31T23:59:59Z"), Instant.EPOCH, Instant.parse("1970-01-01T00:00:01Z"));
    }
}
