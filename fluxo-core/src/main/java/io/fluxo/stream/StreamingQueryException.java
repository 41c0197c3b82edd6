package io.fluxo.stream;

import io.fluxo.errors.FluxoException;

/** A streaming query ended with an error: the cause is what failed (a user error, bad data, a broken sink). */
public final class StreamingQueryException extends FluxoException {
    public StreamingQueryException(Throwable cause) {
        super("STREAM_FAILED", "Query terminated with exception: " + cause.getMessage(), java.util.Map.of(), cause);
    }
}
