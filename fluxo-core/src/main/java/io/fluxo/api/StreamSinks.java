package io.fluxo.api;

import io.fluxo.stream.StreamSink;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.PrintStream;
import java.util.List;

/** The sinks that hand batches to user code: {@code foreachBatch} and {@code console}. */
final class StreamSinks {
    private StreamSinks() {
    }

    static StreamSink foreachBatch(Session session, ForeachBatchFunction function) {
        return new StreamSink() {
            @Override
            public void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) throws Exception {
                function.call(session.createDataFrame(schema, rows), batchId);
            }

            @Override
            public String description() {
                return "ForeachBatchSink";
            }
        };
    }

    /** Spark's console sink: a batch header, then the rows as {@code show()} prints them. */
    static StreamSink console(Session session, int numRows, boolean truncate, PrintStream out) {
        return new StreamSink() {
            @Override
            public void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) {
                String line = "-------------------------------------------";
                out.println(line);
                out.println("Batch: " + batchId);
                out.println(line);
                out.print(session.createDataFrame(schema, rows).showString(numRows, truncate ? 20 : 0));
                out.println();
            }

            @Override
            public String description() {
                return "ConsoleSink";
            }
        };
    }
}
