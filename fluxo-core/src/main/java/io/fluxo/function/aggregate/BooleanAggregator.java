package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnVector;

/**
 * {@code bool_or}/{@code any}/{@code some}/{@code max(BOOLEAN)} (OR) and {@code bool_and}/{@code every}/
 * {@code min(BOOLEAN)} (AND) over the non-null inputs; NULL for a group without any.
 */
final class BooleanAggregator implements GroupedAggregator {
    private final boolean or;
    private boolean[] values = new boolean[0];
    private boolean[] seen = new boolean[0];

    BooleanAggregator(boolean or) {
        this.or = or;
    }

    @Override
    public void ensureCapacity(int numGroups) {
        values = AggregateState.grow(values, numGroups);
        seen = AggregateState.grow(seen, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        BooleanVector input = (BooleanVector) args[0];
        boolean[] v = input.values();
        boolean[] nulls = input.nulls();
        boolean[] acc = values;
        boolean[] z = seen;
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                int g = groupIds[i];
                boolean x = v[i];
                acc[g] = z[g] ? (or ? acc[g] | x : acc[g] & x) : x;
                z[g] = true;
            }
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        update(groupIds, states, numRows);
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        writeResults(from, count, out[0]);
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        BooleanVector o = (BooleanVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g]) {
                o.append(values[g]);
            } else {
                o.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 2L * values.length;
    }
}
