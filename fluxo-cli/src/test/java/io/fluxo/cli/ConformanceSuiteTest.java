package io.fluxo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every conformance case, the shared ones and the project's own, through {@code fluxo conformance}: the same
 * command {@code bin/fluxo conformance} runs. Cases of features still to come are listed in
 * {@code conformance/expected-failures.txt} and reported as XFAIL, never skipped.
 */
class ConformanceSuiteTest {
    private static final Path PROJECT_CASES = Path.of("..", "conformance").toAbsolutePath().normalize();

    @Test
    void everySharedAndProjectCasePassesOrIsAnExpectedFailure() {
        Path shared = io.fluxo.cli.conformance.SharedCaseFiles.folder();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("conformance", shared.toString(), PROJECT_CASES.toString(),
                    "--expected-failures", PROJECT_CASES.resolve("expected-failures.txt").toString());
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        List<String> lines = report.lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("FAIL") || l.startsWith("XPASS")).isEmpty();
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, 0 failed");
        assertThat(exit).isZero();
    }
}
