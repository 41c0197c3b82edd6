package io.fluxo.errors;

import java.util.Map;

/** A query that cannot run as written: an unknown column or function, a type mismatch, an unsupported plan. */
public class AnalysisException extends FluxoException {
    public AnalysisException(String errorClass, String message) {
        super(errorClass, message);
    }

    public AnalysisException(String errorClass, String message, Map<String, String> messageParameters) {
        super(errorClass, message, messageParameters, null);
    }

    public AnalysisException(String errorClass, String message, Throwable cause) {
        super(errorClass, message, Map.of(), cause);
    }
}
