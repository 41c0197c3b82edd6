package io.fluxo.cli.conformance;

/** The engines the conformance runner can run cases on. */
public final class CaseEngines {
    private CaseEngines() {
    }

    /** Fluxo's streaming engine, driven through its public API. */
    public static CaseEngine fluxo() {
        return new FluxoCaseEngine();
    }
}
