package io.fluxo.connector.file.json;

/**
 * A JSON value that does not fit its column (a string for an INT, an INT overflow …). Thrown by value readers with
 * the parser positioned on the value's last token, caught by the enclosing object, which nulls the field and marks
 * the record malformed. Cheap: no stack trace, since PERMISSIVE reads may meet many.
 */
final class JsonValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JsonValueException(String detail) {
        super(detail, null, false, false);
    }
}
