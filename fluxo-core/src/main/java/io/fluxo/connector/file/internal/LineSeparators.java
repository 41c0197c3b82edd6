package io.fluxo.connector.file.internal;

import io.fluxo.connector.file.FileOptions;
import java.nio.charset.StandardCharsets;

/** The {@code lineSep} option: {@code \n}, {@code \r} or {@code \r\n} when reading by default, {@code \n} when writing. */
public final class LineSeparators {
    private LineSeparators() {
    }

    /** Separator bytes for reading, or {@code null} for the default (any of \n, \r, \r\n). */
    public static byte[] forRead(FileOptions options) {
        String sep = options.getString("lineSep", null);
        return sep == null ? null : check(sep).getBytes(StandardCharsets.UTF_8);
    }

    /** Separator for writing, {@code \n} by default. */
    public static String forWrite(FileOptions options) {
        String sep = options.getString("lineSep", null);
        return sep == null ? "\n" : check(sep);
    }

    private static String check(String sep) {
        if (sep.isEmpty()) {
            throw FileOptions.invalid("lineSep", sep, "a non-empty separator");
        }
        return sep;
    }
}
