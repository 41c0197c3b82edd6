package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import io.fluxo.errors.FluxoException;
import io.fluxo.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the steps of one case against one engine and collects what went wrong. Mirrors Spark's {@code StreamTest}:
 * each {@code add} is processed until the query is idle; the sink's batches are kept by id, so that {@code check}
 * can take the rows since the previous check (in complete mode: the last batch) and {@code checkTable} all of them.
 * The first failing step ends the case.
 */
final class CaseRun {
    private static final int STACK_FRAMES_SHOWN = 6;

    private final ConformanceCase conformanceCase;
    private final CaseEngine engine;
    private final Path checkpointDir;
    /** Rows the sink received, by batch id. */
    private final TreeMap<Long, List<Row>> batches = new TreeMap<>();
    private long checkedUpTo = Long.MIN_VALUE;
    private volatile CaseExecution execution;
    /** The query's failure not yet claimed by an {@code expectError} step. */
    private Throwable failure;
    private volatile String currentStep = "start";

    CaseRun(ConformanceCase conformanceCase, CaseEngine engine, Path checkpointDir) {
        this.conformanceCase = conformanceCase;
        this.engine = engine;
        this.checkpointDir = checkpointDir;
    }

    /** Where the run is: {@code start}, {@code step 3 (check)}; read by the runner when a case times out. */
    String currentStep() {
        return currentStep;
    }

    /** Runs the case; the report lines of the first failure, or none when the case passed. */
    List<String> run() {
        try {
            List<String> problems = steps();
            if (problems.isEmpty() && execution != null) {
                CaseExecution running = execution;
                execution = null;
                try {
                    running.close();
                } catch (RuntimeException e) {
                    List<String> lines = new ArrayList<>();
                    lines.add("stopping the query failed:");
                    lines.addAll(describe(e));
                    return lines;
                }
            }
            return problems;
        } finally {
            close();
        }
    }

    private List<String> steps() {
        start();
        List<CaseStep> steps = conformanceCase.steps();
        for (int i = 0; i < steps.size(); i++) {
            CaseStep step = steps.get(i);
            currentStep = "step " + (i + 1) + " (" + step.keyword() + ")";
            List<String> problems = perform(step);
            if (!problems.isEmpty()) {
                List<String> lines = new ArrayList<>();
                lines.add(currentStep + ": " + problems.get(0));
                lines.addAll(problems.subList(1, problems.size()));
                return lines;
            }
        }
        currentStep = "end";
        if (failure != null) {
            List<String> lines = new ArrayList<>();
            lines.add("the query failed on the last step, and no expectError step follows:");
            lines.addAll(describe(failure));
            return lines;
        }
        return List.of();
    }

    /**
     * Closes the running query, if any, ignoring what close throws: used after a failed step (the failure is the
     * verdict) and by the runner after a time-out.
     */
    void close() {
        CaseExecution running = execution;
        execution = null;
        if (running != null) {
            try {
                running.close();
            } catch (RuntimeException e) {
                // The case already failed for a reason of its own, which is the one worth reporting.
            }
        }
    }

    private void start() {
        try {
            execution = engine.start(conformanceCase, checkpointDir);
            if (execution == null) {
                throw new IllegalStateException("the engine returned no execution");
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private List<String> perform(CaseStep step) {
        if (step instanceof CaseStep.ExpectError expected) {
            return expectError(expected.text());
        }
        if (failure != null) {
            List<String> lines = new ArrayList<>();
            lines.add("unexpected error:");
            lines.addAll(describe(failure));
            return lines;
        }
        if (execution == null && !(step instanceof CaseStep.Restart)) {
            return List.of("no query is running (it failed to start); only 'restart' can follow");
        }
        if (step instanceof CaseStep.AddData add) {
            act(() -> {
                add.rows().forEach(execution::addData);
                processAndDrain();
            });
        } else if (step instanceof CaseStep.Restart) {
            restart();
        } else if (step instanceof CaseStep.AdvanceClock clock) {
            act(() -> {
                execution.advanceClock(clock.duration());
                processAndDrain();
            });
        } else if (step instanceof CaseStep.Check check) {
            return check(check.expected(), newRows(), false);
        } else if (step instanceof CaseStep.CheckSorted check) {
            return check(check.expected(), newRows(), true);
        } else if (step instanceof CaseStep.CheckTable check) {
            return check(check.expected(), tableRows(), false);
        } else if (step instanceof CaseStep.CheckProgress progress) {
            return checkProgress(progress.expected());
        } else {
            throw new IllegalStateException("step not handled: " + step);
        }
        return List.of();
    }

    private List<String> expectError(String text) {
        if (failure == null) {
            return List.of("the query did not fail; expected an error containing '" + text + "'");
        }
        if (!messages(failure).toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
            List<String> lines = new ArrayList<>();
            lines.add("expected an error containing '" + text + "', got:");
            lines.addAll(describe(failure));
            return lines;
        }
        failure = null;
        return List.of();
    }

    private void restart() {
        if (execution == null) {
            start();
            return;
        }
        act(() -> {
            drain();
            execution.restart();
        });
    }

    /** Runs an action on the query; what it throws becomes the query's failure. */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            failure = e;
        }
    }

    private void processAndDrain() {
        execution.processAllAvailable();
        drain();
    }

    private void drain() {
        List<SinkBatch> drained = execution.drainSinkBatches();
        if (drained != null) {
            for (SinkBatch batch : drained) {
                batches.put(batch.batchId(), batch.rows());
            }
        }
    }

    // ---- checks ----

    private List<Row> newRows() {
        List<Row> rows = new ArrayList<>();
        act(this::processAndDrain);
        if (failure != null || batches.isEmpty()) {
            return rows;
        }
        Map<Long, List<Row>> newer = batches.tailMap(checkedUpTo, false);
        if (conformanceCase.isCompleteMode()) {
            if (!newer.isEmpty()) {
                rows.addAll(batches.lastEntry().getValue());
            }
        } else {
            newer.values().forEach(rows::addAll);
        }
        checkedUpTo = batches.lastKey();
        return rows;
    }

    private List<Row> tableRows() {
        List<Row> rows = new ArrayList<>();
        act(this::processAndDrain);
        if (failure != null || batches.isEmpty()) {
            return rows;
        }
        if (conformanceCase.isCompleteMode()) {
            rows.addAll(batches.lastEntry().getValue());
        } else {
            batches.values().forEach(rows::addAll);
        }
        return rows;
    }

    private List<String> check(List<YamlNode.Sequence> expectedRows, List<Row> actual, boolean ordered) {
        if (failure != null) {
            List<String> lines = new ArrayList<>();
            lines.add("unexpected error:");
            lines.addAll(describe(failure));
            return lines;
        }
        StructType schema;
        try {
            schema = execution.outputSchema();
        } catch (RuntimeException e) {
            List<String> lines = new ArrayList<>();
            lines.add("the engine could not give the output schema:");
            lines.addAll(describe(e));
            return lines;
        }
        List<Row> expected;
        try {
            expected = YamlValues.rows(expectedRows, schema);
        } catch (IllegalArgumentException e) {
            return List.of("an expected row does not fit the output schema (" + schema.toDDL() + "): "
                    + e.getMessage());
        }
        return ordered ? RowComparison.ordered(actual, expected) : RowComparison.unordered(actual, expected);
    }

    private List<String> checkProgress(Map<String, YamlNode.Scalar> expected) {
        Map<String, Object> progress;
        try {
            progress = execution.lastProgress();
        } catch (RuntimeException e) {
            failure = e;
            List<String> lines = new ArrayList<>();
            lines.add("unexpected error:");
            lines.addAll(describe(e));
            return lines;
        }
        if (progress == null || progress.isEmpty()) {
            return List.of("no progress reported");
        }
        for (Map.Entry<String, YamlNode.Scalar> want : expected.entrySet()) {
            String field = want.getKey();
            if (!progress.containsKey(field)) {
                return List.of("the progress has no '" + field + "'", "progress: " + progress);
            }
            Object got = progress.get(field);
            if (!progressValueEquals(want.getValue(), got)) {
                return List.of("progress " + field + " = " + got + ", expected " + want.getValue().text(),
                        "progress: " + progress);
            }
        }
        return List.of();
    }

    private static boolean progressValueEquals(YamlNode.Scalar want, Object got) {
        if (got instanceof Number number && (want.kind() == YamlNode.ScalarKind.INTEGER
                || want.kind() == YamlNode.ScalarKind.FLOAT)) {
            try {
                return new BigDecimal(number.toString()).compareTo(new BigDecimal(want.text())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return String.valueOf(got).equalsIgnoreCase(want.text());
    }

    // ---- errors ----

    /** The messages of an error and its causes, one after the other: what {@code expectError} searches. */
    static String messages(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    /**
     * An error as report lines: class and message of it and each cause. Errors that are not Fluxo's own (a
     * {@link FluxoException} is a deliberate, user-facing error) are bugs, so their first stack frames come too.
     */
    static List<String> describe(Throwable error) {
        List<String> lines = new ArrayList<>();
        String prefix = "  ";
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            String[] messageLines = message.split("\n");
            lines.add(prefix + t.getClass().getSimpleName() + ": " + messageLines[0]);
            for (int i = 1; i < messageLines.length; i++) {
                lines.add(prefix + "  " + messageLines[i]);
            }
            if (!(t instanceof FluxoException) && !(t instanceof UnsupportedOperationException)) {
                StackTraceElement[] frames = t.getStackTrace();
                for (int i = 0; i < Math.min(frames.length, STACK_FRAMES_SHOWN); i++) {
                    lines.add("        at " + frames[i]);
                }
            }
            prefix = "  caused by ";
        }
        return lines;
    }
}
