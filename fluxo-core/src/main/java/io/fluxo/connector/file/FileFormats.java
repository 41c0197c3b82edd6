package io.fluxo.connector.file;

import io.fluxo.connector.file.csv.CsvFileFormat;
import io.fluxo.connector.file.json.JsonFileFormat;
import io.fluxo.connector.file.text.TextFileFormat;
import io.fluxo.errors.AnalysisException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The file formats by name. */
public final class FileFormats {
    private static final List<FileFormat> FORMATS =
            List.of(new JsonFileFormat(), new CsvFileFormat(), new TextFileFormat());

    private FileFormats() {
    }

    /** The format named {@code name} (json, csv, text; any case). */
    public static FileFormat forName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (FileFormat f : FORMATS) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new AnalysisException("DATA_SOURCE_NOT_FOUND", "Failed to find the data source: " + name
                + ". Known file formats are: " + String.join(", ", names()) + ".",
                Map.of("provider", String.valueOf(name)));
    }

    /** Names of the known formats. */
    public static List<String> names() {
        return FORMATS.stream().map(FileFormat::name).toList();
    }
}
