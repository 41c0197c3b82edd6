package io.fluxo.vector;

import io.fluxo.types.ArrayType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ARRAY values: row {@code i} holds elements {@code [offsets[i], offsets[i+1])} of the child vector. */
public final class ArrayVector extends ColumnVector {
    private final ColumnVector elements;
    private int[] offsets;

    public ArrayVector(ArrayType type, int capacity) {
        this(type, new int[Math.max(capacity, 1) + 1], ColumnVector.allocate(type.elementType(), capacity * 4));
    }

    private ArrayVector(ArrayType type, int[] offsets, ColumnVector elements) {
        super(type);
        this.offsets = offsets;
        this.elements = elements;
    }

    /** Wraps offsets ({@code size + 1} entries) over an element vector. */
    public static ArrayVector wrap(ArrayType type, int[] offsets, ColumnVector elements, int size, boolean[] nulls) {
        ArrayVector v = new ArrayVector(type, offsets, elements);
        v.size = size;
        v.nulls = nulls;
        return v;
    }

    public ArrayType arrayType() {
        return (ArrayType) type;
    }

    public ColumnVector elements() {
        return elements;
    }

    public int[] offsets() {
        return offsets;
    }

    public int start(int row) {
        return offsets[row];
    }

    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    /** Ends the current row after its elements were appended to {@link #elements()}. */
    public void endArray() {
        if (size + 1 >= offsets.length) {
            reserve(grow(offsets.length, size + 2));
        }
        offsets[size + 1] = elements.size();
        size++;
    }

    @Override
    public void truncate(int rows) {
        int elementRows = offsets[Math.min(rows, size)];
        super.truncate(rows);
        elements.truncate(elementRows);
    }

    @Override
    public void reserve(int rows) {
        if (offsets.length < rows + 1) {
            offsets = Arrays.copyOf(offsets, rows + 1);
            growNulls(rows);
        }
    }

    @Override
    public int capacity() {
        return offsets.length - 1;
    }

    @Override
    public void appendNull() {
        int row = size;
        endArray();
        setNull(row);
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        for (Object element : (List<?>) value) {
            elements.appendObject(element);
        }
        endArray();
    }

    @Override
    public Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        List<Object> out = new ArrayList<>(length(row));
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            out.add(elements.getObject(i));
        }
        return out;
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        ArrayVector src = (ArrayVector) source;
        if (src.isNull(row)) {
            appendNull();
            return;
        }
        elements.appendRange(src.elements, src.offsets[row], src.length(row));
        endArray();
    }

    @Override
    public ArrayVector gather(int[] positions, int count) {
        ArrayVector out = new ArrayVector(arrayType(), count);
        for (int i = 0; i < count; i++) {
            out.appendFrom(this, positions[i]);
        }
        return out;
    }

    @Override
    public long sizeInBytes() {
        return 4L * offsets.length + elements.sizeInBytes();
    }
}
