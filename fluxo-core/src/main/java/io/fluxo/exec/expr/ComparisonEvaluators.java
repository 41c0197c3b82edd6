package io.fluxo.exec.expr;

import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * {@code = <=> < <= > >=} (and the internal {@code !=}) into BOOLEAN vectors: a kernel per physical type for column
 * against column and column against constant, and a per-row comparator for the rest. A result is null where either
 * operand is, except for {@code <=>}, which is never null (two nulls are equal, null and a value are not).
 */
final class ComparisonEvaluators {
    private ComparisonEvaluators() {
    }

    static VectorEvaluator columns(CompareOp op, boolean nullSafe, VectorEvaluator left, VectorEvaluator right,
            DataType leftType, DataType rightType) {
        PhysicalKind kind = PhysicalKind.common(leftType, rightType);
        ValueComparator comparator = kind == PhysicalKind.OTHER ? ValueComparator.forType(leftType) : null;
        return new Columns(op, nullSafe, kind, left, right, comparator);
    }

    /**
     * Column against a non-null constant, or {@code null} when the type has no constant kernel (the caller then
     * materializes the constant and compares columns).
     */
    static VectorEvaluator withScalar(CompareOp op, boolean nullSafe, VectorEvaluator left, DataType type,
            Object value) {
        Scalar scalar = Scalar.of(type, value);
        return scalar == null ? null : new ScalarComparison(op, nullSafe, left, scalar);
    }

    /** The result vector: {@code <=>} turns null rows into equal-if-both-null, others take the union of masks. */
    static BooleanVector finish(boolean[] out, int n, boolean[] leftNulls, boolean[] rightNulls, boolean nullSafe) {
        if (!nullSafe) {
            return BooleanVector.wrap(out, n, NullMasks.union(leftNulls, rightNulls, n));
        }
        if (leftNulls != null || rightNulls != null) {
            for (int i = 0; i < n; i++) {
                boolean a = leftNulls != null && leftNulls[i];
                boolean b = rightNulls != null && rightNulls[i];
                if (a | b) {
                    out[i] = a & b;
                }
            }
        }
        return BooleanVector.wrap(out, n, null);
    }

    /** A constant in the form a kernel reads it. */
    static final class Scalar {
        final PhysicalKind kind;
        final long longValue;
        final int intValue;
        final double doubleValue;
        final byte[] bytesValue;

        private Scalar(PhysicalKind kind, long longValue, int intValue, double doubleValue, byte[] bytesValue) {
            this.kind = kind;
            this.longValue = longValue;
            this.intValue = intValue;
            this.doubleValue = doubleValue;
            this.bytesValue = bytesValue;
        }

        /** The constant for a column of {@code type}, or {@code null} when there is no kernel for it. */
        static Scalar of(DataType type, Object value) {
            PhysicalKind kind = PhysicalKind.of(type);
            switch (kind) {
                case LONG:
                    if (type instanceof DecimalType d) {
                        try {
                            long unscaled = ((BigDecimal) value).setScale(d.scale(), RoundingMode.UNNECESSARY)
                                    .unscaledValue().longValueExact();
                            return new Scalar(kind, unscaled, 0, 0, null);
                        } catch (ArithmeticException e) {
                            return null;
                        }
                    }
                    return new Scalar(kind, ((Number) value).longValue(), 0, 0, null);
                case INT:
                    return new Scalar(kind, 0, ((Number) value).intValue(), 0, null);
                case DOUBLE:
                    return new Scalar(kind, 0, 0, ((Number) value).doubleValue(), null);
                case BYTES:
                    byte[] bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
                    return new Scalar(kind, 0, 0, 0, bytes);
                default:
                    return null;
            }
        }
    }

    private static final class Columns implements VectorEvaluator {
        private final CompareOp op;
        private final boolean nullSafe;
        private final PhysicalKind kind;
        private final VectorEvaluator left;
        private final VectorEvaluator right;
        private final ValueComparator comparator;

        Columns(CompareOp op, boolean nullSafe, PhysicalKind kind, VectorEvaluator left, VectorEvaluator right,
                ValueComparator comparator) {
            this.op = op;
            this.nullSafe = nullSafe;
            this.kind = kind;
            this.left = left;
            this.right = right;
            this.comparator = comparator;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            ColumnVector rv = right.evaluate(input);
            boolean[] out = new boolean[Math.max(n, 1)];
            switch (kind) {
                case LONG:
                    ComparisonKernels.longs(op, PhysicalKind.longs(lv), PhysicalKind.longs(rv), out, n);
                    break;
                case INT:
                    ComparisonKernels.ints(op, ((IntVector) lv).values(), ((IntVector) rv).values(), out, n);
                    break;
                case DOUBLE:
                    ComparisonKernels.doubles(op, ((DoubleVector) lv).values(), ((DoubleVector) rv).values(), out,
                            n);
                    break;
                case BYTES:
                    ComparisonKernels.bytes(op, (BytesVector) lv, (BytesVector) rv, out, n);
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        if (!lv.isNull(i) && !rv.isNull(i)) {
                            out[i] = op.test(comparator.compare(lv, i, rv, i));
                        }
                    }
                    break;
            }
            return finish(out, n, lv.nulls(), rv.nulls(), nullSafe);
        }
    }

    private static final class ScalarComparison implements VectorEvaluator {
        private final CompareOp op;
        private final boolean nullSafe;
        private final VectorEvaluator left;
        private final Scalar scalar;

        ScalarComparison(CompareOp op, boolean nullSafe, VectorEvaluator left, Scalar scalar) {
            this.op = op;
            this.nullSafe = nullSafe;
            this.left = left;
            this.scalar = scalar;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch input) {
            int n = input.numRows();
            ColumnVector lv = left.evaluate(input);
            boolean[] out = new boolean[Math.max(n, 1)];
            switch (scalar.kind) {
                case LONG:
                    ComparisonKernels.longScalar(op, PhysicalKind.longs(lv), scalar.longValue, out, n);
                    break;
                case INT:
                    ComparisonKernels.intScalar(op, ((IntVector) lv).values(), scalar.intValue, out, n);
                    break;
                case DOUBLE:
                    ComparisonKernels.doubleScalar(op, ((DoubleVector) lv).values(), scalar.doubleValue, out, n);
                    break;
                default:
                    ComparisonKernels.bytesScalar(op, (BytesVector) lv, scalar.bytesValue, out, n);
                    break;
            }
            return finish(out, n, lv.nulls(), null, nullSafe);
        }
    }
}
