package io.fluxo.cli.conformance;

/**
 * The counts of a conformance run. {@code failed} includes XPASS cases (listed as expected to fail, yet passing);
 * {@code expectedFailures} counts XFAIL cases, which neither pass nor fail the run.
 */
public record RunSummary(int passed, int failed, int expectedFailures) {

    /** 0 when nothing failed, else 1. */
    public int exitCode() {
        return failed == 0 ? 0 : 1;
    }

    /** The report's closing line, exactly {@code N passed, N failed}. */
    public String closingLine() {
        return passed + " passed, " + failed + " failed";
    }
}
