package io.fluxo.function.scalar;

import static io.fluxo.function.scalar.FunctionTester.NOW;
import static io.fluxo.function.scalar.FunctionTester.bind;
import static io.fluxo.function.scalar.FunctionTester.col;
import static io.fluxo.function.scalar.FunctionTester.days;
import static io.fluxo.function.scalar.FunctionTester.eval1;
import static io.fluxo.function.scalar.FunctionTester.eval;
import static io.fluxo.function.scalar.FunctionTester.evalIn;
import static io.fluxo.function.scalar.FunctionTester.ints;
import static io.fluxo.function.scalar.FunctionTester.lit;
import static io.fluxo.function.scalar.FunctionTester.longs;
import static io.fluxo.function.scalar.FunctionTester.micros;
import static io.fluxo.function.scalar.FunctionTester.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BytesVector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateTimeFunctionsTest {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private static FunctionTester.Arg ts(String... texts) {
        return col(TimestampType.INSTANCE, (Object[]) texts);
    }

    private static FunctionTester.Arg dates(String... texts) {
        return col(DateType.INSTANCE, (Object[]) texts);
    }

    @Test
    void dateFieldsMatchSpark() {
        assertThat(eval("year", dates("2016-07-30", null, "1969-12-31"))).containsExactly(2016, null, 1969);
        assertThat(eval1("month", lit(DateType.INSTANCE, "2016-07-30"))).isEqualTo(7);
        assertThat(eval("dayofmonth", dates("2009-07-30"))).containsExactly(30);
        assertThat(eval("day", dates("2009-07-30"))).containsExactly(30);
        assertThat(eval("dayofweek", dates("2009-07-30", "2009-07-26"))).containsExactly(5, 1);
        assertThat(eval("weekday", dates("2009-07-30"))).containsExactly(3);
        assertThat(eval("weekofyear", dates("2008-02-20"))).containsExactly(8);
        assertThat(eval("dayofyear", dates("2016-04-09"))).containsExactly(100);
        assertThat(eval("quarter", dates("2016-08-31"))).containsExactly(3);
    }

    @Test
    void dateFieldsAgreeWithJavaTimeOverManyDays() {
        for (int d = -800_000; d < 800_000; d += 997) {
            LocalDate date = LocalDate.ofEpochDay(d);
            assertThat(DateFields.year(d)).isEqualTo(date.getYear());
            assertThat(DateFields.month(d)).isEqualTo(date.getMonthValue());
            assertThat(DateFields.dayOfMonth(d)).isEqualTo(date.getDayOfMonth());
            assertThat(DateFields.dayOfYear(d)).isEqualTo(date.getDayOfYear());
            assertThat(DateFields.isoWeek(d)).isEqualTo(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            assertThat(DateFields.toDays(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).isEqualTo(d);
            assertThat(DateFields.addMonths(d, 13)).isEqualTo(date.plusMonths(13).toEpochDay());
        }
    }

    @Test
    void yearOfATimestampTakesTheDate() {
        assertThat(bind("year", ts("2016-07-30 10:00:00")).inputTypes()).containsExactly(DateType.INSTANCE);
    }

    @Test
    void timeFieldsUseTheSessionZone() {
        assertThat(eval("hour", ts("2009-07-30 12:58:59", null))).containsExactly(12, null);
        assertThat(eval("minute", ts("2009-07-30 12:58:59"))).containsExactly(58);
        assertThat(eval("second", ts("2009-07-30 12:58:59"))).containsExactly(59);
        assertThat(evalIn(ZoneId.of("+05:30"), "hour", col(TimestampType.INSTANCE, micros("2009-07-30T12:00:00Z"))))
                .containsExactly(17);
    }

    @Test
    void timeFieldsAgreeWithJavaTimeAcrossDaylightSaving() {
        Random random = new Random(11);
        Long[] values = new Long[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = micros("2021-01-01T00:00:00Z") + (long) (random.nextDouble() * 400 * 86_400_000_000L);
        }
        var hours = evalIn(LOS_ANGELES, "hour", col(TimestampType.INSTANCE, (Object[]) values));
        var truncated = evalIn(LOS_ANGELES, "date_trunc", lit("DAY"), col(TimestampType.INSTANCE, (Object[]) values));
        for (int i = 0; i < values.length; i++) {
            ZonedDateTime t = DateTimeUtils.toInstant(values[i]).atZone(LOS_ANGELES);
            assertThat(hours.get(i)).isEqualTo(t.getHour());
            assertThat(truncated.get(i)).isEqualTo(DateTimeUtils.toMicros(t.truncatedTo(ChronoUnit.DAYS).toInstant()));
        }
    }

    @Test
    void dateFormatWithFastAndGeneralPatterns() {
        assertThat(eval("date_format", ts("2016-04-08 13:45:30.123456", null), lit("yyyy-MM-dd HH:mm")))
                .containsExactly("2016-04-08 13:45", null);
        assertThat(eval("date_format", ts("2016-04-08 13:45:30.123456"), lit("dd/MM/yy HH:mm:ss.SSS")))
                .containsExactly("08/04/16 13:45:30.123");
        assertThat(eval("date_format", ts("2016-04-08 13:45:30"), lit("EEE, MMM d yyyy 'at' h a")))
                .containsExactly("Fri, Apr 8 2016 at 1 PM");
        assertThat(eval("date_format", ts("2016-04-08 13:45:30", "2016-04-08 13:45:30"), strings("yyyy", "MM")))
                .containsExactly("2016", "04");
        assertThat(eval("date_format", dates("2016-04-08"), lit("yyyy-MM-dd HH:mm"))).containsExactly(
                "2016-04-08 00:00");
        assertThat(evalIn(LOS_ANGELES, "date_format", col(TimestampType.INSTANCE, micros("2016-04-08T20:00:00Z")),
                lit("yyyy-MM-dd HH:mm"))).containsExactly("2016-04-08 13:00");
    }

    @Test
    void fastPatternAgreesWithJavaFormatter() {
        Random random = new Random(3);
        String pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS y M d H m s";
        DateTimePattern fast = DateTimePattern.compile(pattern);
        DateTimeFormatter general = DateTimeUtils.formatter(pattern);
        RowBytes row = new RowBytes();
        for (int i = 0; i < 2000; i++) {
            long micros = (long) (-6e16 + random.nextDouble() * 3.1e17);
            row.clear();
            assertThat(fast.format(micros, row)).isTrue();
            var out = BytesVector.strings(1);
            row.appendTo(out);
            assertThat(out.getString(0)).isEqualTo(DateTimeUtils.format(micros, general, ZoneOffset.UTC));
        }
    }

    @Test
    void fromUnixtimeAndUnixTimestamp() {
        assertThat(eval("from_unixtime", longs(0L, null))).containsExactly("1970-01-01 00:00:00", null);
        assertThat(eval1("from_unixtime", 0L, "yyyy-MM-dd")).isEqualTo("1970-01-01");
        assertThat(eval1("unix_timestamp", "2016-04-08", "yyyy-MM-dd")).isEqualTo(1460073600L);
        assertThat(eval1("unix_timestamp", "2016-04-08 00:00:01")).isEqualTo(1460073601L);
        assertThat(eval1("to_unix_timestamp", "2016-04-08", "yyyy-MM-dd")).isEqualTo(1460073600L);
        assertThat(eval1("unix_timestamp")).isEqualTo(Math.floorDiv(NOW, 1_000_000L));
        assertThat(eval("unix_timestamp", dates("1970-01-02"))).containsExactly(86400L);
        assertThatThrownBy(() -> eval1("unix_timestamp", "nope", "yyyy-MM-dd"))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[CANNOT_PARSE_TIMESTAMP] Text 'nope' could not be parsed");
    }

    @Test
    void toDateAndToTimestamp() {
        assertThat(eval1("to_date", "2009-07-30 04:17:52")).isEqualTo(days("2009-07-30"));
        assertThat(eval1("to_date", "2016-12-31", "yyyy-MM-dd")).isEqualTo(days("2016-12-31"));
        assertThat(eval1("to_date", "31/12/2016", "dd/MM/yyyy")).isEqualTo(days("2016-12-31"));
        assertThat(eval("to_date", ts("2016-12-31 23:59:59"))).containsExactly(days("2016-12-31"));
        assertThat(eval1("to_timestamp", "2016-12-31 00:12:00")).isEqualTo(micros("2016-12-31T00:12:00Z"));
        assertThat(eval1("to_timestamp", "2016-12-31", "yyyy-MM-dd")).isEqualTo(micros("2016-12-31T00:00:00Z"));
        assertThat(evalIn(LOS_ANGELES, "to_timestamp", strings("2016-12-31 00:00:00")))
                .containsExactly(micros("2016-12-31T08:00:00Z"));
        assertThat(eval("try_to_timestamp", strings("bad", "2016-12-31"), lit("yyyy-MM-dd")))
                .containsExactly(null, micros("2016-12-31T00:00:00Z"));
        assertThatThrownBy(() -> eval1("to_timestamp", "bad", "yyyy-MM-dd"))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageContaining("[CANNOT_PARSE_TIMESTAMP]")
                .hasMessageContaining("try_to_timestamp");
        assertThatThrownBy(() -> eval1("to_date", "2016-13-45"))
                .hasMessageStartingWith("[CAST_INVALID_INPUT] The value '2016-13-45' of the type \"STRING\" cannot "
                        + "be cast to \"DATE\"");
        assertThat(eval("to_date", strings((String) null))).containsExactly((Object) null);
    }

    @Test
    void dateTruncAndTrunc() {
        String t = "2015-03-05T09:32:05.359";
        assertThat(eval1("date_trunc", "HOUR", lit(TimestampType.INSTANCE, t))).isEqualTo(
                micros("2015-03-05T09:00:00Z"));
        assertThat(eval1("date_trunc", "YEAR", lit(TimestampType.INSTANCE, t))).isEqualTo(
                micros("2015-01-01T00:00:00Z"));
        assertThat(eval1("date_trunc", "MM", lit(TimestampType.INSTANCE, t))).isEqualTo(
                micros("2015-03-01T00:00:00Z"));
        assertThat(eval1("date_trunc", "DD", lit(TimestampType.INSTANCE, t))).isEqualTo(
                micros("2015-03-05T00:00:00Z"));
        assertThat(eval1("date_trunc", "WEEK", lit(TimestampType.INSTANCE, t))).isEqualTo(
                micros("2015-03-02T00:00:00Z"));
        assertThat(eval1("date_trunc", "QUARTER", lit(TimestampType.INSTANCE, t))).isEqualTo(
                micros("2015-01-01T00:00:00Z"));
        assertThat(eval1("date_trunc", "MILLISECOND", lit(TimestampType.INSTANCE, "2015-03-05T09:32:05.359123")))
                .isEqualTo(micros("2015-03-05T09:32:05.359Z"));
        assertThat(eval1("date_trunc", "MINUTE", lit(TimestampType.INSTANCE, t))).isEqualTo(
                micros("2015-03-05T09:32:00Z"));
        assertThat(eval1("date_trunc", "bogus", lit(TimestampType.INSTANCE, t))).isNull();
        assertThat(eval("date_trunc", strings("year", "hour"), ts(t, t)))
                .containsExactly(micros("2015-01-01T00:00:00Z"), micros("2015-03-05T09:00:00Z"));
        assertThat(evalIn(LOS_ANGELES, "date_trunc", lit("DAY"), col(TimestampType.INSTANCE,
                micros("2015-03-05T05:00:00Z")))).containsExactly(micros("2015-03-04T08:00:00Z"));
        assertThat(eval("trunc", dates("2019-08-04"), lit("week"))).containsExactly(days("2019-07-29"));
        assertThat(eval("trunc", dates("2019-08-04"), lit("quarter"))).containsExactly(days("2019-07-01"));
        assertThat(eval("trunc", dates("2009-02-12"), lit("MM"))).containsExactly(days("2009-02-01"));
        assertThat(eval("trunc", dates("2015-10-27"), lit("YEAR"))).containsExactly(days("2015-01-01"));
        assertThat(eval("trunc", dates("2015-10-27"), lit("DAY"))).containsExactly((Object) null);
    }

    @Test
    void dateArithmetic() {
        assertThat(eval1("datediff", lit(DateType.INSTANCE, "2009-07-31"), lit(DateType.INSTANCE, "2009-07-30")))
                .isEqualTo(1);
        assertThat(eval1("datediff", "2009-07-30", "2009-07-31")).isEqualTo(-1);
        assertThat(eval("date_add", dates("2016-07-30", null), lit(1))).containsExactly(days("2016-07-31"), null);
        assertThat(eval("date_sub", dates("2016-07-30"), ints(1))).containsExactly(days("2016-07-29"));
        assertThat(eval1("add_months", "2016-08-31", 1)).isEqualTo(days("2016-09-30"));
        assertThat(eval1("add_months", "2016-01-31", -11)).isEqualTo(days("2015-02-28"));
        assertThat(eval1("last_day", "2009-01-12")).isEqualTo(days("2009-01-31"));
        assertThat(eval1("last_day", "2020-02-12")).isEqualTo(days("2020-02-29"));
        assertThat(eval1("make_date", 2013, 7, 15)).isEqualTo(days("2013-07-15"));
        assertThat(eval("make_date", ints(2019), ints(7), ints((Integer) null))).containsExactly((Object) null);
        assertThatThrownBy(() -> eval1("make_date", 2019, 13, 1))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[DATETIME_FIELD_OUT_OF_BOUNDS] Invalid value for MonthOfYear");
        assertThatThrownBy(() -> eval1("make_date", 2019, 2, 29))
                .hasMessageContaining("[DATETIME_FIELD_OUT_OF_BOUNDS]");
    }

    @Test
    void monthsBetween() {
        assertThat(eval1("months_between", lit(TimestampType.INSTANCE, "1997-02-28 10:30:00"),
                lit(TimestampType.INSTANCE, "1996-10-30"))).isEqualTo(3.94959677);
        assertThat(eval1("months_between", lit(TimestampType.INSTANCE, "1997-02-28 10:30:00"),
                lit(TimestampType.INSTANCE, "1996-10-30"), false)).isEqualTo(3.9495967741935485);
        assertThat(eval1("months_between", lit(TimestampType.INSTANCE, "2020-03-31"),
                lit(TimestampType.INSTANCE, "2020-02-29"))).isEqualTo(1.0);
    }

    @Test
    void epochConversions() {
        assertThat(eval1("timestamp_seconds", 1230219000)).isEqualTo(micros("2008-12-25T15:30:00Z"));
        assertThat(eval1("timestamp_seconds", new BigDecimal("1230219000.123"))).isEqualTo(
                micros("2008-12-25T15:30:00.123Z"));
        assertThat(eval1("timestamp_seconds", 1230219000.5)).isEqualTo(micros("2008-12-25T15:30:00.5Z"));
        assertThat(eval1("timestamp_millis", 1230219000123L)).isEqualTo(micros("2008-12-25T15:30:00.123Z"));
        assertThat(eval1("timestamp_micros", 1230219000123123L)).isEqualTo(micros("2008-12-25T15:30:00.123123Z"));
        assertThat(eval("unix_seconds", col(TimestampType.INSTANCE, -1L, 1_500_000L))).containsExactly(-1L, 1L);
        assertThat(eval("unix_millis", col(TimestampType.INSTANCE, 1_500_000L))).containsExactly(1500L);
        assertThat(eval("unix_micros", col(TimestampType.INSTANCE, 7L))).containsExactly(7L);
        assertThat(eval("unix_date", dates("1970-01-02"))).containsExactly(1);
        assertThat(eval("date_from_unix_date", ints(1))).containsExactly(1);
        assertThatThrownBy(() -> eval1("timestamp_seconds", Long.MAX_VALUE))
                .hasMessageStartingWith("[ARITHMETIC_OVERFLOW]");
    }

    @Test
    void currentTimeComesFromTheContext() {
        assertThat(eval("current_timestamp")).containsExactly(NOW);
        assertThat(eval("now")).containsExactly(NOW);
        assertThat(eval("current_date")).containsExactly(days("2024-01-02"));
        assertThat(evalIn(ZoneId.of("Pacific/Kiritimati"), "current_date")).containsExactly(days("2024-01-02"));
        assertThat(evalIn(ZoneId.of("America/Los_Angeles"), "current_date")).containsExactly(days("2024-01-01"));
        assertThat(eval("current_timezone")).containsExactly("Z");
        assertThat(bind("current_timestamp").deterministic()).isTrue();
        assertThat(bind("current_timestamp").nullable(new boolean[0])).isFalse();
    }

    @Test
    void emptyBatches() {
        assertThat(eval("year", col(DataTypes.DateType))).isEmpty();
        assertThat(eval("date_format", ts(), lit("yyyy"))).isEmpty();
        assertThat(eval("date_trunc", lit("HOUR"), ts())).isEmpty();
        assertThat(eval("to_timestamp", strings())).isEmpty();
    }

    @Test
    void zoneConverterResolvesGapsAndOverlapsLikeJavaTime() {
        ZoneConverter zone = ZoneConverter.of(LOS_ANGELES);
        for (String local : new String[] {"2021-03-14T02:30:00", "2021-11-07T01:30:00", "2021-06-01T12:00:00"}) {
            long localMicros = DateTimeUtils.toMicros(Instant.parse(local + "Z"));
            long expected = DateTimeUtils.toMicros(LocalDateTime.parse(local).atZone(LOS_ANGELES)
                    .toInstant());
            assertThat(zone.toUtc(localMicros)).as(local).isEqualTo(expected);
        }
    }
}
