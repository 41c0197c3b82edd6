package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;

/**
 * {@code sum} of BIGINT (INT arrives cast to BIGINT): ANSI overflow fails with ARITHMETIC_OVERFLOW; a group without
 * non-null input sums to NULL. The state is the sum itself, NULL for such groups, so merging is summing again.
 */
final class LongSumAggregator implements GroupedAggregator {
    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];

    @Override
    public void ensureCapacity(int numGroups) {
        sums = AggregateState.grow(sums, numGroups);
        seen = AggregateState.grow(seen, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        add(groupIds, (LongVector) args[0], numRows);
    }

    private void add(int[] groupIds, LongVector input, int numRows) {
        long[] s = sums;
        boolean[] z = seen;
        long[] v = input.values();
        boolean[] nulls = input.nulls();
        // Overflow sign bits are OR-ed and checked once per batch: an overflow fails the query, so the corrupted
        // state after it does not matter.
        long overflow = 0;
        if (nulls == null) {
            for (int i = 0; i < numRows; i++) {
                int g = groupIds[i];
                long a = s[g];
                long x = v[i];
                long r = a + x;
                overflow |= (a ^ r) & (x ^ r);
                s[g] = r;
                z[g] = true;
            }
        } else {
            for (int i = 0; i < numRows; i++) {
                if (!nulls[i]) {
                    int g = groupIds[i];
                    long a = s[g];
                    long x = v[i];
                    long r = a + x;
                    overflow |= (a ^ r) & (x ^ r);
                    s[g] = r;
                    z[g] = true;
                }
            }
        }
        if (overflow < 0) {
            throw AggregateErrors.longOverflow();
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        add(groupIds, (LongVector) states[0], numRows);
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
