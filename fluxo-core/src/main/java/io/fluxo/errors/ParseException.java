package io.fluxo.errors;

/** SQL or expression text that does not parse; the message shows the line, column and a caret under the spot. */
public class ParseException extends AnalysisException {
    private final int line;
    private final int column;

    public ParseException(String message, int line, int column) {
        this("PARSE_SYNTAX_ERROR", message, line, column);
    }

    /** A parse failure of another class than a plain syntax error, e.g. {@code UNSUPPORTED_DATATYPE}. */
    public ParseException(String errorClass, String message, int line, int column) {
        super(errorClass, message);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 0-based column of the error within its line. */
    public int column() {
        return column;
    }
}
