package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;

/**
 * {@code count(expr, …)}: rows where every argument is non-null ({@code count(1)} counts every row), and
 * {@code count_if(cond)}: rows where the condition is true. The state is the running count; never null.
 */
final class CountAggregator implements GroupedAggregator {
    private final boolean countIf;
    private long[] counts = new long[0];

    CountAggregator(boolean countIf) {
        this.countIf = countIf;
    }

    @Override
    public void ensureCapacity(int numGroups) {
        counts = AggregateState.grow(counts, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        if (countIf) {
            updateCountIf(groupIds, (BooleanVector) args[0], numRows);
            return;
        }
        long[] c = counts;
        boolean[] single = null;
        int masks = 0;
        for (ColumnVector arg : args) {
            if (arg.nulls() != null) {
                masks++;
                single = arg.nulls();
            }
        }
        if (masks == 0) {
            for (int i = 0; i < numRows; i++) {
                c[groupIds[i]]++;
            }
        } else if (masks == 1) {
            for (int i = 0; i < numRows; i++) {
                if (!single[i]) {
                    c[groupIds[i]]++;
                }
            }
        } else {
            boolean[] anyNull = new boolean[numRows];
            for (ColumnVector arg : args) {
                boolean[] n = arg.nulls();
                if (n != null) {
                    for (int i = 0; i < numRows; i++) {
                        anyNull[i] |= n[i];
                    }
                }
            }
            for (int i = 0; i < numRows; i++) {
                if (!anyNull[i]) {
                    c[groupIds[i]]++;
                }
            }
        }
    }

    private void updateCountIf(int[] groupIds, BooleanVector arg, int numRows) {
        long[] c = counts;
        boolean[] v = arg.values();
        boolean[] nulls = arg.nulls();
        if (nulls == null) {
            for (int i = 0; i < numRows; i++) {
                if (v[i]) {
                    c[groupIds[i]]++;
                }
            }
        } else {
            for (int i = 0; i < numRows; i++) {
                if (v[i] && !nulls[i]) {
                    c[groupIds[i]]++;
                }
            }
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        long[] c = counts;
        long[] s = ((LongVector) states[0]).values();
        for (int i = 0; i < numRows; i++) {
            c[groupIds[i]] += s[i];
        }
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        writeResults(from, count, out[0]);
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        LongVector o = (LongVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            o.append(counts[g]);
        }
    }

    @Override
    public long sizeInBytes() {
        return 8L * counts.length;
    }
}
