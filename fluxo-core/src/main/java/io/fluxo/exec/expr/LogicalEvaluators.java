package io.fluxo.exec.expr;

import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.Arrays;

/**
 * AND, OR, NOT, IS NULL and IS NOT NULL with SQL's three-valued logic: FALSE AND NULL = FALSE, TRUE OR NULL = TRUE,
 * NOT NULL = NULL. AND and OR evaluate their right side only on the rows the left side does not decide (left not
 * FALSE for AND, not TRUE for OR), as Spark does per row: a right side that could raise an error runs on a gathered
 * sub-batch of those rows; a safe one runs on the whole batch, and not at all when the left decides every row.
 */
final class LogicalEvaluators {
    private LogicalEvaluators() {
    }

    static VectorEvaluator and(VectorEvaluator left, VectorEvaluator right, boolean rightSafe, int[] rightOrdinals) {
        return new Junction(true, left, right, rightSafe, rightOrdinals);
    }

    static VectorEvaluator or(VectorEvaluator left, VectorEvaluator right, boolean rightSafe, int[] rightOrdinals) {
        return new Junction(false, left, right, rightSafe, rightOrdinals);
    }

    static VectorEvaluator not(VectorEvaluator child) {
        return input -> {
            int n = input.numRows();
            ColumnVector v = child.evaluate(input);
            boolean[] a = ((BooleanVector) v).values();
            boolean[] out = new boolean[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                out[i] = !a[i];
            }
            return BooleanVector.wrap(out, n, v.nulls());
        };
    }

    static VectorEvaluator isNull(VectorEvaluator child, boolean negated) {
        return input -> {
            int n = input.numRows();
            boolean[] nulls = child.evaluate(input).nulls();
            boolean[] out = new boolean[Math.max(n, 1)];
            if (nulls == null) {
                if (negated) {
                    Arrays.fill(out, 0, n, true);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = nulls[i] != negated;
                }
            }
            return BooleanVector.wrap(out, n, null);
        };
    }

    /** AND ({@code isAnd}) or OR. */
    private static final class Junction implements VectorEvaluator {
        private final boolean isAnd;
        private final VectorEvaluator left;
        private final VectorEvaluator right;
        private final boolean rightSafe;
        private final int[] rightOrdinals;
        private int[] rows = new int[0];

        Junction(boolean isAnd, VectorEvaluator left, VectorEvaluator right, boolean rightSafe,
                int[] rightOrdinals) {
            this.isAnd = isAnd;
            this.left = left;
            this.right = right;
            this.rightSafe = rightSafe;
            this.rightOrdinals = rightOrdinals;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            BooleanVector l = (BooleanVector) left.evaluate(input);
            boolean[] lv = l.values();
            boolean[] ln = l.nulls();
            // The value that decides the result alone: FALSE for AND, TRUE for OR.
            boolean decisive = !isAnd;
            boolean[] undecided = new boolean[Math.max(n, 1)];
            int open = 0;
            for (int i = 0; i < n; i++) {
                boolean u = (ln != null && ln[i]) || lv[i] != decisive;
                undecided[i] = u;
                open += u ? 1 : 0;
            }
            if (open == 0) {
                return l;
            }
            boolean[] rv;
            boolean[] rn;
            if (rightSafe || open == n) {
                BooleanVector r = (BooleanVector) right.evaluate(input);
                rv = r.values();
                rn = r.nulls();
            } else {
                if (rows.length < n) {
                    rows = new int[n];
                }
                int count = RowSubsets.positions(undecided, n, rows);
                BooleanVector sub = (BooleanVector) right.evaluate(
                        RowSubsets.gather(input, rows, count, rightOrdinals));
                rv = new boolean[n];
                rn = new boolean[n];
                RowSubsets.scatter(sub, rows, count, rv, rn);
            }
            return combine(lv, ln, rv, rn, n);
        }

        private BooleanVector combine(boolean[] lv, boolean[] ln, boolean[] rv, boolean[] rn, int n) {
            boolean[] out = new boolean[Math.max(n, 1)];
            if (ln == null && rn == null) {
                if (isAnd) {
                    for (int i = 0; i < n; i++) {
                        out[i] = lv[i] & rv[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[i] = lv[i] | rv[i];
                    }
                }
                return BooleanVector.wrap(out, n, null);
            }
            boolean[] nulls = new boolean[Math.max(n, 1)];
            boolean anyNull = false;
            for (int i = 0; i < n; i++) {
                boolean lNull = ln != null && ln[i];
                boolean rNull = rn != null && rn[i];
                boolean lTrue = !lNull & lv[i];
                boolean lFalse = !lNull & !lv[i];
                boolean rTrue = !rNull & rv[i];
                boolean rFalse = !rNull & !rv[i];
                boolean isTrue = isAnd ? lTrue & rTrue : lTrue | rTrue;
                boolean isFalse = isAnd ? lFalse | rFalse : lFalse & rFalse;
                out[i] = isTrue;
                boolean isNull = !isTrue & !isFalse;
                nulls[i] = isNull;
                anyNull |= isNull;
            }
            return BooleanVector.wrap(out, n, anyNull ? nulls : null);
        }
    }
}
