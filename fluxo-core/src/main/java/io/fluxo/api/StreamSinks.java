package io.fluxo.api;

import io.fluxo.connector.file.FileStreamSink;
import io.fluxo.stream.StreamSink;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.io.PrintStream;
import java.util.List;

/** The sinks that hand batches to user code ({@code foreachBatch}, {@code foreach}, {@code console}) or to files. */
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

    /** {@code foreach}: the batch's rows one by one to the writer, as one partition (id 0) per batch. */
    static StreamSink foreach(Session session, ForeachWriter<Row> writer) {
        return new StreamSink() {
            @Override
            public void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) {
                if (!writer.open(0, batchId)) {
                    writer.close(null);
                    return;
                }
                try {
                    for (Row row : RowConverter.toRows(rows, schema)) {
                        writer.process(row);
                    }
                } catch (RuntimeException | Error e) {
                    writer.close(e);
                    throw e;
                }
                writer.close(null);
            }

            @Override
            public String description() {
                return "ForeachSink";
            }
        };
    }

    /** A file sink: exactly-once through its folder's manifest. */
    static StreamSink files(FileStreamSink sink) {
        return new StreamSink() {
            @Override
            public void addBatch(long batchId, StructType schema, List<ColumnBatch> rows) throws Exception {
                sink.addBatch(batchId, rows);
            }

            @Override
            public String description() {
                return sink.description();
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
