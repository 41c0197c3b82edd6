package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;

/**
 * {@code try_sum} of BIGINT: like {@code sum} but a group whose sum overflows is NULL instead of failing. The state
 * is (sum, isEmpty) as in Spark: a NULL sum of a non-empty state means "overflowed", so the overflow survives
 * merging.
 */
final class LongTrySumAggregator implements GroupedAggregator {
    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];
    private boolean[] overflowed = new boolean[0];

    @Override
    public void ensureCapacity(int numGroups) {
        sums = AggregateState.grow(sums, numGroups);
        seen = AggregateState.grow(seen, numGroups);
        overflowed = AggregateState.grow(overflowed, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        LongVector input = (LongVector) args[0];
        long[] v = input.values();
        boolean[] nulls = input.nulls();
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                add(groupIds[i], v[i]);
            }
        }
    }

    private void add(int g, long x) {
        long a = sums[g];
        long r = a + x;
        overflowed[g] |= ((a ^ r) & (x ^ r)) < 0;
        sums[g] = r;
        seen[g] = true;
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        LongVector stateSums = (LongVector) states[0];
        BooleanVector isEmpty = (BooleanVector) states[1];
        for (int i = 0; i < numRows; i++) {
            if (isEmpty.get(i)) {
                continue;
            }
            int g = groupIds[i];
            if (stateSums.isNull(i)) {
                overflowed[g] = true;
                seen[g] = true;
            } else {
                add(g, stateSums.get(i));
            }
        }
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        writeResults(from, count, out[0]);
        BooleanVector isEmpty = (BooleanVector) out[1];
        for (int g = from; g < from + count; g++) {
            isEmpty.append(!seen[g]);
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        LongVector o = (LongVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g] && !overflowed[g]) {
                o.append(sums[g]);
            } else {
                o.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 10L * sums.length;
    }
}
