package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;

/**
 * {@code sum} of DECIMAL(p, s) into DECIMAL(min(38, p + 10), s), summed exactly in 128 bits; a result (or partial
 * state) that needs more digits fails with NUMERIC_VALUE_OUT_OF_RANGE as in ANSI mode. NULL without non-null input.
 */
final class DecimalSumAggregator implements GroupedAggregator {
    private final Int128Sums sums = new Int128Sums();
    private boolean[] seen = new boolean[0];

    @Override
    public void ensureCapacity(int numGroups) {
        sums.ensureCapacity(numGroups);
        seen = AggregateState.grow(seen, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        add(groupIds, (DecimalVector) args[0], numRows);
    }

    private void add(int[] groupIds, DecimalVector input, int numRows) {
        sums.add(groupIds, input, numRows);
        boolean[] z = seen;
        boolean[] nulls = input.nulls();
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                z[groupIds[i]] = true;
            }
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        add(groupIds, (DecimalVector) states[0], numRows);
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        writeResults(from, count, out[0]);
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        DecimalVector o = (DecimalVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g]) {
                sums.write(g, o);
            } else {
                o.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return sums.sizeInBytes() + seen.length;
    }
}
