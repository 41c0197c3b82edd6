package io.fluxo.sql;

import io.fluxo.errors.ParseException;
import java.util.Objects;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the {@link ParseException}s of one parse, in Spark's shape: the message, the SQLSTATE, the position, and
 * the SQL text with a caret line under the offending column:
 *
 * <pre>
 * [PARSE_SYNTAX_ERROR] Syntax error at or near ')'. SQLSTATE: 42601 (line 1, pos 7)
 *
 * == SQL ==
 * a + (b *)
 * -------^^^
 * </pre>
 */
final class ParseErrors {
    static final String SYNTAX_ERROR = "PARSE_SYNTAX_ERROR";
    static final String SYNTAX_ERROR_STATE = "42601";

    private final String command;

    ParseErrors(String command) {
        this.command = Objects.requireNonNull(command, "command is null");
    }

    /** An error located at the first token of {@code ctx}. */
    ParseException at(ParserRuleContext ctx, String errorClass, String sqlState, String message) {
        return at(ctx.getStart(), errorClass, sqlState, message);
    }

    ParseException at(Token token, String errorClass, String sqlState, String message) {
        return at(token.getLine(), token.getCharPositionInLine(), errorClass, sqlState, message);
    }

    /**
     * An error at a 1-based line and 0-based column.
     *
     * @param message the sentence describing the error, ending with a period
     */
    ParseException at(int line, int column, String errorClass, String sqlState, String message) {
        StringBuilder sb = new StringBuilder(message.length() + command.length() + 64);
        sb.append(message).append(" SQLSTATE: ").append(sqlState)
                .append(" (line ").append(line).append(", pos ").append(column).append(")\n\n== SQL ==\n");
        String[] lines = command.split("\n");
        int above = Math.min(Math.max(line, 0), lines.length);
        for (int i = 0; i < above; i++) {
            sb.append(lines[i]).append('\n');
        }
        sb.append("-".repeat(Math.max(column, 0))).append("^^^");
        for (int i = above; i < lines.length; i++) {
            sb.append('\n').append(lines[i]);
        }
        return new ParseException(errorClass, sb.toString(), line, column);
    }

    /** How a token is named in a syntax error: its text in quotes, or "end of input". */
    static String display(Token token) {
        if (token == null || token.getType() == Token.EOF) {
            return "end of input";
        }
        return "'" + token.getText() + "'";
    }
}
