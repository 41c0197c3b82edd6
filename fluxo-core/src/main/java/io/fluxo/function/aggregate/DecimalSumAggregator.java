package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;

/**
 * {@code sum} of DECIMAL(p, s) into DECIMAL(min(38, p + 10), s), summed exactly in 128 bits; a result (or partial
 * state) that needs more digits fails with NUMERIC_VALUE_OUT_OF_RANGE as in ANSI mode. NULL without non-null input.
 *
 * <p>As {@code try_sum} an overflowing sum is NULL instead; its state is then (sum, isEmpty) as in Spark, a NULL sum
 * of a non-empty state meaning "overflowed", so the overflow survives merging.
 */
final class DecimalSumAggregator implements GroupedAggregator {
    private final boolean nullOnOverflow;
    private final Int128Sums sums = new Int128Sums();
    private boolean[] seen = new boolean[0];

    DecimalSumAggregator(boolean nullOnOverflow) {
        this.nullOnOverflow = nullOnOverflow;
    }

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
        DecimalVector stateSums = (DecimalVector) states[0];
        if (nullOnOverflow) {
            BooleanVector isEmpty = (BooleanVector) states[1];
            for (int i = 0; i < numRows; i++) {
                if (!isEmpty.get(i) && stateSums.isNull(i)) {
                    sums.markOverflowed(groupIds[i]);
                    seen[groupIds[i]] = true;
                }
            }
        }
        add(groupIds, stateSums, numRows);
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        writeResults(from, count, out[0]);
        if (nullOnOverflow) {
            BooleanVector isEmpty = (BooleanVector) out[1];
            for (int g = from; g < from + count; g++) {
                isEmpty.append(!seen[g]);
            }
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        DecimalVector o = (DecimalVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (seen[g]) {
                sums.write(g, o, nullOnOverflow);
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
