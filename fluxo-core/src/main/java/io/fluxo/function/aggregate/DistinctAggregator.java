package io.fluxo.function.aggregate;

import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.ArrayType;
import io.fluxo.types.DataType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code f(DISTINCT a, b, …)} for any aggregate {@code f}: keeps each group's distinct argument tuples (rows with a
 * null argument are skipped, as every distinct aggregate ignores them) and runs {@code f} over them when results are
 * written. The state is one ARRAY column per argument, the k-th elements of all arrays forming one distinct tuple, so
 * it crosses exchanges and merges by set union.
 */
final class DistinctAggregator implements GroupedAggregator {
    private final BoundAggregateFunction inner;
    private final ColumnVector[] tuples;
    private final DistinctKeys keys = new DistinctKeys();
    private int[] next = new int[0];
    private int[] head = new int[0];
    private int[] tail = new int[0];

    DistinctAggregator(BoundAggregateFunction inner) {
        this.inner = inner;
        List<DataType> types = inner.inputTypes();
        this.tuples = new ColumnVector[types.size()];
        for (int k = 0; k < tuples.length; k++) {
            tuples[k] = ColumnVector.allocate(types.get(k), 64);
        }
    }

    /** Binds {@code inner}'s distinct form: same inputs and result, states ARRAY of each input type. */
    static BoundAggregateFunction bind(BoundAggregateFunction inner) {
        List<DataType> stateTypes = new ArrayList<>();
        for (DataType t : inner.inputTypes()) {
            stateTypes.add(new ArrayType(t, false));
        }
        return new BoundAggregate(inner.resultType(), inner.inputTypes(), stateTypes, inner.nullable(),
                () -> new DistinctAggregator(inner));
    }

    @Override
    public void ensureCapacity(int numGroups) {
        head = AggregateState.grow(head, numGroups, -1);
        tail = AggregateState.grow(tail, numGroups, -1);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        int[] rows = new int[args.length];
        nextRow:
        for (int i = 0; i < numRows; i++) {
            for (ColumnVector arg : args) {
                if (arg.isNull(i)) {
                    continue nextRow;
                }
            }
            Arrays.fill(rows, i);
            add(groupIds[i], args, rows);
        }
    }

    private void add(int g, ColumnVector[] columns, int[] rows) {
        keys.begin();
        for (int k = 0; k < columns.length; k++) {
            keys.encode(columns[k], rows[k]);
        }
        int id = keys.add(g);
        if (id < 0) {
            return;
        }
        for (int k = 0; k < columns.length; k++) {
            tuples[k].appendFrom(columns[k], rows[k]);
        }
        next = AggregateState.grow(next, id + 1);
        next[id] = -1;
        if (head[g] < 0) {
            head[g] = id;
        } else {
            next[tail[g]] = id;
        }
        tail[g] = id;
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        ColumnVector[] elements = new ColumnVector[states.length];
        for (int k = 0; k < states.length; k++) {
            elements[k] = ((ArrayVector) states[k]).elements();
        }
        ArrayVector first = (ArrayVector) states[0];
        int[] rows = new int[states.length];
        for (int i = 0; i < numRows; i++) {
            if (first.isNull(i)) {
                continue;
            }
            int length = first.length(i);
            for (int j = 0; j < length; j++) {
                for (int k = 0; k < states.length; k++) {
                    rows[k] = ((ArrayVector) states[k]).start(i) + j;
                }
                add(groupIds[i], elements, rows);
            }
        }
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        for (int k = 0; k < tuples.length; k++) {
            ArrayVector o = (ArrayVector) out[k];
            o.reserve(o.size() + count);
            for (int g = from; g < from + count; g++) {
                for (int id = head[g]; id >= 0; id = next[id]) {
                    o.elements().appendFrom(tuples[k], id);
                }
                o.endArray();
            }
        }
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        int n = 0;
        for (int g = from; g < from + count; g++) {
            for (int id = head[g]; id >= 0; id = next[id]) {
                n++;
            }
        }
        int[] positions = new int[n];
        int[] groupIds = new int[n];
        int i = 0;
        for (int g = from; g < from + count; g++) {
            for (int id = head[g]; id >= 0; id = next[id]) {
                positions[i] = id;
                groupIds[i++] = g - from;
            }
        }
        ColumnVector[] args = new ColumnVector[tuples.length];
        for (int k = 0; k < tuples.length; k++) {
            args[k] = tuples[k].gather(positions, n);
        }
        GroupedAggregator aggregator = inner.newGroupedAggregator();
        aggregator.ensureCapacity(count);
        aggregator.update(groupIds, args, n);
        aggregator.writeResults(0, count, out);
    }

    @Override
    public long sizeInBytes() {
        long total = keys.sizeInBytes() + 4L * next.length + 8L * head.length;
        for (ColumnVector t : tuples) {
            total += t.sizeInBytes();
        }
        return total;
    }
}
