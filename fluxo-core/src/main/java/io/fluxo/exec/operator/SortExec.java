package io.fluxo.exec.operator;

import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.ValueComparator;
import io.fluxo.exec.expr.VectorEvaluator;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts each partition (all of it, in memory): evaluates the sort keys over the concatenated rows, sorts a row
 * permutation with Spark's value order (nulls first or last per key), and emits the rows in that order. With
 * {@code limit} ≥ 0 only the first {@code limit} rows are emitted (ORDER BY … LIMIT). A global sort runs over a
 * gather of all partitions.
 */
public final class SortExec implements PhysicalOperator {
    private final List<SortOrder> boundOrder;
    private final int limit;
    private final PhysicalOperator child;

    public SortExec(List<SortOrder> boundOrder, int limit, PhysicalOperator child) {
        this.boundOrder = List.copyOf(boundOrder);
        this.limit = limit;
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
        List<ColumnBatch> batches = new ArrayList<>();
        try (BatchIterator in = child.open(partition, context)) {
            ColumnBatch b;
            while ((b = in.next()) != null) {
                batches.add(b);
            }
        }
        if (batches.isEmpty()) {
            return BatchIterator.empty();
        }
        ColumnBatch all = ColumnBatch.concat(batches, output().stream().map(AttributeReference::dataType).toList());
        int n = all.numRows();
        ColumnVector[] keys = new ColumnVector[boundOrder.size()];
        ValueComparator[] comparators = new ValueComparator[keys.length];
        for (int k = 0; k < keys.length; k++) {
            VectorEvaluator e = ExpressionCompiler.compile(boundOrder.get(k).child(), context.evalContext());
            keys[k] = e.evaluate(all);
            comparators[k] = ValueComparator.forType(boundOrder.get(k).child().dataType());
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntMergeSort.sort(order, (x, y) -> compareRows(keys, comparators, x, y));
        int emit = limit >= 0 ? Math.min(limit, n) : n;
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

    private int compareRows(ColumnVector[] keys, ValueComparator[] comparators, int x, int y) {
        for (int k = 0; k < keys.length; k++) {
            SortOrder o = boundOrder.get(k);
            boolean xNull = keys[k].isNull(x);
            boolean yNull = keys[k].isNull(y);
            int c;
            if (xNull || yNull) {
                if (xNull && yNull) {
                    continue;
                }
                c = xNull == o.nullsFirst() ? -1 : 1;
                return c;
            }
            c = comparators[k].compare(keys[k], x, keys[k], y);
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
