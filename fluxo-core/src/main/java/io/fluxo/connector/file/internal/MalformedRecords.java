package io.fluxo.connector.file.internal;

import io.fluxo.connector.file.FileListing;
import io.fluxo.connector.file.FileOptions;
import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import java.nio.file.Path;
import java.util.Map;

/** Errors about malformed records, and the corrupt-record column, shared by the JSON and CSV readers. */
public final class MalformedRecords {
    public static final String ERROR_CLASS = "MALFORMED_RECORD_IN_PARSING";
    private static final int MAX_SHOWN = 200;

    private MalformedRecords() {
    }

    /**
     * The FAILFAST error: {@code Malformed records are detected in record parsing: file:/x.json, line 3: cannot
     * parse 'abc' as INT for field 'amount'.} and Spark's hint about the mode.
     */
    public static FluxoRuntimeException failFast(Path file, long line, String detail, Throwable cause) {
        String message = "Malformed records are detected in record parsing: " + FileListing.display(file)
                + (line > 0 ? ", line " + line : "") + ": " + detail + ". Parse Mode: FAILFAST. To process malformed "
                + "records as null result, try setting the option 'mode' as 'PERMISSIVE'.";
        return new FluxoRuntimeException(ERROR_CLASS, message, cause);
    }

    /** The error when schema inference meets a malformed record in FAILFAST mode. */
    public static FluxoRuntimeException failFastInInference(Path file, long line, String detail, Throwable cause) {
        String message = "Malformed records are detected in schema inference: " + FileListing.display(file)
                + (line > 0 ? ", line " + line : "") + ": " + detail + ". Parse Mode: FAILFAST.";
        return new FluxoRuntimeException(ERROR_CLASS, message, cause);
    }

    /** A value for a message, cut to a readable length. */
    public static String shown(String value) {
        return value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN) + "…";
    }

    /**
     * Index of the corrupt-record column ({@code columnNameOfCorruptRecord}, exact name) in {@code schema}, or -1.
     * The column must be a STRING.
     */
    public static int corruptColumnIndex(StructType schema, FileOptions options) {
        String name = options.columnNameOfCorruptRecord();
        for (int i = 0; i < schema.size(); i++) {
            StructField f = schema.field(i);
            if (f.name().equals(name)) {
                if (!(f.dataType() instanceof StringType)) {
                    throw new AnalysisException("INVALID_CORRUPT_RECORD_TYPE", "The column `" + name
                            + "` for corrupt records must have the nullable STRING type, but got "
                            + f.dataType().sql() + ".", Map.of("columnName", name, "actualType", f.dataType().sql()));
                }
                return i;
            }
        }
        return -1;
    }
}
