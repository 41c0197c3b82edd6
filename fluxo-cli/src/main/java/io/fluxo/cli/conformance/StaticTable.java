package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import io.fluxo.types.StructType;
import java.util.List;
import java.util.Objects;

/** A static (batch) table of a case, for stream-static joins: its schema and its rows, already typed. */
public record StaticTable(StructType schema, List<Row> rows) {
    public StaticTable {
        Objects.requireNonNull(schema, "schema is null");
        rows = List.copyOf(rows);
    }
}
