package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.ValueComparator;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts each partition: evaluates the sort keys, sorts a row permutation with Spark's value order (nulls first or
 * last per key), and emits the rows in that order. With {@code limit} ≥ 0 only the first {@code limit} rows are
 * emitted (ORDER BY … LIMIT). A global sort runs over a gather of all partitions.
 *
 * <p>Memory is bounded by the spill threshold ({@code fluxo.sql.sort.spillThresholdBytes}): once the rows a task holds reach it, they are sorted and written
 * to a temporary file in the spill folder ({@code fluxo.local.dir}) as one sorted run (rows in the compact binary row format), and the task goes on with an empty
 * buffer; at the end the runs and what is still in memory are merged. Rows with equal keys keep their input order.
 */
public final class SortExec implements PhysicalOperator {
    private final List<SortOrder> boundOrder;
    private final int limit;
    private final SpillFile.Settings spill;
    private final PhysicalOperator child;

    public SortExec(List<SortOrder> boundOrder, int limit, PhysicalOperator child) {
        this(boundOrder, limit, SpillFile.Settings.NEVER, child);
    }

    public SortExec(List<SortOrder> boundOrder, int limit, SpillFile.Settings spill, PhysicalOperator child) {
        this.boundOrder = List.copyOf(boundOrder);
        this.limit = limit;
        this.spill = spill;
        this.child = child;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public int numPartitions() {
        return child.numPartitions();
    }

    @Override
    public BatchIterator open(int partition, TaskContext context) {
        List<DataType> types = output().stream().map(AttributeReference::dataType).toList();
        List<Path> runs = new ArrayList<>();
        List<ColumnBatch> batches = new ArrayList<>();
        long held = 0;
        try (BatchIterator in = child.open(partition, context)) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                batches.add(b);
                held += b.sizeInBytes();
                if (held >= spill.thresholdBytes()) {
                    ColumnBatch all = ColumnBatch.concat(batches, types);
                    runs.add(spill(all.gather(sortOrder(all, context), all.numRows()), types));
                    batches.clear();
                    held = 0;
                }
            }
        } catch (RuntimeException e) {
            deleteAll(runs);
            throw e;
        }
        ColumnBatch all = batches.isEmpty() ? null : ColumnBatch.concat(batches, types);
        int[] order = all == null ? null : sortOrder(all, context);
        if (!runs.isEmpty()) {
            return merge(runs, all == null ? null : all.gather(order, all.numRows()), types, context);
        }
        if (all == null) {
            return BatchIterator.empty();
        }
        int emit = limit >= 0 ? Math.min(limit, all.numRows()) : all.numRows();
        return new BatchIterator() {
            private int next;

            @Override
            public ColumnBatch next() {
                if (next >= emit) {
                    return null;
                }
                int count = Math.min(ColumnBatch.DEFAULT_SIZE, emit - next);
                int[] positions = new int[count];
                System.arraycopy(order, next, positions, 0, count);
                next += count;
                return all.gather(positions, count);
            }
        };
    }

    /** The positions of {@code all}'s rows in sort order (a stable sort: equal keys keep their order). */
    private int[] sortOrder(ColumnBatch all, TaskContext context) {
        int n = all.numRows();
        ColumnVector[] keys = keys(all, context);
        ValueComparator[] comparators = comparators();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntMergeSort.sort(order, (x, y) -> compareRows(keys, comparators, x, keys, y));
        return order;
    }

    private ColumnVector[] keys(ColumnBatch batch, TaskContext context) {
        ColumnVector[] keys = new ColumnVector[boundOrder.size()];
        for (int k = 0; k < keys.length; k++) {
            VectorEvaluator e = ExpressionCompiler.compile(boundOrder.get(k).child(), context.evalContext());
            keys[k] = e.evaluate(batch);
        }
        return keys;
    }

    private ValueComparator[] comparators() {
        ValueComparator[] comparators = new ValueComparator[boundOrder.size()];
        for (int k = 0; k < comparators.length; k++) {
            comparators[k] = ValueComparator.forType(boundOrder.get(k).child().dataType());
        }
        return comparators;
    }

    /** Writes sorted rows to a spill file: one sorted run. */
    private Path spill(ColumnBatch rows, List<DataType> types) {
        try (SpillFile.Writer writer = new SpillFile.Writer(spill, "fluxo-sort-", types)) {
            writer.append(rows);
            return writer.file();
        }
    }

    /** One sorted input of the merge: a run on disk read a batch at a time, or the rows still in memory. */
    private final class Cursor {
        final int index;
        private final SpillFile.Reader in;
        private final Path file;
        private final long end;
        private final TaskContext context;
        private long offset;
        ColumnBatch batch;
        ColumnVector[] keys;
        int row;

        Cursor(int index, Path file, List<DataType> types, TaskContext context) throws IOException {
            this.index = index;
            this.file = file;
            this.in = new SpillFile.Reader(file, types);
            this.end = Files.size(file);
            this.context = context;
        }

        Cursor(int index, ColumnBatch rows, TaskContext context) {
            this.index = index;
            this.file = null;
            this.in = null;
            this.end = 0;
            this.context = context;
            this.batch = rows;
            this.keys = SortExec.this.keys(rows, context);
        }

        /** Moves to the next row; false when the input is done. */
        boolean advance() throws IOException {
            if (batch != null && ++row < batch.numRows()) {
                return true;
            }
            if (in == null || offset >= end) {
                return false;
            }
            batch = in.read(offset);
            offset = in.after();
            keys = SortExec.this.keys(batch, context);
            row = 0;
            return true;
        }

        void close() {
            if (in != null) {
                in.close();
                file.toFile().delete();
            }
        }
    }

    private BatchIterator merge(List<Path> runs, ColumnBatch inMemory, List<DataType> types, TaskContext context) {
        ValueComparator[] comparators = comparators();
        // Equal keys: the earlier input first (runs are in input order, the rows in memory came last).
        PriorityQueue<Cursor> heap = new PriorityQueue<>((a, b) -> {
            int c = compareRows(a.keys, comparators, a.row, b.keys, b.row);
            return c != 0 ? c : Integer.compare(a.index, b.index);
        });
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (int i = 0; i < runs.size(); i++) {
                cursors.add(new Cursor(i, runs.get(i), types, context));
            }
            if (inMemory != null) {
                Cursor c = new Cursor(runs.size(), inMemory, context);
                c.row = -1;
                cursors.add(c);
            }
            for (Cursor c : cursors) {
                if (c.advance()) {
                    heap.add(c);
                }
            }
        } catch (IOException e) {
            cursors.forEach(Cursor::close);
            deleteAll(runs);
            throw new UncheckedIOException("cannot read a sort run: " + e.getMessage(), e);
        }
        long total = limit >= 0 ? limit : Long.MAX_VALUE;
        return new BatchIterator() {
            private long emitted;

            @Override
            public ColumnBatch next() {
                if (heap.isEmpty() || emitted >= total) {
                    close();
                    return null;
                }
                int capacity = (int) Math.min(ColumnBatch.DEFAULT_SIZE, total - emitted);
                ColumnVector[] out = new ColumnVector[types.size()];
                for (int c = 0; c < out.length; c++) {
                    out[c] = ColumnVector.allocate(types.get(c), capacity);
                }
                int count = 0;
                try {
                    while (count < capacity && !heap.isEmpty()) {
                        Cursor c = heap.poll();
                        for (int col = 0; col < out.length; col++) {
                            out[col].appendFrom(c.batch.column(col), c.row);
                        }
                        count++;
                        if (c.advance()) {
                            heap.add(c);
                        }
                    }
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException("cannot read a sort run: " + e.getMessage(), e);
                }
                emitted += count;
                return new ColumnBatch(out, count);
            }

            @Override
            public void close() {
                heap.clear();
                cursors.forEach(Cursor::close);
            }
        };
    }

    private static void deleteAll(List<Path> files) {
        for (Path f : files) {
            f.toFile().delete();
        }
    }

    private int compareRows(ColumnVector[] xKeys, ValueComparator[] comparators, int x, ColumnVector[] yKeys, int y) {
        for (int k = 0; k < xKeys.length; k++) {
            SortOrder o = boundOrder.get(k);
            boolean xNull = xKeys[k].isNull(x);
            boolean yNull = yKeys[k].isNull(y);
            if (xNull || yNull) {
                if (xNull && yNull) {
                    continue;
                }
                return xNull == o.nullsFirst() ? -1 : 1;
            }
            int c = comparators[k].compare(xKeys[k], x, yKeys[k], y);
            if (c != 0) {
                return o.ascending() ? c : -c;
            }
        }
        return 0;
    }

    @Override
    public String nodeString() {
        return "Sort " + Operators.exprs(boundOrder) + (limit >= 0 ? ", limit " + limit : "");
    }
}
