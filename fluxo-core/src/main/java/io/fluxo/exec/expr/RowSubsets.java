package io.fluxo.exec.expr;

import io.fluxo.plan.expr.BoundReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.TreeSet;

/**
 * Sub-batches of chosen rows, for evaluating an expression only on the rows that reach it (a CASE branch, the right
 * side of AND/OR), so that ANSI errors come only from rows Spark would evaluate. Only the columns the expression
 * reads are gathered; the others are passed through unread.
 */
final class RowSubsets {
    private RowSubsets() {
    }

    /** The ordinals of the input columns {@code e} reads, ascending and distinct. */
    static int[] ordinals(Expression e) {
        TreeSet<Integer> set = new TreeSet<>();
        for (BoundReference r : e.collect(BoundReference.class)) {
            set.add(r.ordinal());
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Rows {@code rows[0..count)} of {@code input} for the columns in {@code ordinals}. */
    static ColumnBatch gather(ColumnBatch input, int[] rows, int count, int[] ordinals) {
        ColumnVector[] columns = input.columns();
        for (int ordinal : ordinals) {
            columns[ordinal] = columns[ordinal].gather(rows, count);
        }
        return new ColumnBatch(columns, count);
    }

    /** Positions of {@code [0, n)} where {@code take} holds, into {@code rows}; returns their count. */
    static int positions(boolean[] take, int n, int[] rows) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            rows[k] = i;
            k += take[i] ? 1 : 0;
        }
        return k;
    }

    /** Copies a sub-batch's boolean results back to full-batch arrays at {@code rows}. */
    static void scatter(BooleanVector sub, int[] rows, int count, boolean[] values, boolean[] nulls) {
        boolean[] v = sub.values();
        boolean[] m = sub.nulls();
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            values[row] = v[k];
            nulls[row] = m != null && m[k];
        }
    }
}
