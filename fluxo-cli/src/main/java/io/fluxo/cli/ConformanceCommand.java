package io.fluxo.cli;

import io.fluxo.cli.conformance.CaseEngines;
import io.fluxo.cli.conformance.CaseLoader;
import io.fluxo.cli.conformance.ConformanceRunner;
import io.fluxo.cli.conformance.ExpectedFailures;
import io.fluxo.cli.conformance.SharedCases;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fluxo conformance PATH…}: runs the streaming conformance cases (YAML files, see
 * {@code shared/conformance/README.md}) found under the paths on Fluxo's streaming engine, printing one verdict line
 * per case and closing with {@code N passed, N failed}. Exit code 0 only when nothing failed.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Run streaming conformance cases (*.yaml files) and report PASS or FAIL for each.",
                "Closes with 'N passed, N failed'; the exit code is 0 only if nothing failed."})
final class ConformanceCommand implements Callable<Integer> {
    /** The project's own cases and its expected-failures list live in {@code conformance/} of the repository. */
    static final String PROJECT_CASES = "conformance";

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Case files or folders to search for *.yaml (default: the shared conformance folder "
                    + "and the project's conformance/ folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--expected-failures", paramLabel = "FILE",
            description = "Cases expected to fail, '<path or name> — <reason>' per line "
                    + "(default: the project's conformance/expected-failures.txt).")
    Path expectedFailures;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Longest time one case may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = ConformanceRunner.DEFAULT_CASE_TIMEOUT.toSeconds();

    @Override
    public Integer call() {
        PrintStream err = System.err;
        List<Path> roots = paths;
        if (roots.isEmpty()) {
            Optional<Path> shared = SharedCases.locate();
            if (shared.isEmpty()) {
                err.println("fluxo conformance: no PATH given and no shared/conformance folder found"
                        + " (set -D" + SharedCases.PROPERTY + "=DIR or give a PATH)");
                return 2;
            }
            roots = new ArrayList<>(List.of(shared.get()));
            Path own = projectHome().resolve(PROJECT_CASES);
            if (Files.isDirectory(own)) {
                roots.add(own);
            }
        }
        List<Path> cases;
        ExpectedFailures expected;
        try {
            cases = CaseLoader.discover(roots);
            expected = expectedFailures();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("fluxo conformance: " + e.getMessage());
            return 2;
        }
        if (cases.isEmpty()) {
            err.println("fluxo conformance: no *.yaml cases under " + roots);
            return 2;
        }
        ConformanceRunner runner = new ConformanceRunner(CaseEngines.fluxo(), expected, System.out,
                Duration.ofSeconds(timeoutSeconds));
        return runner.run(cases).exitCode();
    }

    private ExpectedFailures expectedFailures() {
        if (expectedFailures != null) {
            if (!Files.isRegularFile(expectedFailures)) {
                throw new IllegalArgumentException("no such expected-failures file: " + expectedFailures);
            }
            return ExpectedFailures.load(expectedFailures);
        }
        Path projectList = projectHome().resolve(PROJECT_CASES).resolve("expected-failures.txt");
        return Files.isRegularFile(projectList) ? ExpectedFailures.load(projectList) : ExpectedFailures.none();
    }

    /** The repository's root: {@code -Dfluxo.home} as {@code bin/fluxo} sets it, else the working directory. */
    static Path projectHome() {
        String home = System.getProperty("fluxo.home");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of("");
    }
}
