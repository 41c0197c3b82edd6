package io.fluxo.api;

import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.stream.StreamSink;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@code memory} sink: keeps every batch's rows in memory under the query's name, queryable with
 * {@code session.table(name)} or SQL while the query runs. In complete mode the table is the last batch; otherwise
 * all rows so far. A batch id it already holds is ignored, so re-running a batch after a restart adds nothing twice.
 */
final class MemorySink implements StreamSink {
    private final Session session;
    private final String name;
    private final OutputMode mode;
    private final TreeMap<Long, List<ColumnBatch>> batches = new TreeMap<>();
    private List<AttributeReference> output;

    MemorySink(Session session, String name, OutputMode mode) {
        this.session = session;
        this.name = name;
        this.mode = mode;
    }

    @Override
    public synchronized void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) {
        if (batches.containsKey(batchId)) {
            return;
        }
        if (output == null) {
            output = new ArrayList<>();
            for (StructField f : schema.fields()) {
                output.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
            }
        }
        batches.put(batchId, List.copyOf(rows));
        if (name != null) {
            session.registerTempView(name, new LocalRelation(output, table()), true);
        }
    }

    /** The rows the table holds now. */
    synchronized List<ColumnBatch> table() {
        if (mode == OutputMode.COMPLETE) {
            return batches.isEmpty() ? List.of() : batches.lastEntry().getValue();
        }
        List<ColumnBatch> all = new ArrayList<>();
        batches.values().forEach(all::addAll);
        return all;
    }

    /** The rows of batches after {@code afterBatchId}, batch by batch, with the last batch id seen. */
    synchronized TreeMap<Long, List<ColumnBatch>> batchesAfter(long afterBatchId) {
        return new TreeMap<>(batches.tailMap(afterBatchId, false));
    }

    @Override
    public String description() {
        return "MemorySink";
    }
}
