package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import java.util.List;

/** The rows one micro-batch wrote to a case's sink, with the batch's id. */
public record SinkBatch(long batchId, List<Row> rows) {
    public SinkBatch {
        rows = List.copyOf(rows);
    }
}
