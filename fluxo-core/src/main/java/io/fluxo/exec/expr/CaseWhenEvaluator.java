package io.fluxo.exec.expr;

import io.fluxo.types.DataType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 … ELSE e END}, branch by branch over the rows still undecided, as Spark evaluates it
 * per row: a condition sees only rows no earlier condition took, a value only the rows its condition took. So
 * {@code CASE WHEN b = 0 THEN NULL ELSE a / b END} never divides by zero. Parts that cannot fail run on the whole
 * batch (cheaper than gathering); the others run on gathered sub-batches of exactly their rows.
 */
final class CaseWhenEvaluator implements VectorEvaluator {
    /** A compiled condition or value, with what it takes to run it on a subset of rows. */
    record Part(VectorEvaluator evaluator, boolean safeOnAnyRow, int[] ordinals) {
    }

    record Branch(Part condition, Part value) {
    }

    private final List<Branch> branches;
    private final Part elseValue;
    private final DataType type;

    /** {@code elseValue} is null when there is no ELSE (such rows are NULL). */
    CaseWhenEvaluator(List<Branch> branches, Part elseValue, DataType type) {
        this.branches = List.copyOf(branches);
        this.elseValue = elseValue;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int n = input.numRows();
        // remaining[0..open) are the undecided rows, ascending; null means all rows.
        int[] remaining = null;
        int open = n;
        RowAssembler out = null;
        for (Branch branch : branches) {
            if (open == 0) {
                break;
            }
            boolean allRows = remaining == null || open == n;
            Part condition = branch.condition();
            boolean compact = !allRows && !condition.safeOnAnyRow();
            BooleanVector cond = (BooleanVector) (compact
                    ? condition.evaluator().evaluate(RowSubsets.gather(input, remaining, open, condition.ordinals()))
                    : condition.evaluator().evaluate(input));
            boolean[] cv = cond.values();
            boolean[] cn = cond.nulls();
            int[] taken = new int[open];
            int[] rest = new int[open];
            int takenCount = 0;
            int restCount = 0;
            for (int k = 0; k < open; k++) {
                int row = remaining == null ? k : remaining[k];
                int at = compact ? k : row;
                if (cv[at] && (cn == null || !cn[at])) {
                    taken[takenCount++] = row;
                } else {
                    rest[restCount++] = row;
                }
            }
            if (takenCount == n) {
                return branch.value().evaluator().evaluate(input);
            }
            if (takenCount > 0) {
                if (out == null) {
                    out = new RowAssembler(type, n);
                }
                place(out, branch.value(), input, taken, takenCount);
            }
            remaining = rest;
            open = restCount;
        }
        if (elseValue != null && open > 0) {
            if (open == n) {
                return elseValue.evaluator().evaluate(input);
            }
            if (out == null) {
                out = new RowAssembler(type, n);
            }
            place(out, elseValue, input, remaining, open);
        }
        return out == null ? ConstantVectors.nulls(type, n) : out.build();
    }

    private static void place(RowAssembler out, Part value, ColumnBatch input, int[] rows, int count) {
        if (value.safeOnAnyRow()) {
            out.place(value.evaluator().evaluate(input), rows, count, false);
        } else {
            ColumnBatch sub = RowSubsets.gather(input, rows, count, value.ordinals());
            out.place(value.evaluator().evaluate(sub), rows, count, true);
        }
    }
}
