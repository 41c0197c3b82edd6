package io.fluxo.cli.conformance;

import java.util.List;
import java.util.Objects;

/** A case's query: SQL text over the sources and tables as views, or a list of DataFrame steps. */
public sealed interface CaseQuery permits CaseQuery.Sql, CaseQuery.DataFrameSteps {

    /**
     * {@code query: {sql: …}}: one SELECT; each source is a streaming view and each table a static view of its name.
     * A source may carry a watermark in the FROM clause ({@code FROM sales WATERMARK ts DELAY OF INTERVAL 5 MINUTES}).
     */
    record Sql(String text) implements CaseQuery {
        public Sql {
            Objects.requireNonNull(text, "text is null");
        }
    }

    /** {@code query: {dataframe: [steps]}}: DataFrame calls applied in order; the first is a source or a table. */
    record DataFrameSteps(List<QueryStep> steps) implements CaseQuery {
        public DataFrameSteps {
            steps = List.copyOf(steps);
        }
    }
}
