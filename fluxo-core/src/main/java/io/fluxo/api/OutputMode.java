package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import java.util.Locale;

/**
 * What a streaming query writes each batch: {@code Append} — only new rows, final once written; {@code Update} —
 * rows that changed; {@code Complete} — the whole result table.
 */
public enum OutputMode {
    APPEND, UPDATE, COMPLETE;

    public static OutputMode Append() {
        return APPEND;
    }

    public static OutputMode Update() {
        return UPDATE;
    }

    public static OutputMode Complete() {
        return COMPLETE;
    }

    public static OutputMode fromString(String mode) {
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "append":
                return APPEND;
            case "update":
                return UPDATE;
            case "complete":
                return COMPLETE;
            default:
                throw new AnalysisException("STREAMING_OUTPUT_MODE.INVALID", "The output mode '" + mode
                        + "' is not valid. Valid output modes: append, update, complete.");
        }
    }
}
