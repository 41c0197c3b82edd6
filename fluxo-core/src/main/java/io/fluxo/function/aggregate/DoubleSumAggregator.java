package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;

/** {@code sum} of DOUBLE, added in input order like Spark; NULL for a group without non-null input. */
final class DoubleSumAggregator implements GroupedAggregator {
    private double[] sums = new double[0];
    private boolean[] seen = new boolean[0];

    @Override
    public void ensureCapacity(int numGroups) {
        sums = AggregateState.grow(sums, numGroups);
        seen = AggregateState.grow(seen, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        add(groupIds, (DoubleVector) args[0], numRows);
    }

    private void add(int[] groupIds, DoubleVector input, int numRows) {
        double[] s = sums;
        boolean[] z = seen;
        double[] v = input.values();
        boolean[] nulls = input.nulls();
        if (nulls == null) {
            for (int i = 0; i < numRows; i++) {
                int g = groupIds[i];
                s[g] += v[i];
                z[g] = true;
            }
        } else {
            for (int i = 0; i < numRows; i++) {
                if (!nulls[i]) {
                    int g = groupIds[i];
                    s[g] += v[i];
                    z[g] = true;
                }
            }
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        add(groupIds, (DoubleVector) states[0], numRows);
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        writeResults(from, count, out[0]);
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        DoubleVector o = (DoubleVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g]) {
                o.append(sums[g]);
            } else {
                o.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 9L * sums.length;
    }
}
