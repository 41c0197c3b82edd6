package io.fluxo.exec.operator;

import io.fluxo.errors.AnalysisException;
import io.fluxo.exec.BatchIterator;
import io.fluxo.exec.PhysicalOperator;
import io.fluxo.exec.TaskContext;
import io.fluxo.exec.expr.ExecutionErrors;
import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.exec.expr.ValueComparator;
import io.fluxo.plan.expr.AggregateCall;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.plan.expr.WindowExpression;
import io.fluxo.plan.expr.WindowExpression.Frame;
import io.fluxo.plan.expr.WindowFunction;
import io.fluxo.types.DataType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.LongType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Window functions over one partition holding all rows (the planner gathers them): for each window expression in
 * turn the rows are sorted by its PARTITION BY and ORDER BY keys, and its column is computed along that order —
 * ranks and row numbers by counting, lag/lead by offset, and count/sum/avg over frames by prefix sums (O(1) per row),
 * min/max by a running extreme for frames that start at the partition's start (else by scanning the frame). Rows come
 * out in the order of the last window's sort, as from Spark's WindowExec.
 */
public final class WindowExec implements PhysicalOperator {
    private final List<Expression> windows;
    private final List<AttributeReference> output;
    private final PhysicalOperator child;

    /** @param windows Aliases of bound window expressions, in output order after the child's columns */
    public WindowExec(List<Expression> windows, List<AttributeReference> output, PhysicalOperator child) {
        this.windows = List.copyOf(windows);
        this.output = List.copyOf(output);
        this.child = child;
        for (Expression w : windows) {
            Expression f = ((WindowExpression) ((Alias) w).child()).function();
            if (f instanceof AggregateCall call && !SUPPORTED.contains(call.name().toLowerCase(Locale.ROOT))) {
                throw new AnalysisException("UNSUPPORTED_FEATURE", "The aggregate " + call.name() + " over a window "
                        + "is not supported yet; count, sum, avg, min and max are.");
            }
        }
    }

    private static final List<String> SUPPORTED = List.of("count", "sum", "avg", "mean", "min", "max");

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
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
        ColumnBatch rows = ColumnBatch.concat(batches, child.output().stream().map(AttributeReference::dataType)
                .toList());
        for (Expression w : windows) {
            rows = addColumn(rows, (WindowExpression) ((Alias) w).child(), context);
        }
        ColumnBatch all = rows;
        return new BatchIterator() {
            private int next;

            @Override
            public ColumnBatch next() {
                if (next >= all.numRows()) {
                    return null;
                }
                int count = Math.min(ColumnBatch.DEFAULT_SIZE, all.numRows() - next);
                int[] positions = new int[count];
                for (int i = 0; i < count; i++) {
                    positions[i] = next + i;
                }
                next += count;
                return all.gather(positions, count);
            }
        };
    }

    /** {@code rows} sorted for {@code w}, with its column appended. */
    private static ColumnBatch addColumn(ColumnBatch rows, WindowExpression w, TaskContext context) {
        int n = rows.numRows();
        List<SortOrder> keys = new ArrayList<>();
        w.partitionBy().forEach(p -> keys.add(SortOrder.asc(p)));
        w.orderBy().forEach(o -> keys.add((SortOrder) o));
        ColumnVector[] keyVectors = new ColumnVector[keys.size()];
        ValueComparator[] comparators = new ValueComparator[keys.size()];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = ExpressionCompiler.compile(keys.get(k).child(), context.evalContext()).evaluate(rows);
            comparators[k] = ValueComparator.forType(keys.get(k).child().dataType());
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntMergeSort.sort(order, (x, y) -> compare(keys, keyVectors, comparators, 0, keys.size(), x, y));
        ColumnBatch sorted = rows.gather(order, n);
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = ExpressionCompiler.compile(keys.get(k).child(), context.evalContext()).evaluate(sorted);
        }
        int parts = w.partitionBy().size();
        // partitionStart[i]: first row of i's partition; peerStart/peerEnd: i's run of equal ORDER BY values.
        int[] partitionStart = new int[n];
        int[] partitionEnd = new int[n];
        int[] peerStart = new int[n];
        int[] peerEnd = new int[n];
        for (int i = 0; i < n; i++) {
            boolean newPartition = i == 0 || compare(keys, keyVectors, comparators, 0, parts, i - 1, i) != 0;
            partitionStart[i] = newPartition ? i : partitionStart[i - 1];
            peerStart[i] = newPartition || compare(keys, keyVectors, comparators, parts, keys.size(), i - 1, i) != 0
                    ? i : peerStart[i - 1];
        }
        for (int i = n - 1; i >= 0; i--) {
            partitionEnd[i] = i == n - 1 || partitionStart[i + 1] != partitionStart[i] ? i + 1 : partitionEnd[i + 1];
            peerEnd[i] = i == n - 1 || peerStart[i + 1] != peerStart[i] ? i + 1 : peerEnd[i + 1];
        }
        ColumnVector column;
        if (w.function() instanceof WindowFunction f) {
            column = windowFunction(f, sorted, n, partitionStart, partitionEnd, peerStart, context);
        } else {
            column = aggregate((AggregateCall) w.function(), w.frame(), sorted, n, partitionStart, partitionEnd,
                    peerStart, peerEnd, context);
        }
        ColumnVector[] columns = Arrays.copyOf(sorted.columns(), sorted.columns().length + 1);
        columns[columns.length - 1] = column;
        return new ColumnBatch(columns, n);
    }

    private static int compare(List<SortOrder> keys, ColumnVector[] vectors, ValueComparator[] comparators, int from,
            int to, int x, int y) {
        for (int k = from; k < to; k++) {
            SortOrder o = keys.get(k);
            boolean xNull = vectors[k].isNull(x);
            boolean yNull = vectors[k].isNull(y);
            if (xNull || yNull) {
                if (xNull && yNull) {
                    continue;
                }
                return xNull == o.nullsFirst() ? -1 : 1;
            }
            int c = comparators[k].compare(vectors[k], x, vectors[k], y);
            if (c != 0) {
                return o.ascending() ? c : -c;
            }
        }
        return 0;
    }

    private static ColumnVector windowFunction(WindowFunction f, ColumnBatch rows, int n, int[] partitionStart,
            int[] partitionEnd, int[] peerStart, TaskContext context) {
        switch (f.kind()) {
            case ROW_NUMBER:
            case RANK:
            case DENSE_RANK: {
                int[] out = new int[Math.max(n, 1)];
                int dense = 0;
                for (int i = 0; i < n; i++) {
                    if (f.kind() == WindowFunction.Kind.ROW_NUMBER) {
                        out[i] = i - partitionStart[i] + 1;
                    } else if (f.kind() == WindowFunction.Kind.RANK) {
                        out[i] = peerStart[i] - partitionStart[i] + 1;
                    } else {
                        dense = i == partitionStart[i] ? 1 : peerStart[i] == i ? dense + 1 : dense;
                        out[i] = dense;
                    }
                }
                return IntVector.wrap(io.fluxo.types.IntegerType.INSTANCE, out, n, null);
            }
            default: {
                ColumnVector value = ExpressionCompiler.compile(f.arguments().get(0), context.evalContext())
                        .evaluate(rows);
                int offset = (Integer) ((io.fluxo.plan.expr.Literal) f.arguments().get(1)).value();
                ColumnVector fallback = ExpressionCompiler.compile(f.arguments().get(2), context.evalContext())
                        .evaluate(rows);
                int shift = f.kind() == WindowFunction.Kind.LAG ? -offset : offset;
                ColumnVector out = ColumnVector.allocate(f.dataType(), Math.max(n, 1));
                for (int i = 0; i < n; i++) {
                    int j = i + shift;
                    if (j >= partitionStart[i] && j < partitionEnd[i]) {
                        out.appendFrom(value, j);
                    } else {
                        out.appendFrom(fallback, i);
                    }
                }
                return out;
            }
        }
    }

    /** count, sum, avg, min, max over each row's frame. */
    private static ColumnVector aggregate(AggregateCall call, Frame frame, ColumnBatch rows, int n,
            int[] partitionStart, int[] partitionEnd, int[] peerStart, int[] peerEnd, TaskContext context) {
        String name = call.name().toLowerCase(Locale.ROOT);
        ColumnVector arg = ExpressionCompiler.compile(call.arguments().get(0), context.evalContext()).evaluate(rows);
        DataType argType = call.arguments().get(0).dataType();
        boolean integral = argType.isIntBacked() || argType instanceof LongType;
        // Prefix counts of non-null values and prefix sums, over the whole sorted input.
        long[] count = new long[n + 1];
        long[] longSum = integral ? new long[n + 1] : null;
        double[] doubleSum = integral ? null : new double[n + 1];
        boolean numeric = argType.isNumeric() && !(argType instanceof io.fluxo.types.DecimalType);
        for (int i = 0; i < n; i++) {
            boolean present = !arg.isNull(i);
            count[i + 1] = count[i] + (present ? 1 : 0);
            if (numeric && (name.equals("sum") || name.equals("avg") || name.equals("mean"))) {
                if (integral) {
                    long v = present ? longValue(arg, i) : 0;
                    try {
                        longSum[i + 1] = Math.addExact(longSum[i], v);
                    } catch (ArithmeticException e) {
                        throw ExecutionErrors.arithmeticOverflow("long overflow", "try_sum");
                    }
                } else {
                    doubleSum[i + 1] = doubleSum[i] + (present ? ((DoubleVector) arg).values()[i] : 0);
                }
            }
        }
        if ((name.equals("sum") || name.equals("avg") || name.equals("mean")) && !numeric) {
            throw new AnalysisException("UNSUPPORTED_FEATURE", name + " over a window of " + argType.sql()
                    + " is not supported yet.");
        }
        ColumnVector out = ColumnVector.allocate(call.dataType(), Math.max(n, 1));
        boolean max = name.equals("max");
        ValueComparator cmp = name.equals("min") || max ? ValueComparator.forType(argType) : null;
        int best = -1;
        int prevLo = -1;
        int prevHi = -1;
        for (int i = 0; i < n; i++) {
            int lo = frame.start() == Frame.UNBOUNDED_PRECEDING ? partitionStart[i]
                    : frame.rows() ? (int) Math.max(partitionStart[i], i + frame.start()) : peerStart[i];
            int hi = frame.end() == Frame.UNBOUNDED_FOLLOWING ? partitionEnd[i]
                    : frame.rows() ? (int) Math.min(partitionEnd[i], i + frame.end() + 1) : peerEnd[i];
            long values = lo < hi ? count[hi] - count[lo] : 0;
            switch (name) {
                case "count":
                    ((LongVector) out).append(values);
                    break;
                case "sum":
                    if (values == 0) {
                        out.appendNull();
                    } else if (integral) {
                        ((LongVector) out).append(longSum[hi] - longSum[lo]);
                    } else {
                        ((DoubleVector) out).append(doubleSum[hi] - doubleSum[lo]);
                    }
                    break;
                case "avg":
                case "mean":
                    if (values == 0) {
                        out.appendNull();
                    } else {
                        double total = integral ? (double) (longSum[hi] - longSum[lo]) : doubleSum[hi] - doubleSum[lo];
                        ((DoubleVector) out).append(total / values);
                    }
                    break;
                default:
                    // A frame with the same start that only grew (running frames): extend the extreme found so far.
                    if (lo == prevLo && hi >= prevHi) {
                        for (int j = prevHi; j < hi; j++) {
                            best = better(arg, cmp, max, best, j);
                        }
                    } else {
                        best = -1;
                        for (int j = lo; j < hi; j++) {
                            best = better(arg, cmp, max, best, j);
                        }
                    }
                    prevLo = lo;
                    prevHi = hi;
                    if (best < 0) {
                        out.appendNull();
                    } else {
                        out.appendFrom(arg, best);
                    }
            }
        }
        return out;
    }

    private static int better(ColumnVector arg, ValueComparator cmp, boolean max, int best, int j) {
        if (arg.isNull(j)) {
            return best;
        }
        if (best < 0) {
            return j;
        }
        int c = cmp.compare(arg, j, arg, best);
        return (max ? c > 0 : c < 0) ? j : best;
    }

    private static long longValue(ColumnVector v, int i) {
        return v instanceof IntVector iv ? iv.values()[i] : ((LongVector) v).values()[i];
    }

    @Override
    public String nodeString() {
        return "Window " + windows.stream().map(Expression::sql).toList();
    }
}
