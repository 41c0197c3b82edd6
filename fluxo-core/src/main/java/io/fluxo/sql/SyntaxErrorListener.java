package io.fluxo.sql;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the first syntax error ANTLR reports into a {@link io.fluxo.errors.ParseException}, so a parse stops at the
 * first mistake instead of recovering and printing to the console.
 *
 * <p>For the parser, the message passed by {@link SyntaxErrorStrategy} is a hint appended to "Syntax error at or
 * near X" (such as {@code : extra input 'c'}); ANTLR's own wording is not used.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    private final ParseErrors errors;
    private final String command;

    SyntaxErrorListener(ParseErrors errors, String command) {
        this.errors = errors;
        this.command = command;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        String near;
        String hint;
        if (recognizer instanceof Lexer || !(offendingSymbol instanceof Token)) {
            near = characterAt(line, charPositionInLine);
            hint = "";
        } else {
            near = ParseErrors.display((Token) offendingSymbol);
            hint = msg == null ? "" : msg;
        }
        throw errors.at(line, charPositionInLine, ParseErrors.SYNTAX_ERROR, ParseErrors.SYNTAX_ERROR_STATE,
                "Syntax error at or near " + near + hint + ".");
    }

    private String characterAt(int line, int column) {
        String[] lines = command.split("\n", -1);
        if (line >= 1 && line <= lines.length && column >= 0 && column < lines[line - 1].length()) {
            return "'" + lines[line - 1].charAt(column) + "'";
        }
        return "end of input";
    }
}
