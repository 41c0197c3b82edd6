package io.fluxo.connector.spi;

/** What a batch write does when the target already exists (Spark's SaveMode). */
public enum SaveMode {
    /** Fail if the target exists (the default, also called {@code errorifexists}). */
    ERROR_IF_EXISTS,
    APPEND,
    OVERWRITE,
    /** Do nothing if the target exists. */
    IGNORE;

    public static SaveMode fromString(String mode) {
        return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "error", "errorifexists", "default" -> ERROR_IF_EXISTS;
            case "append" -> APPEND;
            case "overwrite" -> OVERWRITE;
            case "ignore" -> IGNORE;
            default -> throw new io.fluxo.errors.AnalysisException("INVALID_SAVE_MODE",
                    "The save mode '" + mode + "' is not valid. Valid save modes are: error, errorifexists, append, "
                            + "overwrite, ignore.");
        };
    }
}
