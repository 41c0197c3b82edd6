package io.fluxo.connector.file;

import java.util.Locale;

/** What a reader does with a record it cannot parse (Spark's {@code mode} option). */
public enum ParseMode {
    /** Keep the record: fields that failed become null and the raw text goes to the corrupt-record column. */
    PERMISSIVE,
    /** Drop the record and count it. */
    DROPMALFORMED,
    /** Stop the read with an error naming the file, the line and the value. */
    FAILFAST;

    public static ParseMode fromOption(String value) {
        switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "PERMISSIVE":
                return PERMISSIVE;
            case "DROPMALFORMED":
                return DROPMALFORMED;
            case "FAILFAST":
                return FAILFAST;
            default:
                throw FileOptions.invalid("mode", value, "one of PERMISSIVE, DROPMALFORMED, FAILFAST");
        }
    }
}
