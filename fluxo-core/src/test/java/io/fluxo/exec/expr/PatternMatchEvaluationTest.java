package io.fluxo.exec.expr;

import static io.fluxo.exec.expr.Eval.batch;
import static io.fluxo.exec.expr.Eval.col;
import static io.fluxo.exec.expr.Eval.lit;
import static io.fluxo.exec.expr.Eval.selected;
import static io.fluxo.exec.expr.Eval.values;
import static io.fluxo.exec.expr.Eval.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Like;
import io.fluxo.plan.expr.RLike;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PatternMatchEvaluationTest {
    private static final DataType STRING = DataTypes.StringType;
    private static final String[] SUBJECTS = {"", "a", "abc", "abcabc", "xabcx", "a.c", "a%c", "a_c", "é", "aé",
        "日本語", "a\nb", "😀x", "ab\\c", "[a]", "aXbXc"};

    private static List<Object> like(String pattern, char escape, String... subjects) {
        return values(new Like(col(0, STRING), lit(pattern, STRING), escape), batch(vector(STRING,
                (Object[]) subjects)));
    }

    /** Spark's own translation of a LIKE pattern to a regex, as the reference to check the byte matcher against. */
    private static boolean reference(String pattern, char escape, String subject) {
        StringBuilder out = new StringBuilder("(?s)");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                out.append(Pattern.quote(Character.toString(pattern.charAt(++i))));
            } else if (c == '_') {
                out.append('.');
            } else if (c == '%') {
                out.append(".*");
            } else {
                out.append(Pattern.quote(Character.toString(c)));
            }
        }
        return Pattern.compile(out.toString()).matcher(subject).matches();
    }

    @Test
    void fastShapesAndGeneralPatternsAgreeWithTheRegexTranslation() {
        String[] patterns = {"abc", "a%", "%c", "%b%", "%", "%%", "", "a_c", "_", "__", "a%c", "%a%c%", "a%b%c",
            "_%_", "%_", "a.c", "a\\%c", "a\\_c", "[a]", "%é", "_é", "日_語", "%本%", "a_b", "_x", "%X%X%", "a%%c",
            "ab\\\\c", "a%\\_%"};
        for (String p : patterns) {
            List<Object> got = like(p, '\\', SUBJECTS);
            List<Object> expected = new ArrayList<>();
            for (String s : SUBJECTS) {
                expected.add(reference(p, '\\', s));
            }
            assertThat(got).as("pattern %s", p).isEqualTo(expected);
        }
    }

    @Test
    void customEscapeCharacterAndRegexCharactersAreLiteral() {
        assertThat(like("a!%c", '!', "a%c", "abc")).containsExactly(true, false);
        assertThat(like("a!!c", '!', "a!c", "a!!c")).containsExactly(true, false);
        assertThat(like("a.*", '\\', "a.*", "abc")).containsExactly(true, false);
        assertThat(like("(a|b)+", '\\', "(a|b)+", "a")).containsExactly(true, false);
    }

    @Test
    void misplacedEscapesAreAnalysisErrors() {
        assertThatThrownBy(() -> like("abc\\", '\\', "x")).isInstanceOf(AnalysisException.class)
                .hasMessage("[INVALID_FORMAT.ESC_AT_THE_END] The format is invalid: 'abc\\'. The escape character is "
                        + "not allowed to end with.");
        assertThatThrownBy(() -> like("a\\bc", '\\', "x")).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("The escape character is not allowed to precede 'b'");
    }

    @Test
    void nullsAndPatternsFromAColumn() {
        ColumnBatch b = batch(vector(STRING, "abc", null, "xyz", "abd", "abc"),
                vector(STRING, "a%", "a%", null, "a_c", "a_c"));
        Expression like = new Like(col(0, STRING), col(1, STRING), '\\');
        assertThat(values(like, b)).containsExactly(true, null, null, false, true);
        assertThat(selected(like, b)).containsExactly(0, 4);
        assertThat(values(new Like(col(0, STRING), lit(null, STRING), '\\'), b)).containsExactly(null, null, null,
                null, null);
        assertThat(values(new Like(col(0, STRING), lit("%", STRING), '\\'), b)).containsExactly(true, null, true,
                true, true);
    }

    @Test
    void rlikeFindsAnywhere() {
        ColumnBatch b = batch(vector(STRING, "hello world", "HELLO", "日本語", null, "say hello"));
        assertThat(values(new RLike(col(0, STRING), lit("hello", STRING)), b)).containsExactly(true, false, false,
                null, true);
        assertThat(values(new RLike(col(0, STRING), lit("^h.*d$", STRING)), b)).containsExactly(true, false, false,
                null, false);
        assertThat(values(new RLike(col(0, STRING), lit("本.", STRING)), b)).containsExactly(false, false, true,
                null, false);
        assertThat(values(new RLike(col(0, STRING), lit("(?i)^hello$", STRING)), b)).containsExactly(false, true,
                false, null, false);
        ColumnBatch varying = batch(vector(STRING, "abc", "abc", "zzz"), vector(STRING, "b", "^b", "z+"));
        assertThat(values(new RLike(col(0, STRING), col(1, STRING)), varying)).containsExactly(true, false, true);
        assertThatThrownBy(() -> values(new RLike(col(0, STRING), lit("(", STRING)), b))
                .isInstanceOf(FluxoRuntimeException.class)
                .hasMessageStartingWith("[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) `regexp` in "
                        + "`rlike` is invalid");
    }
}
