package io.fluxo.errors;

import java.util.Map;

/**
 * A failure while processing data that the data itself caused: a value that cannot be cast under ANSI rules, an
 * arithmetic overflow, a malformed record in FAILFAST mode. The message names the value and, where known, the place.
 */
public class FluxoRuntimeException extends FluxoException {
    public FluxoRuntimeException(String errorClass, String message) {
        super(errorClass, message);
    }

    public FluxoRuntimeException(String errorClass, String message, Throwable cause) {
        super(errorClass, message, Map.of(), cause);
    }
}
