package io.fluxo.connector.file;

import io.fluxo.connector.spi.BatchScan;
import io.fluxo.connector.spi.BatchWriter;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A text file format (json, csv, text): schema inference, a scan over files and a writer of one file. Instances are
 * stateless and shared; everything per read or write comes in through the arguments.
 */
public interface FileFormat {
    /** The short name users write: {@code json}, {@code csv}, {@code text}. */
    String name();

    /**
     * Infers a schema from the files (json: union of fields, csv: header + type inference when inferSchema=true else
     * all STRING, text: "value STRING").
     */
    StructType inferSchema(List<Path> files, FileOptions options) throws IOException;

    /** A scan over the given files with the given (user or inferred) schema. */
    BatchScan createScan(List<Path> files, StructType schema, FileOptions options);

    /** A writer of one output file for one task. */
    BatchWriter createWriter(Path file, StructType schema, FileOptions options) throws IOException;

    /** The extension of written files, with its dot: {@code .json}, {@code .csv}, {@code .txt}. */
    String fileExtension();
}
