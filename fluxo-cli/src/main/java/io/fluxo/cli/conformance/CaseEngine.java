package io.fluxo.cli.conformance;

import java.nio.file.Path;

/**
 * What runs a case's query: the conformance runner's one dependency on a streaming engine. {@link CaseEngines#fluxo()}
 * is Fluxo's; tests of the runner use small fakes.
 */
@FunctionalInterface
public interface CaseEngine {
    /**
     * Builds the case's query and starts it: one memory stream per {@link ConformanceCase#sources() source} (empty at
     * first), the {@link ConformanceCase#tables() tables} as static views, the {@link ConformanceCase#conf() settings}
     * on the session (whose time zone is UTC), the {@link ConformanceCase#outputMode() output mode}, a sink that
     * records each batch, a manual processing-time clock, and {@code checkpointDir} (an empty folder that the runner
     * deletes after the case) as the checkpoint location. Batches run only when the runner asks
     * ({@link CaseExecution#processAllAvailable()}), never on their own.
     *
     * @throws Exception when the query cannot start; for a query the engine refuses (an unsupported output mode, an
     *     unknown column) this is the error a case's {@code expectError} step checks, so its message should say why
     */
    CaseExecution start(ConformanceCase conformanceCase, Path checkpointDir) throws Exception;
}
