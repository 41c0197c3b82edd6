package io.fluxo.cli.conformance;

/** The engines the conformance runner can run cases on. */
public final class CaseEngines {
    /** What {@link #fluxo()}'s engine says until the streaming engine provides it. */
    public static final String NOT_AVAILABLE = "streaming queries are not implemented yet";

    private CaseEngines() {
    }

    /**
     * Fluxo's streaming engine. The streaming engine provides this implementation (memory streams for the sources, a
     * sink that records batches, a manual clock; see {@link CaseEngine#start} and {@link CaseExecution}); until it
     * lands, starting a case fails with {@value #NOT_AVAILABLE}, so each case is reported as FAIL with that reason.
     */
    public static CaseEngine fluxo() {
        return (conformanceCase, checkpointDir) -> {
            throw new UnsupportedOperationException(NOT_AVAILABLE);
        };
    }
}
