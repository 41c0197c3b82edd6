package io.fluxo.checkpoint;

import io.fluxo.errors.FluxoException;

/** A checkpoint that cannot be used as it is: damaged, inconsistent, locked, or from a newer format. */
public final class CheckpointException extends FluxoException {
    public CheckpointException(String errorClass, String message) {
        super(errorClass, message);
    }

    public CheckpointException(String errorClass, String message, Throwable cause) {
        super(errorClass, message, java.util.Map.of(), cause);
    }
}
