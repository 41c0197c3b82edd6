package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnVector;

/**
 * {@code min}/{@code max} of types without a primitive fast path (wide decimals, arrays, structs): compares through
 * {@link GroupValues} in Spark's order. NULL for a group without non-null input.
 */
final class ComparedExtremumAggregator implements GroupedAggregator {
    private final boolean max;
    private final GroupValues extremes;
    private boolean[] seen = new boolean[0];

    ComparedExtremumAggregator(DataType type, boolean max) {
        this.max = max;
        this.extremes = GroupValues.forType(type);
    }

    @Override
    public void ensureCapacity(int numGroups) {
        extremes.ensureCapacity(numGroups);
        seen = AggregateState.grow(seen, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        ColumnVector input = args[0];
        boolean[] nulls = input.nulls();
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                int g = groupIds[i];
                if (!seen[g]) {
                    extremes.set(g, input, i);
                    seen[g] = true;
                } else {
                    int cmp = extremes.compare(input, i, g);
                    if (max ? cmp > 0 : cmp < 0) {
                        extremes.set(g, input, i);
                    }
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
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        out.reserve(out.size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g]) {
                extremes.write(g, out);
            } else {
                out.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return extremes.sizeInBytes() + seen.length;
    }
}
