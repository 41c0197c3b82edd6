package io.fluxo.exec.expr;

import static io.fluxo.exec.expr.Eval.batch;
import static io.fluxo.exec.expr.Eval.col;
import static io.fluxo.exec.expr.Eval.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.function.EvalContext;
import io.fluxo.plan.expr.Cast;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DecimalType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CastEvaluationTest {
    private static final DataType BOOL = DataTypes.BooleanType;
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType DOUBLE = DataTypes.DoubleType;
    private static final DataType STRING = DataTypes.StringType;
    private static final DataType BINARY = DataTypes.BinaryType;
    private static final DataType DATE = DataTypes.DateType;
    private static final DataType TIMESTAMP = DataTypes.TimestampType;

    private static List<Object> castIn(EvalContext ctx, boolean tryCast, DataType from, DataType to,
            Object... values) {
        ColumnBatch b = batch(vector(from, values));
        ColumnVector v = ExpressionCompiler.compile(new Cast(col(0, from), to, tryCast), ctx).evaluate(b);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < b.numRows(); i++) {
            out.add(v.getObject(i));
        }
        return out;
    }

    private static List<Object> cast(DataType from, DataType to, Object... values) {
        return castIn(Eval.UTC, false, from, to, values);
    }

    private static List<Object> tryCast(DataType from, DataType to, Object... values) {
        return castIn(Eval.UTC, true, from, to, values);
    }

    private static Object one(DataType from, DataType to, Object value) {
        return cast(from, to, value).get(0);
    }

    private static String failure(DataType from, DataType to, Object value) {
        try {
            one(from, to, value);
        } catch (FluxoRuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error casting " + value + " to " + to.sql());
    }

    private static long micros(String instant) {
        return DateTimeUtils.toMicros(Instant.parse(instant));
    }

    private static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    @Test
    void stringToIntegralTrimsAndRejectsFractionsAndOverflow() {
        assertThat(cast(STRING, INT, " 42 ", "+7", "-0", "\t-2147483648\n", null))
                .containsExactly(42, 7, 0, Integer.MIN_VALUE, null);
        assertThat(cast(STRING, LONG, "9223372036854775807", "-9223372036854775808"))
                .containsExactly(Long.MAX_VALUE, Long.MIN_VALUE);
        assertThat(failure(STRING, INT, "1.5")).isEqualTo("[CAST_INVALID_INPUT] The value '1.5' of the type "
                + "\"STRING\" cannot be cast to \"INT\" because it is malformed. Correct the value as per the syntax, "
                + "or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead.");
        assertThat(failure(STRING, INT, "abc")).contains("The value 'abc' of the type \"STRING\" cannot be cast to "
                + "\"INT\" because it is malformed");
        assertThat(failure(STRING, INT, "2147483648")).startsWith("[CAST_INVALID_INPUT]");
        assertThat(failure(STRING, LONG, "9223372036854775808")).startsWith("[CAST_INVALID_INPUT]");
        assertThat(failure(STRING, LONG, "")).startsWith("[CAST_INVALID_INPUT]");
        assertThat(failure(STRING, LONG, "-")).startsWith("[CAST_INVALID_INPUT]");
        assertThat(tryCast(STRING, INT, "1", "abc", null, "2147483648")).containsExactly(1, null, null, null);
    }

    @Test
    void stringToDoubleAcceptsJavaSyntaxAndSpecialWords() {
        assertThat(cast(STRING, DOUBLE, "1.5", " 1e3 ", "inf", "-Infinity", "NaN", "+INF", "-0"))
                .containsExactly(1.5, 1000.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                        Double.POSITIVE_INFINITY, -0.0);
        assertThat(failure(STRING, DOUBLE, "one")).contains("cannot be cast to \"DOUBLE\"");
        assertThat(tryCast(STRING, DOUBLE, "x", "2")).containsExactly(null, 2.0);
    }

    @Test
    void stringToDecimalRoundsHalfUpAndChecksPrecision() {
        DecimalType d52 = new DecimalType(5, 2);
        assertThat(cast(STRING, d52, "1.234", "1.235", " 1e2 ", "-0.005"))
                .containsExactly(new BigDecimal("1.23"), new BigDecimal("1.24"), new BigDecimal("100.00"),
                        new BigDecimal("-0.01"));
        assertThat(failure(STRING, d52, "1234")).isEqualTo("[NUMERIC_VALUE_OUT_OF_RANGE] 1234.00 cannot be "
                + "represented as Decimal(5, 2).");
        assertThat(failure(STRING, d52, "x")).contains("cannot be cast to \"DECIMAL(5,2)\"");
        assertThat(failure(STRING, d52, "1e50")).startsWith("[NUMERIC_OUT_OF_SUPPORTED_RANGE]");
        assertThat(tryCast(STRING, d52, "1234", "x", "9.999")).containsExactly(null, null, new BigDecimal("10.00"));
        assertThat(cast(STRING, new DecimalType(30, 3), "123456789012345678901234567.5"))
                .containsExactly(new BigDecimal("123456789012345678901234567.500"));
    }

    @Test
    void stringToBoolean() {
        assertThat(cast(STRING, BOOL, "t", "TRUE", " yes ", "Y", "1", "f", "False", "n", "NO", "0"))
                .containsExactly(true, true, true, true, true, false, false, false, false, false);
        assertThat(failure(STRING, BOOL, "maybe")).isEqualTo("[CAST_INVALID_INPUT] The value 'maybe' of the type "
                + "\"STRING\" cannot be cast to \"BOOLEAN\" because it is malformed. Correct the value as per the "
                + "syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL "
                + "instead.");
        assertThat(tryCast(STRING, BOOL, "maybe", "yes")).containsExactly(null, true);
    }

    @Test
    void stringToDateAndTimestamp() {
        assertThat(cast(STRING, DATE, "2024-03-01", " 2024-3-1 ", "2024-03-01T10:00:00", "2024"))
                .containsExactly(days("2024-03-01"), days("2024-03-01"), days("2024-03-01"), days("2024-01-01"));
        assertThat(failure(STRING, DATE, "2024-13-01")).contains("cannot be cast to \"DATE\"");
        assertThat(cast(STRING, TIMESTAMP, "2024-03-01 10:00:00", "2024-03-01T10:00:00.5Z", "2024-03-01"))
                .containsExactly(micros("2024-03-01T10:00:00Z"), micros("2024-03-01T10:00:00.500Z"),
                        micros("2024-03-01T00:00:00Z"));
        EvalContext saoPaulo = new EvalContext(ZoneId.of("America/Sao_Paulo"), 0L);
        assertThat(castIn(saoPaulo, false, STRING, TIMESTAMP, "2024-03-01 10:00:00"))
                .containsExactly(micros("2024-03-01T13:00:00Z"));
        assertThat(failure(STRING, TIMESTAMP, "noon")).contains("cannot be cast to \"TIMESTAMP\"");
        assertThat(tryCast(STRING, TIMESTAMP, "noon")).containsExactly((Object) null);
    }

    @Test
    void stringAndBinaryShareBytes() {
        List<Object> bytes = cast(STRING, BINARY, "é");
        assertThat((byte[]) bytes.get(0)).containsExactly("é".getBytes(StandardCharsets.UTF_8));
        assertThat(cast(BINARY, STRING, "hi".getBytes(StandardCharsets.UTF_8), null)).containsExactly("hi", null);
    }

    @Test
    void numericNarrowingFailsOutOfRange() {
        assertThat(cast(LONG, INT, 5L, -5L, null)).containsExactly(5, -5, null);
        assertThat(failure(LONG, INT, 3000000000L)).isEqualTo("[CAST_OVERFLOW] The value 3000000000L of the type "
                + "\"BIGINT\" cannot be cast to \"INT\" due to an overflow. Use `try_cast` to tolerate overflow and "
                + "return NULL instead.");
        assertThat(tryCast(LONG, INT, 3000000000L, 7L)).containsExactly(null, 7);
        assertThat(cast(DOUBLE, INT, 1.9, -1.9, 2147483647.5)).containsExactly(1, -1, Integer.MAX_VALUE);
        assertThat(failure(DOUBLE, INT, Double.NaN)).contains("The value NaN of the type \"DOUBLE\" cannot be cast "
                + "to \"INT\" due to an overflow");
        assertThat(failure(DOUBLE, INT, 3.0e9)).contains("The value 3.0E9D of the type \"DOUBLE\"");
        assertThat(failure(DOUBLE, LONG, 1e19)).startsWith("[CAST_OVERFLOW]");
        assertThat(cast(DOUBLE, LONG, -1e18)).containsExactly(-1_000_000_000_000_000_000L);
        DecimalType d = new DecimalType(20, 2);
        assertThat(cast(d, INT, new BigDecimal("12.99"), new BigDecimal("-12.99"))).containsExactly(12, -12);
        assertThat(failure(d, INT, new BigDecimal("10000000000.00"))).isEqualTo("[CAST_OVERFLOW] The value "
                + "10000000000.00BD of the type \"DECIMAL(20,2)\" cannot be cast to \"INT\" due to an overflow. Use "
                + "`try_cast` to tolerate overflow and return NULL instead.");
        assertThat(cast(new DecimalType(5, 2), LONG, new BigDecimal("-1.99"))).containsExactly(-1L);
        assertThat(cast(new DecimalType(38, 0), LONG, new BigDecimal("9223372036854775807")))
                .containsExactly(Long.MAX_VALUE);
        assertThat(failure(new DecimalType(38, 0), LONG, new BigDecimal("9223372036854775808")))
                .startsWith("[CAST_OVERFLOW]");
    }

    @Test
    void wideningAndBooleans() {
        assertThat(cast(INT, LONG, 1, null)).containsExactly(1L, null);
        assertThat(cast(INT, DOUBLE, 3)).containsExactly(3.0);
        assertThat(cast(LONG, DOUBLE, 1L << 53)).containsExactly(9007199254740992.0);
        assertThat(cast(BOOL, INT, true, false)).containsExactly(1, 0);
        assertThat(cast(BOOL, LONG, true)).containsExactly(1L);
        assertThat(cast(BOOL, DOUBLE, true)).containsExactly(1.0);
        assertThat(cast(BOOL, new DecimalType(3, 1), true)).containsExactly(new BigDecimal("1.0"));
        assertThat(failure(BOOL, new DecimalType(1, 1), true)).startsWith("[NUMERIC_VALUE_OUT_OF_RANGE]");
        assertThat(cast(INT, BOOL, 0, 2, -1)).containsExactly(false, true, true);
        assertThat(cast(DOUBLE, BOOL, 0.0, -0.0, Double.NaN, 0.5)).containsExactly(false, false, true, true);
        assertThat(cast(new DecimalType(4, 2), BOOL, new BigDecimal("0.00"), new BigDecimal("0.01")))
                .containsExactly(false, true);
    }

    @Test
    void toDecimalRoundsAndChecksPrecision() {
        DecimalType d31 = new DecimalType(3, 1);
        assertThat(cast(INT, d31, 99, -99, null)).containsExactly(new BigDecimal("99.0"), new BigDecimal("-99.0"),
                null);
        assertThat(failure(INT, d31, 100)).isEqualTo("[NUMERIC_VALUE_OUT_OF_RANGE] 100 cannot be represented as "
                + "Decimal(3, 1).");
        assertThat(cast(LONG, new DecimalType(38, 0), Long.MIN_VALUE))
                .containsExactly(new BigDecimal(Long.MIN_VALUE));
        DecimalType d52 = new DecimalType(5, 2);
        assertThat(cast(DOUBLE, d52, 1.005, 0.1, Double.NaN, Double.POSITIVE_INFINITY))
                .containsExactly(new BigDecimal("1.01"), new BigDecimal("0.10"), null, null);
        assertThat(failure(DOUBLE, d52, 1e10)).startsWith("[NUMERIC_VALUE_OUT_OF_RANGE]");
        assertThat(cast(d52, new DecimalType(4, 1), new BigDecimal("123.45"), new BigDecimal("-123.45")))
                .containsExactly(new BigDecimal("123.5"), new BigDecimal("-123.5"));
        assertThat(cast(d52, new DecimalType(7, 4), new BigDecimal("1.23"))).containsExactly(new BigDecimal("1.2300"));
        assertThat(failure(d52, new DecimalType(3, 1), new BigDecimal("123.45")))
                .isEqualTo("[NUMERIC_VALUE_OUT_OF_RANGE] 123.5 cannot be represented as Decimal(3, 1).");
        assertThat(tryCast(d52, new DecimalType(3, 1), new BigDecimal("123.45"), new BigDecimal("1.25")))
                .containsExactly(null, new BigDecimal("1.3"));
        assertThat(cast(new DecimalType(30, 10), d52, new BigDecimal("3.14159"))).containsExactly(
                new BigDecimal("3.14"));
        assertThat(cast(d52, DOUBLE, new BigDecimal("1.25"), new BigDecimal("-0.10"))).containsExactly(1.25, -0.1);
        assertThat(cast(new DecimalType(30, 2), DOUBLE, new BigDecimal("0.30"))).containsExactly(0.3);
    }

    @Test
    void toStringFollowsSparkFormatting() {
        assertThat(cast(INT, STRING, 1, -5, null)).containsExactly("1", "-5", null);
        assertThat(cast(LONG, STRING, Long.MIN_VALUE, 0L)).containsExactly("-9223372036854775808", "0");
        assertThat(cast(DOUBLE, STRING, 1.0, 1.0E10, 1.0E-5, 0.1, Double.NaN, Double.NEGATIVE_INFINITY, -0.0))
                .containsExactly("1.0", "1.0E10", "1.0E-5", "0.1", "NaN", "-Infinity", "-0.0");
        assertThat(cast(new DecimalType(5, 2), STRING, new BigDecimal("1.20"), new BigDecimal("-0.05"),
                new BigDecimal("0.00"))).containsExactly("1.20", "-0.05", "0.00");
        assertThat(cast(new DecimalType(30, 2), STRING, new BigDecimal("1E+20")))
                .containsExactly("100000000000000000000.00");
        assertThat(cast(BOOL, STRING, true, false)).containsExactly("true", "false");
        assertThat(cast(DATE, STRING, days("2024-03-01"), days("0099-12-31"))).containsExactly("2024-03-01",
                "0099-12-31");
        assertThat(cast(TIMESTAMP, STRING, micros("2024-03-01T10:00:00Z"), micros("2024-03-01T10:00:00.500Z")))
                .containsExactly("2024-03-01 10:00:00", "2024-03-01 10:00:00.5");
        EvalContext tokyo = new EvalContext(ZoneId.of("Asia/Tokyo"), 0L);
        assertThat(castIn(tokyo, false, TIMESTAMP, STRING, micros("2024-03-01T20:00:00Z")))
                .containsExactly("2024-03-02 05:00:00");
    }

    @Test
    void datesAndTimestamps() {
        EvalContext plusTwo = new EvalContext(ZoneId.of("+02:00"), 0L);
        assertThat(castIn(plusTwo, false, DATE, TIMESTAMP, days("2024-03-01")))
                .containsExactly(micros("2024-02-29T22:00:00Z"));
        EvalContext berlin = new EvalContext(ZoneId.of("Europe/Berlin"), 0L);
        assertThat(castIn(berlin, false, DATE, TIMESTAMP, days("2024-07-01")))
                .containsExactly(micros("2024-06-30T22:00:00Z"));
        assertThat(castIn(berlin, false, TIMESTAMP, DATE, micros("2024-06-30T22:30:00Z")))
                .containsExactly(days("2024-07-01"));
        assertThat(cast(TIMESTAMP, DATE, micros("1969-12-31T23:59:59Z"))).containsExactly(-1);
        assertThat(cast(TIMESTAMP, LONG, -1L, 1_500_000L, null)).containsExactly(-1L, 1L, null);
        assertThat(cast(TIMESTAMP, DOUBLE, 1_500_000L)).containsExactly(1.5);
        assertThat(cast(TIMESTAMP, INT, 2_000_000L)).containsExactly(2);
        assertThat(failure(TIMESTAMP, INT, Long.MAX_VALUE)).startsWith("[CAST_OVERFLOW]")
                .contains("of the type \"TIMESTAMP\" cannot be cast to \"INT\"");
        assertThat(cast(TIMESTAMP, new DecimalType(10, 3), 1_500_000L)).containsExactly(new BigDecimal("1.500"));
        assertThat(cast(LONG, TIMESTAMP, 2L, Long.MAX_VALUE)).containsExactly(2_000_000L, Long.MAX_VALUE);
        assertThat(cast(INT, TIMESTAMP, -3)).containsExactly(-3_000_000L);
        assertThat(cast(DOUBLE, TIMESTAMP, 1.5)).containsExactly(1_500_000L);
        assertThat(failure(DOUBLE, TIMESTAMP, Double.NaN)).startsWith("[CAST_INVALID_INPUT]");
        assertThat(cast(new DecimalType(5, 1), TIMESTAMP, new BigDecimal("1.5"))).containsExactly(1_500_000L);
    }

    @Test
    void nestedCastsElementByElement() {
        ArrayType strings = new ArrayType(STRING);
        ArrayType ints = new ArrayType(INT);
        assertThat(cast(strings, ints, Arrays.asList("1", null, " 2"), List.of(), null))
                .containsExactly(Arrays.asList(1, null, 2), List.of(), null);
        assertThat(failure(strings, ints, List.of("1", "x"))).startsWith("[CAST_INVALID_INPUT]");
        assertThat(tryCast(strings, ints, List.of("1", "x"), List.of("3"))).containsExactly(null, List.of(3));
        MapType from = new MapType(STRING, STRING);
        MapType to = new MapType(STRING, LONG);
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("a", "1");
        m.put("b", null);
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("a", 1L);
        expected.put("b", null);
        assertThat(cast(from, to, m, null)).containsExactly(expected, null);
        assertThat(tryCast(from, to, Map.of("a", "x"))).containsExactly((Object) null);
        StructType s1 = StructType.empty().add("a", STRING).add("b", INT);
        StructType s2 = StructType.empty().add("x", INT).add("y", STRING);
        List<Object> structs = cast(s1, s2, new Object[] {"7", 8}, new Object[] {null, 9}, null);
        assertThat((Object[]) structs.get(0)).containsExactly(7, "8");
        assertThat((Object[]) structs.get(1)).containsExactly(null, "9");
        assertThat(structs.get(2)).isNull();
        assertThat(tryCast(s1, s2, (Object) new Object[] {"q", 1})).containsExactly((Object) null);
    }

    @Test
    void nestedValuesToString() {
        ArrayType ints = new ArrayType(INT);
        assertThat(cast(ints, STRING, List.of(1, 2), Arrays.asList(1, null), List.of(), Arrays.asList(null, 3)))
                .containsExactly("[1, 2]", "[1, null]", "[]", "[null, 3]");
        MapType map = new MapType(STRING, INT);
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("a", 1);
        m.put("b", null);
        assertThat(cast(map, STRING, m, Map.of())).containsExactly("{a -> 1, b -> null}", "{}");
        StructType st = StructType.empty().add("n", INT).add("s", STRING);
        assertThat(cast(st, STRING, new Object[] {1, "x"}, new Object[] {null, null}))
                .containsExactly("{1, x}", "{null, null}");
        ArrayType nested = new ArrayType(st);
        assertThat(cast(nested, STRING, List.of(new Object[] {1, "a"}, new Object[] {2, "b"})))
                .containsExactly("[{1, a}, {2, b}]");
        ArrayType doubles = new ArrayType(DOUBLE);
        assertThat(cast(doubles, STRING, List.of(1.0, 1.0E10))).containsExactly("[1.0, 1.0E10]");
    }

    @Test
    void nullTypeAndEmptyBatches() {
        assertThat(cast(DataTypes.NullType, INT, (Object) null)).containsExactly((Object) null);
        assertThat(cast(STRING, INT)).isEmpty();
        assertThat(cast(STRING, new ArrayType(INT).elementType())).isEmpty();
    }

    @Test
    void castsAreFoldedOverConstantsButErrorsWaitForRows() {
        Cast bad = new Cast(Eval.lit("abc", STRING), INT, false);
        // Folding leaves a failing constant alone; evaluating it fails.
        assertThatThrownBy(() -> ExpressionCompiler.compile(bad, Eval.UTC).evaluate(batch(vector(INT, 1))))
                .hasMessageStartingWith("[CAST_INVALID_INPUT]");
        assertThat(ExpressionCompiler.compile(bad, Eval.UTC).evaluate(batch(vector(INT))).size()).isZero();
        assertThat(ExpressionCompiler.evaluateConstant(new Cast(Eval.lit("12", STRING), LONG, false), Eval.UTC))
                .isEqualTo(12L);
    }
}
