package io.fluxo.errors;

import java.util.Map;
import java.util.Objects;

/**
 * Base of every error Fluxo raises on purpose. Each carries a stable error class (Spark's names where Spark has one,
 * such as {@code UNRESOLVED_COLUMN}) so callers can branch on the kind of failure without parsing messages.
 */
public class FluxoException extends RuntimeException {
    private final String errorClass;
    private final Map<String, String> messageParameters;

    public FluxoException(String errorClass, String message) {
        this(errorClass, message, Map.of(), null);
    }

    public FluxoException(String errorClass, String message, Map<String, String> messageParameters, Throwable cause) {
        super(formatMessage(errorClass, message), cause);
        this.errorClass = Objects.requireNonNull(errorClass, "errorClass is null");
        this.messageParameters = Map.copyOf(messageParameters);
    }

    private static String formatMessage(String errorClass, String message) {
        return errorClass.isEmpty() ? message : "[" + errorClass + "] " + message;
    }

    /** The stable error class, e.g. {@code UNRESOLVED_COLUMN.WITH_SUGGESTION}. */
    public String getErrorClass() {
        return errorClass;
    }

    public Map<String, String> getMessageParameters() {
        return messageParameters;
    }
}
