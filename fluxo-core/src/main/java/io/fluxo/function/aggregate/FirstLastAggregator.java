package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DataType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnVector;

/**
 * {@code first}/{@code last}: the value of the first (last) row of a group in input order, null included unless
 * {@code ignoreNulls}. Order-dependent exactly as in Spark. The state is (value, valueSet), so a merge keeps the
 * earlier (later) partial state that has a value.
 */
final class FirstLastAggregator implements GroupedAggregator {
    private final boolean last;
    private final boolean ignoreNulls;
    private final GroupValues values;
    private boolean[] valueSet = new boolean[0];
    /** For {@code last}: the batch in which each group was last set, so a batch sets each group once. */
    private int[] setInBatch = new int[0];
    private int batch;

    FirstLastAggregator(DataType type, boolean last, boolean ignoreNulls) {
        this.last = last;
        this.ignoreNulls = ignoreNulls;
        this.values = GroupValues.forType(type);
    }

    @Override
    public void ensureCapacity(int numGroups) {
        values.ensureCapacity(numGroups);
        valueSet = AggregateState.grow(valueSet, numGroups);
        if (last) {
            setInBatch = AggregateState.grow(setInBatch, numGroups);
        }
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        ColumnVector input = args[0];
        boolean[] nulls = ignoreNulls ? input.nulls() : null;
        if (last) {
            int stamp = ++batch;
            for (int i = numRows - 1; i >= 0; i--) {
                int g = groupIds[i];
                if (setInBatch[g] != stamp && (nulls == null || !nulls[i])) {
                    setInBatch[g] = stamp;
                    values.set(g, input, i);
                    valueSet[g] = true;
                }
            }
        } else {
            for (int i = 0; i < numRows; i++) {
                int g = groupIds[i];
                if (!valueSet[g] && (nulls == null || !nulls[i])) {
                    values.set(g, input, i);
                    valueSet[g] = true;
                }
            }
        }
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        ColumnVector stateValues = states[0];
        BooleanVector stateSet = (BooleanVector) states[1];
        if (last) {
            int stamp = ++batch;
            for (int i = numRows - 1; i >= 0; i--) {
                int g = groupIds[i];
                if (setInBatch[g] != stamp && stateSet.get(i) && !stateSet.isNull(i)) {
                    setInBatch[g] = stamp;
                    values.set(g, stateValues, i);
                    valueSet[g] = true;
                }
            }
        } else {
            for (int i = 0; i < numRows; i++) {
                int g = groupIds[i];
                if (!valueSet[g] && stateSet.get(i) && !stateSet.isNull(i)) {
                    values.set(g, stateValues, i);
                    valueSet[g] = true;
                }
            }
        }
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        writeResults(from, count, out[0]);
        BooleanVector outSet = (BooleanVector) out[1];
        for (int g = from; g < from + count; g++) {
            outSet.append(valueSet[g]);
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        out.reserve(out.size() + count);
        for (int g = from; g < from + count; g++) {
            if (valueSet[g]) {
                values.write(g, out);
            } else {
                out.appendNull();
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return values.sizeInBytes() + 5L * valueSet.length;
    }
}
