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
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts each partition: evaluates the sort keys, sorts a row permutation with Spark's value order (nulls first or
 * last per key), and emits the rows in that order. With {@code limit} ≥ 0 only the first {@code limit} rows are
 * emitted (ORDER BY … LIMIT). A global sort runs over a gather of all partitions.
 *
 * <p>Memory is bounded by the spill threshold ({@code fluxo.sql.sort.spillThresholdBytes}): once the rows a task holds reach it, they are sorted and written
 * to a spill file in the spill folder ({@code fluxo.local.dir}) as one sorted run (rows in the compact binary row format), and the task goes on with an empty
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
        VectorEvaluator[] keys = new VectorEvaluator[boundOrder.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = ExpressionCompiler.compile(boundOrder.get(k).child(), context.evalContext());
        }
        List<SpillFile.Writer> runs = new ArrayList<>();
        List<ColumnBatch> batches = new ArrayList<>();
        long held = 0;
        try (BatchIterator in = child.open(partition, context)) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                batches.add(b);
                held += b.sizeInBytes();
                if (held >= spill.thresholdBytes()) {
                    ColumnBatch all = ColumnBatch.concat(batches, types);
                    try (SpillFile.Writer run = new SpillFile.Writer(spill, "fluxo-sort-", types)) {
                        context.registerSpillFile(run.file());
                        run.append(all.gather(sortOrder(all, keys), all.numRows()));
                        runs.add(run);
                    }
                    batches.clear();
                    held = 0;
                }
            }
        }
        ColumnBatch all = batches.isEmpty() ? null : ColumnBatch.concat(batches, types);
        int[] order = all == null ? null : sortOrder(all, keys);
        if (!runs.isEmpty()) {
            return merge(runs, all == null ? null : all.gather(order, all.numRows()), types, keys);
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
    private int[] sortOrder(ColumnBatch all, VectorEvaluator[] keyEvaluators) {
        int n = all.numRows();
        ColumnVector[] keys = evaluate(keyEvaluators, all);
        ValueComparator[] comparators = comparators();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntMergeSort.sort(order, (x, y) -> compareRows(keys, comparators, x, keys, y));
        return order;
    }

    private static ColumnVector[] evaluate(VectorEvaluator[] keyEvaluators, ColumnBatch batch) {
        ColumnVector[] keys = new ColumnVector[keyEvaluators.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = keyEvaluators[k].evaluate(batch);
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

    /** One sorted input of the merge: a run on disk, or the rows still in memory, a batch at a time. */
    private static final class Cursor {
        final int index;
        private final BatchIterator in;
        private final VectorEvaluator[] keyEvaluators;
        ColumnBatch batch;
        ColumnVector[] keys;
        int row;

        Cursor(int index, BatchIterator in, VectorEvaluator[] keyEvaluators) {
            this.index = index;
            this.in = in;
            this.keyEvaluators = keyEvaluators;
        }

        /** Moves to the next row; false when the input is done. */
        boolean advance() {
            if (batch != null && ++row < batch.numRows()) {
                return true;
            }
            batch = in.next();
            if (batch == null) {
                return false;
            }
            keys = evaluate(keyEvaluators, batch);
            row = 0;
            return true;
        }
    }

    private BatchIterator merge(List<SpillFile.Writer> runs, ColumnBatch inMemory, List<DataType> types,
            VectorEvaluator[] keys) {
        ValueComparator[] comparators = comparators();
        // Equal keys: the earlier input first (runs are in input order, the rows in memory came last).
        PriorityQueue<Cursor> heap = new PriorityQueue<>((a, b) -> {
            int c = compareRows(a.keys, comparators, a.row, b.keys, b.row);
            return c != 0 ? c : Integer.compare(a.index, b.index);
        });
        List<Cursor> cursors = new ArrayList<>();
        for (SpillFile.Writer run : runs) {
            cursors.add(new Cursor(cursors.size(), SpillFile.batches(run, types), keys));
        }
        if (inMemory != null) {
            cursors.add(new Cursor(cursors.size(), BatchIterator.of(List.of(inMemory)), keys));
        }
        for (Cursor c : cursors) {
            if (c.advance()) {
                heap.add(c);
            }
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
                emitted += count;
                return new ColumnBatch(out, count);
            }

            @Override
            public void close() {
                heap.clear();
                cursors.forEach(c -> c.in.close());
                runs.forEach(r -> r.file().toFile().delete());
            }
        };
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
