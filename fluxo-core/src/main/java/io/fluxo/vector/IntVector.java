package io.fluxo.vector;

import io.fluxo.types.DataType;
import java.util.Arrays;

/** INT values, and DATE values as days since 1970-01-01. */
public final class IntVector extends ColumnVector {
    private int[] values;

    public IntVector(DataType type, int capacity) {
        super(type);
        this.values = new int[Math.max(capacity, 1)];
    }

    /** Wraps {@code values[0..size)} (no copy) with an optional null mask. */
    public static IntVector wrap(DataType type, int[] values, int size, boolean[] nulls) {
        IntVector v = new IntVector(type, 0);
        v.values = values;
        v.size = size;
        v.nulls = nulls;
        return v;
    }

    /** The backing array; valid for rows {@code [0, size())}. */
    public int[] values() {
        return values;
    }

    public int get(int row) {
        return values[row];
    }

    public void set(int row, int value) {
        values[row] = value;
    }

    public void append(int value) {
        if (size == values.length) {
            reserve(grow(values.length, size + 1));
        }
        values[size++] = value;
    }

    @Override
    public void reserve(int rows) {
        if (values.length < rows) {
            values = Arrays.copyOf(values, rows);
            growNulls(rows);
        }
    }

    @Override
    public int capacity() {
        return values.length;
    }

    @Override
    public void appendNull() {
        if (size == values.length) {
            reserve(grow(values.length, size + 1));
        }
        setNull(size);
        values[size++] = 0;
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
        } else {
            append(((Number) value).intValue());
        }
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : (Integer) values[row];
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) {
            appendNull();
        } else {
            append(((IntVector) source).values[row]);
        }
    }

    @Override
    public void appendRange(ColumnVector source, int from, int count) {
        IntVector src = (IntVector) source;
        reserve(size + count);
        System.arraycopy(src.values, from, values, size, count);
        if (src.nulls != null) {
            for (int i = 0; i < count; i++) {
                if (src.nulls[from + i]) {
                    setNull(size + i);
                }
            }
        }
        size += count;
    }

    @Override
    public IntVector gather(int[] positions, int count) {
        int[] out = new int[Math.max(count, 1)];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return wrap(type, out, count, gatherNulls(positions, count));
    }

    @Override
    public long sizeInBytes() {
        return (long) values.length * 4 + (nulls == null ? 0 : nulls.length);
    }
}
