package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import java.util.Arrays;

/**
 * {@code min}/{@code max} of STRING and BINARY by unsigned byte order (UTF-8 code-point order for strings). Each group
 * keeps its current extreme as its own byte array, copied only when a row beats it.
 */
final class BytesExtremumAggregator implements GroupedAggregator {
    private final boolean max;
    private byte[][] extremes = new byte[0][];
    private long bytesHeld;

    BytesExtremumAggregator(boolean max) {
        this.max = max;
    }

    @Override
    public void ensureCapacity(int numGroups) {
        extremes = AggregateState.grow(extremes, numGroups);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        BytesVector input = (BytesVector) args[0];
        byte[] data = input.data();
        int[] offsets = input.offsets();
        boolean[] nulls = input.nulls();
        byte[][] e = extremes;
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                int g = groupIds[i];
                byte[] current = e[g];
                int start = offsets[i];
                int end = offsets[i + 1];
                if (current == null) {
                    e[g] = Arrays.copyOfRange(data, start, end);
                    bytesHeld += end - start;
                    continue;
                }
                int cmp = Arrays.compareUnsigned(data, start, end, current, 0, current.length);
                if (max ? cmp > 0 : cmp < 0) {
                    e[g] = Arrays.copyOfRange(data, start, end);
                    bytesHeld += end - start - current.length;
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
        BytesVector o = (BytesVector) out;
        o.reserve(o.size() + count);
        for (int g = from; g < from + count; g++) {
            if (extremes[g] != null) {
                o.append(extremes[g]);
            } else {
                o.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 8L * extremes.length + bytesHeld;
    }
}
