package io.fluxo.function.aggregate;

import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DataType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.ColumnVector;

/**
 * {@code collect_list}: the non-null values of a group in input order, as ARRAY. Values of every group go to one
 * append-only element vector; each group threads its elements through a linked list of element positions, so no
 * group owns an object. The state is the array itself.
 */
final class CollectListAggregator implements GroupedAggregator {
    private final ColumnVector elements;
    private int[] next = new int[0];
    private int[] head = new int[0];
    private int[] tail = new int[0];

    CollectListAggregator(DataType elementType) {
        this.elements = ColumnVector.allocate(elementType, 64);
    }

    @Override
    public void ensureCapacity(int numGroups) {
        head = AggregateState.grow(head, numGroups, -1);
        tail = AggregateState.grow(tail, numGroups, -1);
    }

    @Override
    public void update(int[] groupIds, ColumnVector[] args, int numRows) {
        ColumnVector input = args[0];
        boolean[] nulls = input.nulls();
        for (int i = 0; i < numRows; i++) {
            if (nulls == null || !nulls[i]) {
                append(groupIds[i], input, i);
            }
        }
    }

    private void append(int g, ColumnVector source, int row) {
        int e = elements.size();
        elements.appendFrom(source, row);
        next = AggregateState.grow(next, e + 1);
        next[e] = -1;
        if (head[g] < 0) {
            head[g] = e;
        } else {
            next[tail[g]] = e;
        }
        tail[g] = e;
    }

    @Override
    public void merge(int[] groupIds, ColumnVector[] states, int numRows) {
        ArrayVector arrays = (ArrayVector) states[0];
        ColumnVector stateElements = arrays.elements();
        for (int i = 0; i < numRows; i++) {
            if (!arrays.isNull(i)) {
                int g = groupIds[i];
                int end = arrays.start(i) + arrays.length(i);
                for (int e = arrays.start(i); e < end; e++) {
                    if (!stateElements.isNull(e)) {
                        append(g, stateElements, e);
                    }
                }
            }
        }
    }

    @Override
    public void writeStates(int from, int count, ColumnVector[] out) {
        writeResults(from, count, out[0]);
    }

    @Override
    public void writeResults(int from, int count, ColumnVector out) {
        ArrayVector o = (ArrayVector) out;
        o.reserve(o.size() + count);
        ColumnVector outElements = o.elements();
        for (int g = from; g < from + count; g++) {
            for (int e = head[g]; e >= 0; e = next[e]) {
                outElements.appendFrom(elements, e);
            }
            o.endArray();
        }
    }

    @Override
    public long sizeInBytes() {
        return elements.sizeInBytes() + 4L * next.length + 8L * head.length;
    }
}
