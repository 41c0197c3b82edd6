package io.fluxo.exec.expr;

import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import java.util.Arrays;

/**
 * The selection-vector forms of predicates: AND refines the selection conjunct by conjunct (a later conjunct only
 * sees the rows earlier ones kept, which is also where Spark would evaluate it), OR selects from the rows the left
 * side did not take and merges, comparisons of a column with a constant or another column run the
 * {@link SelectionKernels}, and anything else is evaluated to booleans and scanned for TRUE.
 */
final class RowSelectors {
    private RowSelectors() {
    }

    /** A constant predicate: TRUE keeps every candidate, FALSE and NULL none. */
    static RowSelector constant(boolean keep) {
        return (input, rows, count, out) -> {
            if (!keep) {
                return 0;
            }
            if (rows == null) {
                for (int i = 0; i < count; i++) {
                    out[i] = i;
                }
            } else if (rows != out) {
                System.arraycopy(rows, 0, out, 0, count);
            }
            return count;
        };
    }

    static RowSelector and(RowSelector left, RowSelector right) {
        return (input, rows, count, out) -> {
            int kept = left.select(input, rows, count, out);
            return kept == 0 ? 0 : right.select(input, out, kept, out);
        };
    }

    static RowSelector or(RowSelector left, RowSelector right) {
        return new OrSelector(left, right);
    }

    /** Keeps rows where a vector is TRUE (not FALSE, not NULL); {@code compact} when indexed by candidate number. */
    static int keepTrue(BooleanVector v, int[] rows, int count, int[] out, boolean compact) {
        boolean[] values = v.values();
        boolean[] nulls = v.nulls();
        int k = 0;
        for (int j = 0; j < count; j++) {
            int row = rows == null ? j : rows[j];
            int at = compact ? j : row;
            out[k] = row;
            k += values[at] && (nulls == null || !nulls[at]) ? 1 : 0;
        }
        return k;
    }

    /** Candidates whose row is not null in {@code nulls}. */
    static int keepNonNull(boolean[] nulls, int[] rows, int count, int[] out) {
        int k = 0;
        for (int j = 0; j < count; j++) {
            int row = rows == null ? j : rows[j];
            out[k] = row;
            k += nulls[row] ? 0 : 1;
        }
        return k;
    }

    private static final class OrSelector implements RowSelector {
        private final RowSelector left;
        private final RowSelector right;
        private int[] taken = new int[0];
        private int[] rest = new int[0];

        OrSelector(RowSelector left, RowSelector right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public int select(ColumnBatch input, int[] rows, int count, int[] out) {
            if (taken.length < count) {
                taken = new int[count];
                rest = new int[count];
            }
            int nl = left.select(input, rows, count, taken);
            if (nl == count) {
                System.arraycopy(taken, 0, out, 0, nl);
                return nl;
            }
            int nr = 0;
            int p = 0;
            for (int j = 0; j < count; j++) {
                int row = rows == null ? j : rows[j];
                if (p < nl && taken[p] == row) {
                    p++;
                } else {
                    rest[nr++] = row;
                }
            }
            int ns = right.select(input, rest, nr, rest);
            int a = 0;
            int b = 0;
            int k = 0;
            while (a < nl && b < ns) {
                out[k++] = taken[a] < rest[b] ? taken[a++] : rest[b++];
            }
            while (a < nl) {
                out[k++] = taken[a++];
            }
            while (b < ns) {
                out[k++] = rest[b++];
            }
            return k;
        }
    }

    /**
     * Any predicate: evaluated to a BOOLEAN vector, then scanned. On a partial selection, a predicate that could
     * raise an error (or is costly and the selection sparse) is evaluated on a gathered sub-batch of the candidates.
     */
    static final class Evaluated implements RowSelector {
        private final VectorEvaluator evaluator;
        private final boolean safeOnAnyRow;
        private final int[] ordinals;

        Evaluated(VectorEvaluator evaluator, boolean safeOnAnyRow, int[] ordinals) {
            this.evaluator = evaluator;
            this.safeOnAnyRow = safeOnAnyRow;
            this.ordinals = ordinals;
        }

        @Override
        public int select(ColumnBatch input, int[] rows, int count, int[] out) {
            if (rows == null || (safeOnAnyRow && count * 2 >= input.numRows())) {
                return keepTrue((BooleanVector) evaluator.evaluate(input), rows, count, out, false);
            }
            BooleanVector v = (BooleanVector) evaluator.evaluate(RowSubsets.gather(input, rows, count, ordinals));
            return keepTrue(v, rows, count, out, true);
        }
    }

    /** {@code x IS NULL} / {@code x IS NOT NULL} over an operand that is safe to evaluate on the whole batch. */
    static RowSelector nullTest(VectorEvaluator operand, boolean wantNull) {
        return (input, rows, count, out) -> {
            boolean[] nulls = operand.evaluate(input).nulls();
            int k = 0;
            for (int j = 0; j < count; j++) {
                int row = rows == null ? j : rows[j];
                out[k] = row;
                k += (nulls != null && nulls[row]) == wantNull ? 1 : 0;
            }
            return k;
        };
    }

    /**
     * A comparison of an operand with a non-null constant, or of two operands, of one physical kind. Null rows are
     * dropped first, then a selection kernel runs. An operand that could fail and a partial selection mean a
     * gathered sub-batch, selected compactly and mapped back to rows.
     */
    static final class Comparing implements RowSelector {
        private final CompareOp op;
        private final PhysicalKind kind;
        private final VectorEvaluator left;
        private final VectorEvaluator right;
        private final ComparisonEvaluators.Scalar scalar;
        private final boolean safeOnAnyRow;
        private final int[] ordinals;
        private int[] scratch = new int[0];

        Comparing(CompareOp op, PhysicalKind kind, VectorEvaluator left, VectorEvaluator right,
                ComparisonEvaluators.Scalar scalar, boolean safeOnAnyRow, int[] ordinals) {
            this.op = op;
            this.kind = kind;
            this.left = left;
            this.right = right;
            this.scalar = scalar;
            this.safeOnAnyRow = safeOnAnyRow;
            this.ordinals = ordinals;
        }

        @Override
        public int select(ColumnBatch input, int[] rows, int count, int[] out) {
            if (rows == null || safeOnAnyRow) {
                return selectIn(input, rows, count, out);
            }
            if (scratch.length < count) {
                scratch = new int[count];
            }
            int k = selectIn(RowSubsets.gather(input, rows, count, ordinals), null, count, scratch);
            for (int j = 0; j < k; j++) {
                out[j] = rows[scratch[j]];
            }
            return k;
        }

        private int selectIn(ColumnBatch input, int[] rows, int count, int[] out) {
            ColumnVector lv = left.evaluate(input);
            ColumnVector rv = right == null ? null : right.evaluate(input);
            boolean[] nulls = NullMasks.union(lv.nulls(), rv == null ? null : rv.nulls(), input.numRows());
            if (nulls != null) {
                count = keepNonNull(nulls, rows, count, out);
                rows = out;
            }
            if (scalar != null) {
                switch (kind) {
                    case LONG:
                        return SelectionKernels.longScalar(op, PhysicalKind.longs(lv), scalar.longValue, rows, count,
                                out);
                    case INT:
                        return SelectionKernels.intScalar(op, ((IntVector) lv).values(), scalar.intValue, rows, count,
                                out);
                    case DOUBLE:
                        return SelectionKernels.doubleScalar(op, ((DoubleVector) lv).values(), scalar.doubleValue,
                                rows, count, out);
                    default:
                        return bytesScalar((BytesVector) lv, scalar.bytesValue, rows, count, out);
                }
            }
            switch (kind) {
                case LONG:
                    return SelectionKernels.longs(op, PhysicalKind.longs(lv), PhysicalKind.longs(rv), rows, count, out);
                case INT:
                    return SelectionKernels.ints(op, ((IntVector) lv).values(), ((IntVector) rv).values(), rows, count,
                            out);
                default:
                    return SelectionKernels.doubles(op, ((DoubleVector) lv).values(), ((DoubleVector) rv).values(),
                            rows, count, out);
            }
        }

        private int bytesScalar(BytesVector v, byte[] c, int[] rows, int count, int[] out) {
            byte[] data = v.data();
            int[] offsets = v.offsets();
            int lc = c.length;
            int k = 0;
            boolean equality = op == CompareOp.EQ || op == CompareOp.NE;
            boolean wantEqual = op == CompareOp.EQ;
            for (int j = 0; j < count; j++) {
                int row = rows == null ? j : rows[j];
                int s = offsets[row];
                int e = offsets[row + 1];
                boolean hit = equality
                        ? (e - s == lc && Arrays.equals(data, s, e, c, 0, lc)) == wantEqual
                        : op.test(Arrays.compareUnsigned(data, s, e, c, 0, lc));
                out[k] = row;
                k += hit ? 1 : 0;
            }
            return k;
        }
    }
}
