package io.fluxo.exec.expr;

import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;

/**
 * {@code s.field}: the field's vector, null where the struct is null. Without null structs that is the child vector
 * itself; otherwise primitive and byte layouts share the field's arrays under a merged mask, and other layouts are
 * copied.
 */
final class StructFieldEvaluator implements VectorEvaluator {
    private final VectorEvaluator child;
    private final int ordinal;

    StructFieldEvaluator(VectorEvaluator child, int ordinal) {
        this.child = child;
        this.ordinal = ordinal;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        int n = input.numRows();
        StructVector struct = (StructVector) child.evaluate(input);
        ColumnVector field = struct.field(ordinal);
        if (!NullMasks.anyNull(struct.nulls(), n)) {
            return field;
        }
        return withNulls(field, NullMasks.union(struct.nulls(), field.nulls(), n), n);
    }

    /** {@code v}'s first {@code n} rows under another null mask, sharing its arrays where the layout allows. */
    static ColumnVector withNulls(ColumnVector v, boolean[] nulls, int n) {
        if (v instanceof LongVector l) {
            return LongVector.wrap(l.type(), l.values(), n, nulls);
        }
        if (v instanceof IntVector i) {
            return IntVector.wrap(i.type(), i.values(), n, nulls);
        }
        if (v instanceof DoubleVector d) {
            return DoubleVector.wrap(d.values(), n, nulls);
        }
        if (v instanceof BooleanVector b) {
            return BooleanVector.wrap(b.values(), n, nulls);
        }
        if (v instanceof BytesVector b) {
            return BytesVector.wrap(b.type(), b.data(), b.offsets(), n, nulls);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        ColumnVector copy = v.gather(all, n);
        copy.setNulls(nulls);
        return copy;
    }
}
