package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.LongVector;

/** {@code avg} of DOUBLE (numbers arrive cast to DOUBLE): state (sum, count); NULL when the count is 0. */
final class DoubleAvgAggregator implements GroupedAggregator {
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    @Override
    public void ensureCapacity(int numGroups) {
        sums = AggregateState.grow(sums, numGroups);
        counts = AggregateState.grow(counts, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        double[] s = sums;
        long[] c = counts;
        DoubleVector input = (DoubleVector) args[0];
        double[] v = input.values();
        boolean[] nulls = input.nulls();
        if (nulls == null) {
            for (int i = 0; i < numRows; i++) {
                int g = groupIds[i];
                s[g] += v[i];
                c[g]++;
            }
        } else {
            for (int i = 0; i < numRows; i++) {
                if (!nulls[i]) {
                    int g = groupIds[i];
                    s[g] += v[i];
                    c[g]++;
                }
            }
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        double[] s = sums;
        long[] c = counts;
        double[] stateSums = ((DoubleVector) states[0]).values();
        long[] stateCounts = ((LongVector) states[1]).values();
        for (int i = 0; i < numRows; i++) {
            int g = groupIds[i];
            s[g] += stateSums[i];
            c[g] += stateCounts[i];
        }
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        DoubleVector outSums = (DoubleVector) out[0];
        LongVector outCounts = (LongVector) out[1];
        outSums.reserve(outSums.size() + count);
        outCounts.reserve(outCounts.size() + count);
        for (int g = from; g < from + count; g++) {
            outSums.append(sums[g]);
            outCounts.append(counts[g]);
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        DoubleVector o = (DoubleVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (counts[g] == 0) {
                o.appendNull();
            } else {
                o.append(sums[g] / counts[g]);
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 16L * sums.length;
    }
}
