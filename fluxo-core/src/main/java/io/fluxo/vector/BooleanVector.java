package io.fluxo.vector;

import java.util.Arrays;

/** BOOLEAN values. */
public final class BooleanVector extends ColumnVector {
    private boolean[] values;

    public BooleanVector(int capacity) {
        super(io.fluxo.types.BooleanType.INSTANCE);
        this.values = new boolean[Math.max(capacity, 1)];
    }

    /** Wraps {@code values[0..size)} (no copy) with an optional null mask. */
    public static BooleanVector wrap(boolean[] values, int size, boolean[] nulls) {
        BooleanVector v = new BooleanVector(0);
        v.values = values;
        v.size = size;
        v.nulls = nulls;
        return v;
    }

    /** The backing array; valid for rows {@code [0, size())}. */
    public boolean[] values() {
        return values;
    }

    public boolean get(int row) {
        return values[row];
    }

    public void set(int row, boolean value) {
        values[row] = value;
    }

    public void append(boolean value) {
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
        values[size++] = false;
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
        } else {
            append((Boolean) value);
        }
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : (Boolean) values[row];
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) {
            appendNull();
        } else {
            append(((BooleanVector) source).values[row]);
        }
    }

    @Override
    public void appendRange(ColumnVector source, int from, int count) {
        BooleanVector src = (BooleanVector) source;
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
    public BooleanVector gather(int[] positions, int count) {
        boolean[] out = new boolean[Math.max(count, 1)];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return wrap(out, count, gatherNulls(positions, count));
    }

    @Override
    public long sizeInBytes() {
        return (long) values.length * 1 + (nulls == null ? 0 : nulls.length);
    }
}
