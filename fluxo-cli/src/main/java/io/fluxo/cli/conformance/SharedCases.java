package io.fluxo.cli.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared conformance cases ({@code shared/conformance}), which live beside the repository rather than in it:
 * the folder named by the system property {@value #PROPERTY} (the {@code shared} folder), else the first
 * {@code shared/conformance} found going up from the working directory.
 */
public final class SharedCases {
    /** System property naming the shared folder, the one that holds {@code conformance/}. */
    public static final String PROPERTY = "fluxo.shared.dir";

    private SharedCases() {
    }

    /** The shared conformance folder, looked for from the working directory. */
    public static Optional<Path> locate() {
        return locate(System.getProperty(PROPERTY), Path.of("").toAbsolutePath());
    }

    /**
     * The shared conformance folder: {@code sharedDir/conformance} when {@code sharedDir} is given (empty when that
     * folder does not exist), else the first {@code shared/conformance} in {@code start} or above.
     */
    static Optional<Path> locate(String sharedDir, Path start) {
        if (sharedDir != null && !sharedDir.isBlank()) {
            Path cases = Path.of(sharedDir).resolve("conformance");
            return Files.isDirectory(cases) ? Optional.of(cases) : Optional.empty();
        }
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path cases = dir.resolve("shared").resolve("conformance");
            if (Files.isDirectory(cases)) {
                return Optional.of(cases);
            }
        }
        return Optional.empty();
    }
}
