package io.fluxo.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.ParseException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlParserErrorTest {
    private static ParseException parseError(String sql) {
        return catchThrowableOfType(ParseException.class, () -> SqlParser.parseExpression(sql));
    }

    @Test
    void syntaxErrorPointsAtTheOffendingToken() {
        ParseException e = parseError("a + (b *)");
        assertThat(e.getMessage()).isEqualTo("""
                [PARSE_SYNTAX_ERROR] Syntax error at or near ')'. SQLSTATE: 42601 (line 1, pos 8)

                == SQL ==
                a + (b *)
                --------^^^""");
        assertThat(e.getErrorClass()).isEqualTo("PARSE_SYNTAX_ERROR");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e).isInstanceOf(AnalysisException.class);
    }

    @Test
    void endOfInputIsNamedAsSuch() {
        ParseException e = parseError("a +");
        assertThat(e.getMessage()).isEqualTo("""
                [PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 1, pos 3)

                == SQL ==
                a +
                ---^^^""");
    }

    @Test
    void multiLineInputShowsTheCaretUnderTheErrorLine() {
        ParseException e = parseError("a +\n  b *\n  )\nfoo");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("""
                [PARSE_SYNTAX_ERROR] Syntax error at or near ')': extra input ')'. SQLSTATE: 42601 (line 3, pos 2)

                == SQL ==
                a +
                  b *
                  )
                --^^^
                foo""");
    }

    @Test
    void trailingNewlineDoesNotAddAnEmptyLine() {
        ParseException e = parseError("a +\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).endsWith("== SQL ==\na +\n^^^");
    }

    @Test
    void extraInputIsReported() {
        ParseException e = parseError("a b c");
        assertThat(e.getMessage()).startsWith(
                "[PARSE_SYNTAX_ERROR] Syntax error at or near 'c': extra input 'c'. SQLSTATE: 42601 (line 1, pos 4)");
    }

    @Test
    void missingTokenIsReported() {
        ParseException e = parseError("CAST(a AS INT");
        assertThat(e.getMessage()).startsWith(
                "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing ')'. SQLSTATE: 42601");
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("", "end of input", 1, 0),
                Arguments.of("a + / b", "'/'", 1, 4),
                Arguments.of("f(a,)", "')'", 1, 4),
                Arguments.of("(a", "end of input", 1, 2),
                Arguments.of("a)", "')'", 1, 1),
                Arguments.of("a IN ()", "'('", 1, 5), // as Spark 4: SELECT 1 IN () fails at the '('
                Arguments.of("CAST(a AS)", "')'", 1, 9),
                Arguments.of("a NOT IN 1", "'1'", 1, 9),
                Arguments.of("a IS 1", "'1'", 1, 5),
                Arguments.of("f(a b)", "'b'", 1, 4),
                Arguments.of("a BETWEEN 1", "end of input", 1, 11),
                Arguments.of("'unterminated", "'''", 1, 0),
                Arguments.of("a # b", "'#'", 1, 2),
                Arguments.of("a.", "end of input", 1, 2),
                Arguments.of("a AS b AS c", "'AS'", 1, 7),
                Arguments.of("x\n\t+ )", "')'", 2, 3));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("syntaxErrors")
    void reportsSyntaxErrors(String sql, String near, int line, int column) {
        ParseException e = parseError(sql);
        assertThat(e).as(sql).isNotNull();
        assertThat(e.getMessage()).startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near " + near);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
    }

    @Test
    void unclosedCommentIsItsOwnError() {
        ParseException e = parseError("a + 1 /* never closed");
        assertThat(e.getErrorClass()).isEqualTo("UNCLOSED_BRACKETED_COMMENT");
        assertThat(e.getMessage()).startsWith("[UNCLOSED_BRACKETED_COMMENT] Found an unclosed bracketed comment. "
                + "Please, append */ at the end of the comment. SQLSTATE: 42601 (line 1, pos 6)");
    }

    static Stream<Arguments> literalErrors() {
        return Stream.of(
                Arguments.of("128Y", "[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal 128 is outside the valid range "
                        + "for tinyint with minimum value of -128 and maximum value of 127. Please adjust the value "
                        + "accordingly. SQLSTATE: 22003 (line 1, pos 0)"),
                Arguments.of("40000S", "[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal 40000 is outside the valid "
                        + "range for smallint"),
                Arguments.of("9223372036854775808L", "[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal "
                        + "9223372036854775808 is outside the valid range for bigint"),
                Arguments.of("1e309", "[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal 1e309 is outside the valid "
                        + "range for double"),
                Arguments.of("1e39F", "[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal 1e39 is outside the valid "
                        + "range for float"),
                Arguments.of("1" + "0".repeat(38), "[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision 39 "
                        + "exceeds max precision 38. SQLSTATE: 22003"),
                Arguments.of("DATE '2024-13-01'", "[INVALID_TYPED_LITERAL] The value of the typed literal \"DATE\" "
                        + "is invalid: '2024-13-01'. SQLSTATE: 42604 (line 1, pos 0)"),
                Arguments.of("a = TIMESTAMP 'noon'", "[INVALID_TYPED_LITERAL] The value of the typed literal "
                        + "\"TIMESTAMP\" is invalid: 'noon'. SQLSTATE: 42604 (line 1, pos 4)"),
                Arguments.of("X'0G'", "[INVALID_TYPED_LITERAL] The value of the typed literal \"X\" is invalid"),
                Arguments.of("foo 'bar'", "[UNSUPPORTED_TYPED_LITERAL] Literals of the type \"FOO\" are not "
                        + "supported."),
                Arguments.of("TIMESTAMP_NTZ '2024-01-01'", "[UNSUPPORTED_TYPED_LITERAL] Literals of the type "
                        + "\"TIMESTAMP_NTZ\""),
                Arguments.of("a LIKE 'x' ESCAPE 'ab'", "[INVALID_ESC] Found an invalid escape string: 'ab'. The "
                        + "escape string must contain only one character. SQLSTATE: 42604 (line 1, pos 18)"),
                Arguments.of("CAST(a AS foo)", "[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\". SQLSTATE: "
                        + "0A000 (line 1, pos 10)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("literalErrors")
    void reportsInvalidLiteralsAndTypes(String sql, String messageStart) {
        assertThatThrownBy(() -> SqlParser.parseExpression(sql)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> SqlParser.parseExpression(null)).isInstanceOf(NullPointerException.class);
    }
}
