package io.fluxo.vector;

import java.util.Arrays;

/** DOUBLE values. */
public final class DoubleVector extends ColumnVector {
    private double[] values;

    public DoubleVector(int capacity) {
        super(io.fluxo.types.DoubleType.INSTANCE);
        this.values = new double[Math.max(capacity, 1)];
    }

    /** Wraps {@code values[0..size)} (no copy) with an optional null mask. */
    public static DoubleVector wrap(double[] values, int size, boolean[] nulls) {
        DoubleVector v = new DoubleVector(0);
        v.values = values;
        v.size = size;
        v.nulls = nulls;
        return v;
    }

    /** The backing array; valid for rows {@code [0, size())}. */
    public double[] values() {
        return values;
    }

    public double get(int row) {
        return values[row];
    }

    public void set(int row, double value) {
        values[row] = value;
    }

    public void append(double value) {
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
        values[size++] = 0.0;
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
        } else {
            append(((Number) value).doubleValue());
        }
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : (Double) values[row];
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) {
            appendNull();
        } else {
            append(((DoubleVector) source).values[row]);
        }
    }

    @Override
    public void appendRange(ColumnVector source, int from, int count) {
        DoubleVector src = (DoubleVector) source;
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
    public DoubleVector gather(int[] positions, int count) {
        double[] out = new double[Math.max(count, 1)];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return wrap(out, count, gatherNulls(positions, count));
    }

    @Override
    public long sizeInBytes() {
        return (long) values.length * 8 + (nulls == null ? 0 : nulls.length);
    }
}
