package io.fluxo.cli.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs conformance cases on a {@link CaseEngine} and prints the report: one line per case ({@code PASS name},
 * {@code FAIL name} followed by indented details, {@code XFAIL name (reason)}, {@code XPASS name} followed by a loud
 * line), then, when some cases were expected to fail, {@code N expected to fail}, and finally exactly
 * {@code N passed, N failed} alone on the last line.
 *
 * <p>Each case runs on its own thread with a fresh checkpoint folder, and fails when it takes longer than the
 * time-out, so one hanging query cannot stop the run.
 */
public final class ConformanceRunner {
    /** How long one case may take unless told otherwise. */
    public static final Duration DEFAULT_CASE_TIMEOUT = Duration.ofSeconds(60);

    private final CaseEngine engine;
    private final ExpectedFailures expectedFailures;
    private final PrintStream out;
    private final Duration caseTimeout;

    public ConformanceRunner(CaseEngine engine, ExpectedFailures expectedFailures, PrintStream out,
            Duration caseTimeout) {
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.expectedFailures = Objects.requireNonNull(expectedFailures, "expectedFailures is null");
        this.out = Objects.requireNonNull(out, "out is null");
        this.caseTimeout = Objects.requireNonNull(caseTimeout, "caseTimeout is null");
    }

    /** Runs the case files in the order given, printing each verdict as it comes, then the totals. */
    public RunSummary run(List<Path> caseFiles) {
        int passed = 0;
        int failed = 0;
        int expectedToFail = 0;
        for (Path file : caseFiles) {
            CaseOutcome outcome = runCase(file);
            outcome.reportLines().forEach(out::println);
            out.flush();
            switch (outcome.status()) {
                case PASS -> passed++;
                case XFAIL -> expectedToFail++;
                default -> failed++;
            }
        }
        RunSummary summary = new RunSummary(passed, failed, expectedToFail);
        if (expectedToFail > 0) {
            out.println(expectedToFail + " expected to fail");
        }
        out.println(summary.closingLine());
        out.flush();
        return summary;
    }

    /** Loads and runs one case, and judges it against the expected-failures list. */
    public CaseOutcome runCase(Path file) {
        ConformanceCase loaded;
        try {
            loaded = CaseLoader.load(file);
        } catch (CaseFormatException e) {
            return judge(file.toString(), file, List.of("cannot load the case: " + e.getMessage()));
        }
        return judge(loaded.name(), file, execute(loaded));
    }

    private CaseOutcome judge(String name, Path file, List<String> problems) {
        String reason = expectedFailures.reasonFor(name, file).orElse(null);
        if (reason == null) {
            return new CaseOutcome(name, file, problems.isEmpty() ? CaseOutcome.Status.PASS
                    : CaseOutcome.Status.FAIL, "", problems);
        }
        return new CaseOutcome(name, file, problems.isEmpty() ? CaseOutcome.Status.XPASS
                : CaseOutcome.Status.XFAIL, reason, problems);
    }

    /** Runs a loaded case on its own thread within the time-out; the report lines of its failure, or none. */
    private List<String> execute(ConformanceCase conformanceCase) {
        Path checkpointDir;
        try {
            checkpointDir = Files.createTempDirectory("fluxo-conformance-");
        } catch (IOException e) {
            return List.of("cannot create a checkpoint folder: " + e);
        }
        CaseRun run = new CaseRun(conformanceCase, engine, checkpointDir);
        FutureTask<List<String>> task = new FutureTask<>(run::run);
        Thread thread = new Thread(task, "conformance " + conformanceCase.name());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(caseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            run.close();
            return List.of("timed out after " + caseTimeout.toSeconds() + " s in " + run.currentStep());
        } catch (ExecutionException e) {
            List<String> lines = new ArrayList<>();
            lines.add("the runner failed in " + run.currentStep() + ":");
            lines.addAll(CaseRun.describe(e.getCause()));
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return List.of("interrupted in " + run.currentStep());
        } finally {
            deleteTree(checkpointDir);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A temporary folder left behind (say, by a query still running after a time-out) is harmless.
        }
    }
}
