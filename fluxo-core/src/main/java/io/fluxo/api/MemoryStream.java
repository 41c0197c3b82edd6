package io.fluxo.api;

import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.plan.logical.StreamingRelation;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming source fed from Java, for tests and embedding: each {@link #addData} call is one block of rows, and the
 * offset is the number of blocks added. Replayable while the object lives, so a query restarted on the same
 * checkpoint (in the same JVM) sees exactly the blocks its offsets name.
 *
 * <pre>{@code
 * MemoryStream events = MemoryStream.create(session, "user STRING, amount DOUBLE");
 * StreamingQuery q = events.toDF().groupBy("user").count().writeStream()...start();
 * events.addData(Row.of("a", 1.0), Row.of("b", 2.0));
 * q.processAllAvailable();
 * }</pre>
 */
public final class MemoryStream implements MicroBatchStream {
    private static int counter;

    private final Session session;
    private final StructType schema;
    private final String name;
    private final List<ColumnBatch> blocks = new ArrayList<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private MemoryStream(Session session, StructType schema, String name) {
        this.session = session;
        this.schema = schema;
        this.name = name;
    }

    public static MemoryStream create(Session session, StructType schema) {
        synchronized (MemoryStream.class) {
            return new MemoryStream(session, schema, "MemoryStream" + counter++);
        }
    }

    /** A stream of rows of a DDL schema, {@code "user STRING, amount DOUBLE"}. */
    public static MemoryStream create(Session session, String schemaDDL) {
        return create(session, SqlParser.parseTableSchema(schemaDDL));
    }

    /** The streaming DataFrame reading this stream. */
    public DataFrame toDF() {
        return new DataFrame(session, StreamingRelation.of(this));
    }

    /** Adds one block of rows; returns the offset that includes them. */
    public String addData(Row... rows) {
        return addData(List.of(rows));
    }

    public String addData(List<Row> rows) {
        List<ColumnBatch> batches = RowConverter.toBatches(rows, schema);
        String offset;
        synchronized (this) {
            blocks.add(batches.isEmpty() ? ColumnBatch.empty(schema) : ColumnBatch.concat(batches, schema.types()));
            offset = Integer.toString(blocks.size());
        }
        listeners.forEach(Runnable::run);
        return offset;
    }

    /** Called by running queries so new data wakes them at once. */
    void onData(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public String initialOffset() {
        return "0";
    }

    @Override
    public synchronized String latestOffset(String start) {
        return Integer.toString(blocks.size());
    }

    @Override
    public synchronized List<InputPartition> planInputPartitions(String start, String end) {
        int from = Integer.parseInt(start);
        int to = Integer.parseInt(end);
        if (to > blocks.size()) {
            throw new io.fluxo.errors.FluxoException("OFFSET_OUT_OF_RANGE", name + " has " + blocks.size()
                    + " blocks, but offset " + end + " was asked for (a MemoryStream lives only as long as its JVM).");
        }
        return List.of(new Blocks(name + " (" + start + ", " + end + "]", List.copyOf(blocks.subList(from, to))));
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        java.util.Iterator<ColumnBatch> it = ((Blocks) partition).batches().iterator();
        return new PartitionReader() {
            @Override
            public ColumnBatch next() {
                while (it.hasNext()) {
                    ColumnBatch b = it.next();
                    if (b.numRows() > 0) {
                        return b.selectColumns(requiredColumns);
                    }
                }
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    private record Blocks(String description, List<ColumnBatch> batches) implements InputPartition {
    }

    @Override
    public String toString() {
        return name;
    }
}
