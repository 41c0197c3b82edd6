package io.fluxo.cli.conformance;

/**
 * A case file that does not follow the format of {@code shared/conformance/README.md}. The message names the file
 * and the place ({@code unknown step 'chek' in cases/x.yaml, step 3}), so the author can fix it without a debugger.
 */
public final class CaseFormatException extends RuntimeException {
    public CaseFormatException(String message) {
        super(message);
    }

    public CaseFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
