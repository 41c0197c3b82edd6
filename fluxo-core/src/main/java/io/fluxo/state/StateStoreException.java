package io.fluxo.state;

import io.fluxo.errors.FluxoRuntimeException;

/** A state store that cannot be loaded or written: damaged or missing files, a version that does not exist. */
public final class StateStoreException extends FluxoRuntimeException {
    public StateStoreException(String errorClass, String message) {
        super(errorClass, message);
    }
}
