package io.fluxo.function.scalar;

import static io.fluxo.function.scalar.FunctionTester.bind;
import static io.fluxo.function.scalar.FunctionTester.col;
import static io.fluxo.function.scalar.FunctionTester.eval1;
import static io.fluxo.function.scalar.FunctionTester.eval;
import static io.fluxo.function.scalar.FunctionTester.ints;
import static io.fluxo.function.scalar.FunctionTester.lit;
import static io.fluxo.function.scalar.FunctionTester.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.IntegerType;
import io.fluxo.types.StringType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {

    @Test
    void upperAndLowerHandleAsciiUnicodeAndNulls() {
        assertThat(eval("upper", strings("abc", null, "straße", "", "ÀbC"))).containsExactly("ABC", null, "STRASSE", "",
                "ÀBC");
        assertThat(eval("lcase", strings("ABC", "ÀBC"))).containsExactly("abc", "àbc");
        assertThat(eval1("ucase", "x1y")).isEqualTo("X1Y");
    }

    @Test
    void upperOfANumberCastsItToString() {
        assertThat(bind("upper", lit(1)).inputTypes()).containsExactly(StringType.INSTANCE);
        assertThat(eval1("upper", 1)).isEqualTo("1");
    }

    @Test
    void upperOfAnArrayIsATypeMismatchNamingThePosition() {
        assertThatThrownBy(() -> bind("upper", col(new ArrayType(IntegerType.INSTANCE), List.of(1))))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE]")
                .hasMessageContaining("upper")
                .hasMessageContaining("The first parameter requires the \"STRING\" type")
                .hasMessageContaining("\"ARRAY<INT>\"");
    }

    @Test
    void wrongArgumentCountNamesTheAcceptedCounts() {
        assertThatThrownBy(() -> bind("substring", strings("a")))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `substring` requires [2, 3] "
                        + "parameters but the actual number is 1.")
                .extracting(e -> ((AnalysisException) e).getErrorClass())
                .isEqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
        assertThatThrownBy(() -> bind("upper"))
                .hasMessageContaining("The `upper` requires 1 parameters but the actual number is 0.");
        assertThatThrownBy(() -> bind("concat_ws"))
                .hasMessageContaining("The `concat_ws` requires > 0 parameters");
    }

    @Test
    void initcapTitleCasesWords() {
        assertThat(eval("initcap", strings("sPark sql", "élan vital", null))).containsExactly("Spark Sql",
                "Élan Vital", null);
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(eval("length", strings("Spark SQL ", "日本語", "", null))).containsExactly(10, 3, 0, null);
        assertThat(eval("char_length", strings("😀a"))).containsExactly(2);
        assertThat(eval("octet_length", strings("日本"))).containsExactly(6);
        assertThat(eval("bit_length", strings("ab"))).containsExactly(16);
        assertThat(eval("length", col(DataTypes.BinaryType, new byte[] {1, 2, 3}))).containsExactly(3);
    }

    @Test
    void substringFollowsSparkPositions() {
        assertThat(eval1("substring", "Spark SQL", -3)).isEqualTo("SQL");
        assertThat(eval1("substring", "Spark SQL", 5)).isEqualTo("k SQL");
        assertThat(eval1("substring", "Spark SQL", 5, 1)).isEqualTo("k");
        assertThat(eval1("substr", "Spark SQL", 0, 3)).isEqualTo("Spa");
        assertThat(eval1("substring", "Spark SQL", 1, 0)).isEqualTo("");
        assertThat(eval1("substring", "Spark SQL", -20, 3)).isEqualTo("");
        assertThat(eval1("substring", "Spark SQL", -20, 14)).isEqualTo("Spa");
        assertThat(eval1("substring", "Spark SQL", 100)).isEqualTo("");
        assertThat(eval1("substring", "Spark SQL", 2, -1)).isEqualTo("");
        assertThat(eval("substring", strings("日本語テキスト", "abc", null), lit(2), lit(3)))
                .containsExactly("本語テ", "bc", null);
        assertThat(eval("substring", strings("日本語"), lit(-2))).containsExactly("本語");
        assertThat(eval("substring", strings("abc", "abc"), ints(2, null))).containsExactly("bc", null);
    }

    @Test
    void leftAndRight() {
        assertThat(eval1("left", "Spark SQL", 3)).isEqualTo("Spa");
        assertThat(eval1("right", "Spark SQL", 3)).isEqualTo("SQL");
        assertThat(eval1("right", "Spark", 0)).isEqualTo("");
        assertThat(eval1("right", "Spark", 10)).isEqualTo("Spark");
        assertThat(eval1("left", "Spark", -1)).isEqualTo("");
    }

    @Test
    void concatIsNullWhenAnyArgumentIs() {
        assertThat(eval("concat", strings("a", "b", null), strings("1", null, "3"), lit("!")))
                .containsExactly("a1!", null, null);
        assertThat(eval1("concat")).isEqualTo("");
        assertThat(eval1("concat", "x", 1)).isEqualTo("x1");
        ArrayType ints = new ArrayType(IntegerType.INSTANCE);
        assertThat(eval("concat", col(ints, List.of(1), null), col(ints, Arrays.asList(2, null), List.of())))
                .containsExactly(Arrays.asList(1, 2, null), null);
        assertThat(eval("concat", col(DataTypes.BinaryType, new byte[] {1}), col(DataTypes.BinaryType,
                new byte[] {2}))).satisfiesExactly(v -> assertThat((byte[]) v).containsExactly(1, 2));
    }

    @Test
    void concatWsSkipsNullsAndFlattensArrays() {
        assertThat(eval("concat_ws", lit(","), strings("a", null), strings("b", "c"))).containsExactly("a,b", "c");
        assertThat(eval("concat_ws", lit("-"), col(new ArrayType(StringType.INSTANCE),
                Arrays.asList("x", null, "y"), null), strings("z", "w"))).containsExactly("x-y-z", "w");
        assertThat(eval1("concat_ws", (Object) null, "a")).isNull();
        assertThat(eval1("concat_ws", "/")).isEqualTo("");
        assertThat(bind("concat_ws", lit(","), strings("a")).nullable(new boolean[] {false, true})).isFalse();
    }

    @Test
    void trimRemovesSpacesOrGivenCharacters() {
        assertThat(eval("trim", strings("  Spark SQL   ", "\tx ", "", null))).containsExactly("Spark SQL", "\tx", "",
                null);
        assertThat(eval1("ltrim", "  a  ")).isEqualTo("a  ");
        assertThat(eval1("rtrim", "  a  ")).isEqualTo("  a");
        assertThat(eval1("trim", "SSparkSQLS", "SL")).isEqualTo("parkSQ");
        assertThat(eval1("ltrim", "SSparkSQLS", "SL")).isEqualTo("parkSQLS");
        assertThat(eval1("rtrim", "SSparkSQLS", "SL")).isEqualTo("SSparkSQ");
        assertThat(eval("trim", strings("éaé", "xéx"), strings("é", "x"))).containsExactly("a", "é");
        assertThat(eval1("btrim", "xxaxx", "x")).isEqualTo("a");
    }

    @Test
    void splitKeepsEmptyPiecesAndHonoursLimit() {
        assertThat(eval1("split", "a,b,,c", ",")).isEqualTo(List.of("a", "b", "", "c"));
        assertThat(eval1("split", "a,b,,c,,", ",")).isEqualTo(List.of("a", "b", "", "c", "", ""));
        assertThat(eval1("split", "oneAtwoBthreeC", "[ABC]")).isEqualTo(List.of("one", "two", "three", ""));
        assertThat(eval1("split", "oneAtwoBthreeC", "[ABC]", -1)).isEqualTo(List.of("one", "two", "three", ""));
        assertThat(eval1("split", "oneAtwoBthreeC", "[ABC]", 2)).isEqualTo(List.of("one", "twoBthreeC"));
        assertThat(eval1("split", "a.b", "\\.")).isEqualTo(List.of("a", "b"));
        assertThat(eval1("split", "abc", "")).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval1("split", "abc", "", 2)).isEqualTo(List.of("a", "bc"));
        assertThat(eval1("split", "", ",")).isEqualTo(List.of(""));
        assertThat(eval1("split", "日,本", ",")).isEqualTo(List.of("日", "本"));
        assertThat(eval1("split", "日1本22語", "\\d+")).isEqualTo(List.of("日", "本", "語"));
        assertThat(eval("split", strings("a-b", "c_d", null), strings("-", "_", "-")))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), null);
    }

    @Test
    void replaceReplacesEveryOccurrence() {
        assertThat(eval1("replace", "ABCabc", "abc", "DEF")).isEqualTo("ABCDEF");
        assertThat(eval1("replace", "ABCabc", "abc")).isEqualTo("ABC");
        assertThat(eval1("replace", "aaa", "", "x")).isEqualTo("aaa");
        assertThat(eval1("replace", "日本日本", "本", "x")).isEqualTo("日x日x");
        assertThat(eval("replace", strings("a", null), lit("a"), lit("b"))).containsExactly("b", null);
    }

    @Test
    void regexpExtractPicksAGroup() {
        assertThat(eval1("regexp_extract", "100-200", "(\\d+)-(\\d+)", 1)).isEqualTo("100");
        assertThat(eval1("regexp_extract", "100-200", "(\\d+)-(\\d+)", 2)).isEqualTo("200");
        assertThat(eval1("regexp_extract", "100-200", "(\\d+)-(\\d+)")).isEqualTo("100");
        assertThat(eval1("regexp_extract", "100-200", "(\\d+)-(\\d+)", 0)).isEqualTo("100-200");
        assertThat(eval1("regexp_extract", "foo", "(\\d+)", 1)).isEqualTo("");
        assertThat(eval1("regexp_extract", "a", "(a)|(b)", 2)).isEqualTo("");
        assertThat(eval1("regexp_extract", "日本-123", "-(\\d+)", 1)).isEqualTo("123");
        assertThat(eval1("regexp_extract", "x日本y", "x(.+)y", 1)).isEqualTo("日本");
        assertThat(eval("regexp_extract", strings("a1", "b2", null), strings("a(\\d)", "b(\\d)", "x"), lit(1)))
                .containsExactly("1", "2", null);
    }

    @Test
    void regexpExtractRejectsAGroupBeyondThePattern() {
        assertThatThrownBy(() -> eval1("regexp_extract", "100-200", "(\\d+)-(\\d+)", 3))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageContaining("[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX]")
                .hasMessageContaining("Expects group index between 0 and 2, but got 3.");
        assertThatThrownBy(() -> eval1("regexp_extract", "a", "(", 1))
                .hasMessageContaining("[INVALID_PARAMETER_VALUE.PATTERN]");
    }

    @Test
    void regexpReplaceUsesJavaReplacementSyntax() {
        assertThat(eval1("regexp_replace", "100-200", "(\\d+)", "num")).isEqualTo("num-num");
        assertThat(eval1("regexp_replace", "100-200", "(\\d+)-(\\d+)", "$2-$1")).isEqualTo("200-100");
        assertThat(eval1("regexp_replace", "abc", "x", "y")).isEqualTo("abc");
        assertThat(eval1("regexp_replace", "日本日本", "本", "x")).isEqualTo("日x日x");
        assertThat(eval1("regexp_replace", "aaaa", "a", "b", 3)).isEqualTo("aabb");
        assertThat(eval1("regexp_replace", "aaaa", "a", "b", 10)).isEqualTo("aaaa");
        assertThat(eval("regexp_replace", strings("a1", "b2"), strings("\\d", "[a-z]"), lit("_")))
                .containsExactly("a_", "_2");
    }

    @Test
    void padding() {
        assertThat(eval1("lpad", "hi", 5, "??")).isEqualTo("???hi");
        assertThat(eval1("lpad", "hi", 1, "??")).isEqualTo("h");
        assertThat(eval1("lpad", "hi", 5)).isEqualTo("   hi");
        assertThat(eval1("rpad", "hi", 5, "??")).isEqualTo("hi???");
        assertThat(eval1("rpad", "hi", 5, "")).isEqualTo("hi");
        assertThat(eval1("lpad", "hi", -1, "?")).isEqualTo("");
        assertThat(eval1("lpad", "日本", 5, "语言")).isEqualTo("语言语日本");
        assertThat(eval1("rpad", "日本", 1, "x")).isEqualTo("日");
    }

    @Test
    void instrAndLocateAreOneBased() {
        assertThat(eval1("instr", "SparkSQL", "SQL")).isEqualTo(6);
        assertThat(eval1("instr", "SparkSQL", "x")).isEqualTo(0);
        assertThat(eval1("instr", "日本語", "語")).isEqualTo(3);
        assertThat(eval1("instr", "abc", "")).isEqualTo(1);
        assertThat(eval1("locate", "bar", "foobarbar")).isEqualTo(4);
        assertThat(eval1("locate", "bar", "foobarbar", 5)).isEqualTo(7);
        assertThat(eval1("locate", "bar", "foobarbar", 0)).isEqualTo(0);
        assertThat(eval1("position", "bar", "foobarbar")).isEqualTo(4);
        assertThat(eval("locate", strings("a"), strings("ba"), col(IntegerType.INSTANCE, (Object) null)))
                .containsExactly(0);
    }

    @Test
    void reverseRepeatTranslateAscii() {
        assertThat(eval("reverse", strings("Spark SQL", "日本語", "", null))).containsExactly("LQS krapS", "語本日", "",
                null);
        assertThat(eval1("repeat", "123", 2)).isEqualTo("123123");
        assertThat(eval1("repeat", "123", -1)).isEqualTo("");
        assertThat(eval1("translate", "AaBbCc", "abc", "123")).isEqualTo("A1B2C3");
        assertThat(eval1("translate", "AaBbCc", "abc", "1")).isEqualTo("A1BC");
        assertThat(eval1("translate", "日本", "日", "x")).isEqualTo("x本");
        assertThat(eval("ascii", strings("222", "", "é", null))).containsExactly(50, 0, 233, null);
        assertThat(eval1("space", 3)).isEqualTo("   ");
    }

    @Test
    void startsEndsContains() {
        assertThat(eval1("startswith", "Spark SQL", "Spark")).isEqualTo(true);
        assertThat(eval1("startswith", "Spark SQL", "SQL")).isEqualTo(false);
        assertThat(eval1("endswith", "Spark SQL", "SQL")).isEqualTo(true);
        assertThat(eval1("contains", "Spark SQL", "k S")).isEqualTo(true);
        assertThat(eval1("contains", "Spark SQL", "")).isEqualTo(true);
        assertThat(eval("contains", strings("a", null), lit("a"))).containsExactly(true, null);
    }

    @Test
    void substringIndex() {
        assertThat(eval1("substring_index", "www.apache.org", ".", 2)).isEqualTo("www.apache");
        assertThat(eval1("substring_index", "www.apache.org", ".", -2)).isEqualTo("apache.org");
        assertThat(eval1("substring_index", "www.apache.org", ".", 5)).isEqualTo("www.apache.org");
        assertThat(eval1("substring_index", "www.apache.org", ".", 0)).isEqualTo("");
        assertThat(eval1("substring_index", "a..b", "..", -1)).isEqualTo("b");
    }

    @Test
    void emptyBatchesProduceEmptyVectors() {
        assertThat(eval("upper", strings())).isEmpty();
        assertThat(eval("substring", strings(), ints(), ints())).isEmpty();
        assertThat(eval("split", strings(), strings())).isEmpty();
        assertThat(eval("concat_ws", strings(), strings())).isEmpty();
        assertThat(eval("regexp_replace", strings(), strings(), strings())).isEmpty();
    }
}
