package io.fluxo.cli.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared conformance folder for tests: where {@link SharedCases} finds it, else {@code /work/shared/conformance}
 * (where it lives on the development machines, beside every worktree).
 */
public final class SharedCaseFiles {
    private static final Path DEVELOPMENT_MACHINE_COPY = Path.of("/work/shared/conformance");

    private SharedCaseFiles() {
    }

    public static Path folder() {
        return SharedCases.locate().or(() -> Files.isDirectory(DEVELOPMENT_MACHINE_COPY)
                ? Optional.of(DEVELOPMENT_MACHINE_COPY) : Optional.empty())
                .orElseThrow(() -> new AssertionError("no shared/conformance folder above "
                        + Path.of("").toAbsolutePath() + "; set -D" + SharedCases.PROPERTY + "=<shared folder>"));
    }
}
