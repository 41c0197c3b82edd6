package io.fluxo.vector;

import io.fluxo.types.DataType;
import java.util.Arrays;

/** BIGINT values, and TIMESTAMP values as microseconds since the epoch (UTC). */
public final class LongVector extends ColumnVector {
    private long[] values;

    public LongVector(DataType type, int capacity) {
        super(type);
        this.values = new long[Math.max(capacity, 1)];
    }

    /** Wraps {@code values[0..size)} (no copy) with an optional null mask. */
    public static LongVector wrap(DataType type, long[] values, int size, boolean[] nulls) {
        LongVector v = new LongVector(type, 0);
        v.values = values;
        v.size = size;
        v.nulls = nulls;
        return v;
    }

    /** The backing array; valid for rows {@code [0, size())}. */
    public long[] values() {
        return values;
    }

    public long get(int row) {
        return values[row];
    }

    public void set(int row, long value) {
        values[row] = value;
    }

    public void append(long value) {
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
        values[size++] = 0L;
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
        } else {
            append(((Number) value).longValue());
        }
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : (Long) values[row];
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) {
            appendNull();
        } else {
            append(((LongVector) source).values[row]);
        }
    }

    @Override
    public void appendRange(ColumnVector source, int from, int count) {
        LongVector src = (LongVector) source;
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
    public LongVector gather(int[] positions, int count) {
        long[] out = new long[Math.max(count, 1)];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return wrap(type, out, count, gatherNulls(positions, count));
    }

    @Override
    public long sizeInBytes() {
        return (long) values.length * 8 + (nulls == null ? 0 : nulls.length);
    }
}
