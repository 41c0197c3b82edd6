package io.fluxo.plan.analysis;

import io.fluxo.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Optional;

/** Where the analyzer looks up tables and views by name: the session's temporary views and tables. */
public interface Catalog {
    Optional<LogicalPlan> lookupRelation(List<String> nameParts);

    /** A table read as a stream ({@code STREAM t}), when the catalog can read it so (a file table, say). */
    default Optional<LogicalPlan> lookupStream(List<String> nameParts) {
        return Optional.empty();
    }

    /**
     * Files read with a format ({@code options} holds {@code format} and the reader's options), as a batch or as a
     * stream: what {@code read_files(…)} and {@code STREAM read_files(…)} read.
     */
    default LogicalPlan readFiles(String path, java.util.Map<String, String> options, boolean streaming) {
        throw new io.fluxo.errors.AnalysisException("UNSUPPORTED_FEATURE", "This catalog cannot read files.");
    }

    /** Names known to the catalog, for error messages. */
    List<String> relationNames();
}
