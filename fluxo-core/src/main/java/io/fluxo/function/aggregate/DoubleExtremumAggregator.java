package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;

/**
 * {@code min}/{@code max} of DOUBLE in Spark's order: NaN is larger than every other value (and equal to itself);
 * -0.0 and 0.0 are equal, so the first seen of them stays.
 */
final class DoubleExtremumAggregator implements GroupedAggregator {
    private final boolean max;
    private double[] extremes = new double[0];
    private boolean[] seen = new boolean[0];

    DoubleExtremumAggregator(boolean max) {
        this.max = max;
    }

    @Override
    public void ensureCapacity(int numGroups) {
        extremes = AggregateState.grow(extremes, numGroups);
        seen = AggregateState.grow(seen, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        DoubleVector input = (DoubleVector) args[0];
        double[] v = input.values();
        boolean[] nulls = input.nulls();
        double[] e = extremes;
        boolean[] z = seen;
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                int g = groupIds[i];
                double x = v[i];
                if (!z[g] || (max ? greater(x, e[g]) : greater(e[g], x))) {
                    e[g] = x;
                    z[g] = true;
                }
            }
        }
    }

    private static boolean greater(double a, double b) {
        return a > b || (Double.isNaN(a) && !Double.isNaN(b));
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
        DoubleVector o = (DoubleVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g]) {
                o.append(extremes[g]);
            } else {
                o.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 9L * extremes.length;
    }
}
