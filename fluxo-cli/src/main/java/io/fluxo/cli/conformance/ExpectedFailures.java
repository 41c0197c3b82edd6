package io.fluxo.cli.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cases known to fail, with the reason, from {@code conformance/expected-failures.txt}: one case a line,
 * {@code <case file path or case name> — <reason>} (an em dash, or {@code --}), {@code #} comments and blank lines
 * ignored. A path entry matches a case file whose path ends with it ({@code stateful/dedup_watermark.yaml}); a name
 * entry matches the case's {@code name}. Listed cases still run: a failure is reported as XFAIL, a pass as XPASS, which
 * counts as a failure because the list is then out of date.
 */
public final class ExpectedFailures {
    private final List<Entry> entries;

    /** One line of the file. */
    record Entry(String key, String reason, int line) {
    }

    private ExpectedFailures(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ExpectedFailures none() {
        return new ExpectedFailures(List.of());
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException when a line has no reason
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ExpectedFailures load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses the lines of a file that {@code source} names in errors.
     *
     * @throws IllegalArgumentException when a line has no reason
     */
    public static ExpectedFailures parse(List<String> lines, String source) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int cut = line.indexOf(" — ");
            int width = 3;
            if (cut < 0) {
                cut = line.indexOf(" -- ");
                width = 4;
            }
            String key = cut < 0 ? "" : line.substring(0, cut).strip();
            String reason = cut < 0 ? "" : line.substring(cut + width).strip();
            if (key.isEmpty() || reason.isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + " of " + source
                        + ": write '<case file path or case name> — <reason>', got: " + line);
            }
            entries.add(new Entry(key, reason, i + 1));
        }
        return new ExpectedFailures(entries);
    }

    /** The reason the case is expected to fail, if it is listed. */
    public Optional<String> reasonFor(String caseName, Path caseFile) {
        for (Entry entry : entries) {
            if (entry.key().equals(caseName) || pathEndsWith(caseFile, entry.key())) {
                return Optional.of(entry.reason());
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static boolean pathEndsWith(Path file, String key) {
        if (file == null || !(key.endsWith(".yaml") || key.contains("/"))) {
            return false;
        }
        try {
            return file.normalize().endsWith(Path.of(key).normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
