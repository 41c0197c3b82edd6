package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;

/**
 * {@code min}/{@code max} of values held as ints or longs: INT, DATE, BIGINT, TIMESTAMP and compact DECIMAL (unscaled
 * longs of one scale compare like the decimals). The state is the extreme itself, NULL for a group without input.
 */
final class LongExtremumAggregator implements GroupedAggregator {
    private final boolean max;
    private long[] extremes = new long[0];
    private boolean[] seen = new boolean[0];

    LongExtremumAggregator(boolean max) {
        this.max = max;
    }

    @Override
    public void ensureCapacity(int numGroups) {
        extremes = AggregateState.grow(extremes, numGroups);
        seen = AggregateState.grow(seen, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        ColumnVector input = args[0];
        if (input instanceof IntVector ints) {
            addInts(groupIds, ints.values(), input.nulls(), numRows);
        } else if (input instanceof LongVector longs) {
            addLongs(groupIds, longs.values(), input.nulls(), numRows);
        } else {
            addLongs(groupIds, ((DecimalVector) input).unscaledValues(), input.nulls(), numRows);
        }
    }

    private void addLongs(int[] groupIds, long[] v, boolean[] nulls, int numRows) {
        long[] e = extremes;
        boolean[] z = seen;
        if (max) {
            for (int i = 0; i < numRows; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = groupIds[i];
                    long x = v[i];
                    if (x > e[g] || !z[g]) {
                        e[g] = x;
                        z[g] = true;
                    }
                }
            }
        } else {
            for (int i = 0; i < numRows; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = groupIds[i];
                    long x = v[i];
                    if (x < e[g] || !z[g]) {
                        e[g] = x;
                        z[g] = true;
                    }
                }
            }
        }
    }

    private void addInts(int[] groupIds, int[] v, boolean[] nulls, int numRows) {
        long[] e = extremes;
        boolean[] z = seen;
        if (max) {
            for (int i = 0; i < numRows; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = groupIds[i];
                    long x = v[i];
                    if (x > e[g] || !z[g]) {
                        e[g] = x;
                        z[g] = true;
                    }
                }
            }
        } else {
            for (int i = 0; i < numRows; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = groupIds[i];
                    long x = v[i];
                    if (x < e[g] || !z[g]) {
                        e[g] = x;
                        z[g] = true;
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
            if (!seen[g]) {
                out.appendNull();
            } else if (out instanceof IntVector ints) {
                ints.append((int) extremes[g]);
            } else if (out instanceof LongVector longs) {
                longs.append(extremes[g]);
            } else {
                ((DecimalVector) out).appendUnscaled(extremes[g]);
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 9L * extremes.length;
    }
}
