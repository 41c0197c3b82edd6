package io.fluxo.cli.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one case: its status, and the report lines saying what went wrong.
 *
 * @param name the case's name (its path when the file could not be read)
 * @param file the case file
 * @param status the verdict
 * @param reason for a listed case (XFAIL, XPASS), the reason the expected-failures file gives; else empty
 * @param details what differed, one report line each, without indentation
 */
public record CaseOutcome(String name, Path file, Status status, String reason, List<String> details) {

    /** PASS and FAIL for ordinary cases; XFAIL and XPASS for cases listed as expected to fail. */
    public enum Status {
        PASS, FAIL, XFAIL, XPASS;

        /** Whether the run fails because of this case: a FAIL, or an XPASS (the expected-failures list is stale). */
        public boolean failsTheRun() {
            return this == FAIL || this == XPASS;
        }
    }

    public CaseOutcome {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(reason, "reason is null");
        details = List.copyOf(details);
    }

    /** The report's lines for this case: {@code PASS name}, or the status line and indented details. */
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        switch (status) {
            case PASS -> lines.add("PASS " + name);
            case FAIL -> lines.add("FAIL " + name);
            case XFAIL -> lines.add("XFAIL " + name + " (" + reason + ")");
            case XPASS -> {
                lines.add("XPASS " + name);
                lines.add("    !!! listed in the expected failures (" + reason + ") but it PASSES:"
                        + " remove it from the list");
            }
        }
        if (status == Status.FAIL) {
            if (file != null) {
                lines.add("    file: " + file);
            }
            details.forEach(d -> lines.add("    " + d));
        }
        return lines;
    }
}
