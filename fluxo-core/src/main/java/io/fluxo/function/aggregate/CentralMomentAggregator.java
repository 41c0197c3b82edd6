package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;

/**
 * {@code stddev_samp}, {@code stddev_pop}, {@code var_samp}, {@code var_pop} over DOUBLE: Welford's running
 * (n, mean, M2) per group, merged with Chan et al.'s parallel formula, in exactly Spark's arithmetic. NULL for n = 0;
 * the sample variants are NULL for n = 1 (Spark's default, legacy statisticalAggregate off).
 */
final class CentralMomentAggregator implements GroupedAggregator {
    /** What the final step computes from (n, mean, M2). */
    enum Kind {
        VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP
    }

    private final Kind kind;
    private double[] n = new double[0];
    private double[] mean = new double[0];
    private double[] m2 = new double[0];

    CentralMomentAggregator(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void ensureCapacity(int numGroups) {
        n = AggregateState.grow(n, numGroups);
        mean = AggregateState.grow(mean, numGroups);
        m2 = AggregateState.grow(m2, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        DoubleVector input = (DoubleVector) args[0];
        double[] v = input.values();
        boolean[] nulls = input.nulls();
        double[] cn = n;
        double[] cm = mean;
        double[] cm2 = m2;
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                int g = groupIds[i];
                double newN = cn[g] + 1.0;
                double delta = v[i] - cm[g];
                double deltaN = delta / newN;
                cm[g] += deltaN;
                cm2[g] += delta * (delta - deltaN);
                cn[g] = newN;
            }
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        double[] n2 = ((DoubleVector) states[0]).values();
        double[] mean2 = ((DoubleVector) states[1]).values();
        double[] m22 = ((DoubleVector) states[2]).values();
        for (int i = 0; i < numRows; i++) {
            int g = groupIds[i];
            double n1 = n[g];
            double newN = n1 + n2[i];
            double delta = mean2[i] - mean[g];
            double deltaN = newN == 0.0 ? 0.0 : delta / newN;
            mean[g] += deltaN * n2[i];
            m2[g] += m22[i] + delta * deltaN * n1 * n2[i];
            n[g] = newN;
        }
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        DoubleVector outN = (DoubleVector) out[0];
        DoubleVector outMean = (DoubleVector) out[1];
        DoubleVector outM2 = (DoubleVector) out[2];
        for (int g = from; g < from + count; g++) {
            outN.append(n[g]);
            outMean.append(mean[g]);
            outM2.append(m2[g]);
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        DoubleVector o = (DoubleVector) out;
        o.reserve(o.size() + count);
        boolean sample = kind == Kind.VAR_SAMP || kind == Kind.STDDEV_SAMP;
        boolean sqrt = kind == Kind.STDDEV_POP || kind == Kind.STDDEV_SAMP;
        for (int g = from; g < from + count; g++) {
            double count0 = n[g];
            if (count0 == 0.0 || (sample && count0 == 1.0)) {
                o.appendNull();
                continue;
            }
            double variance = m2[g] / (sample ? count0 - 1.0 : count0);
            o.append(sqrt ? Math.sqrt(variance) : variance);
        }
    }

    @Override
    public long sizeInBytes() {
        return 24L * n.length;
    }
}
