package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnVector;

/**
 * {@code max_by(x, ord)}/{@code min_by(x, ord)}: the value of {@code x} on the row with the largest (smallest)
 * non-null {@code ord}; on ties the later row wins, as in Spark. State (value, ordering); NULL without such a row.
 */
final class ExtremumByAggregator implements GroupedAggregator {
    private final boolean max;
    private final GroupValues values;
    private final GroupValues orderings;
    private boolean[] seen = new boolean[0];

    ExtremumByAggregator(DataType valueType, DataType orderingType, boolean max) {
        this.max = max;
        this.values = GroupValues.forType(valueType);
        this.orderings = GroupValues.forType(orderingType);
    }

    @Override
    public void ensureCapacity(int numGroups) {
        values.ensureCapacity(numGroups);
        orderings.ensureCapacity(numGroups);
        seen = AggregateState.grow(seen, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        ColumnVector value = args[0];
        ColumnVector ordering = args[1];
        boolean[] nulls = ordering.nulls();
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                int g = groupIds[i];
                boolean take = !seen[g];
                if (!take) {
                    int cmp = orderings.compare(ordering, i, g);
                    take = max ? cmp >= 0 : cmp <= 0;
                }
                if (take) {
                    values.set(g, value, i);
                    orderings.set(g, ordering, i);
                    seen[g] = true;
                }
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
        out[1].reserve(out[1].size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g]) {
                orderings.write(g, out[1]);
            } else {
                out[1].appendNull();
            }
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        out.reserve(out.size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g]) {
                values.write(g, out);
            } else {
                out.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return values.sizeInBytes() + orderings.sizeInBytes() + seen.length;
    }
}
