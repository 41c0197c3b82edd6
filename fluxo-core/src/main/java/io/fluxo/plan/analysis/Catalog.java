package io.fluxo.plan.analysis;

import io.fluxo.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Optional;

/** Where the analyzer looks up tables and views by name (the session's temporary views, for now). */
public interface Catalog {
    Optional<LogicalPlan> lookupRelation(List<String> nameParts);

    /** Names known to the catalog, for error messages. */
    List<String> relationNames();
}
