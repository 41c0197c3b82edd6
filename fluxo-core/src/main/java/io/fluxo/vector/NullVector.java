package io.fluxo.vector;

import io.fluxo.types.NullType;
import java.util.Arrays;

/** A column of the NULL type (an untyped {@code NULL} literal): every row is null. */
public final class NullVector extends ColumnVector {
    public NullVector() {
        super(NullType.INSTANCE);
    }

    public static NullVector ofSize(int size) {
        NullVector v = new NullVector();
        v.reserve(size);
        v.size = size;
        return v;
    }

    @Override
    public void truncate(int rows) {
        if (rows < 0 || rows > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " rows to " + rows);
        }
        size = rows; // every row stays null
    }

    @Override
    public void reserve(int rows) {
        if (nulls == null || nulls.length < rows) {
            nulls = new boolean[Math.max(rows, 16)];
            Arrays.fill(nulls, true);
        }
    }

    @Override
    public int capacity() {
        return nulls == null ? 0 : nulls.length;
    }

    @Override
    public void appendNull() {
        reserve(grow(capacity(), size + 1));
        size++;
    }

    @Override
    public void appendObject(Object value) {
        appendNull();
    }

    @Override
    public Object getObject(int row) {
        return null;
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        appendNull();
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        return ofSize(count);
    }

    @Override
    public long sizeInBytes() {
        return capacity();
    }
}
