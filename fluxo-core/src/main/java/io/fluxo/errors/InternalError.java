package io.fluxo.errors;

import java.util.Map;

/** A bug in Fluxo, never the user's doing; kept distinct so it is not mistaken for a user error. */
public class InternalError extends FluxoException {
    public InternalError(String message) {
        super("INTERNAL_ERROR", message);
    }

    public InternalError(String message, Throwable cause) {
        super("INTERNAL_ERROR", message, Map.of(), cause);
    }
}
