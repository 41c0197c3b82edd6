package io.fluxo.vector;

import io.fluxo.types.StructType;

/**
 * STRUCT values: one child vector per field, row-aligned with this vector (a null struct row still has a row,
 * null, in every child).
 */
public final class StructVector extends ColumnVector {
    private final ColumnVector[] fields;

    public StructVector(StructType type, int capacity) {
        super(type);
        this.fields = new ColumnVector[type.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = ColumnVector.allocate(type.field(i).dataType(), capacity);
        }
    }

    private StructVector(StructType type, ColumnVector[] fields) {
        super(type);
        this.fields = fields;
    }

    /** Wraps child vectors of equal size. */
    public static StructVector wrap(StructType type, ColumnVector[] fields, int size, boolean[] nulls) {
        StructVector v = new StructVector(type, fields.clone());
        v.size = size;
        v.nulls = nulls;
        return v;
    }

    public StructType structType() {
        return (StructType) type;
    }

    public ColumnVector field(int i) {
        return fields[i];
    }

    public int numFields() {
        return fields.length;
    }

    /** Ends the current row after one value was appended to every field vector. */
    public void endStruct() {
        size++;
    }

    @Override
    public void truncate(int rows) {
        super.truncate(rows);
        for (ColumnVector f : fields) {
            f.truncate(rows);
        }
    }

    @Override
    public void reserve(int rows) {
        for (ColumnVector f : fields) {
            f.reserve(rows);
        }
        growNulls(rows);
    }

    @Override
    public int capacity() {
        return fields.length == 0 ? Integer.MAX_VALUE : fields[0].capacity();
    }

    @Override
    public void appendNull() {
        for (ColumnVector f : fields) {
            f.appendNull();
        }
        setNull(size);
        size++;
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        Object[] values = (Object[]) value;
        for (int i = 0; i < fields.length; i++) {
            fields[i].appendObject(values[i]);
        }
        size++;
    }

    @Override
    public Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        Object[] out = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = fields[i].getObject(row);
        }
        return out;
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        StructVector src = (StructVector) source;
        for (int i = 0; i < fields.length; i++) {
            fields[i].appendFrom(src.fields[i], row);
        }
        if (src.isNull(row)) {
            setNull(size);
        }
        size++;
    }

    @Override
    public StructVector gather(int[] positions, int count) {
        ColumnVector[] out = new ColumnVector[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = fields[i].gather(positions, count);
        }
        return wrap(structType(), out, count, gatherNulls(positions, count));
    }

    @Override
    public long sizeInBytes() {
        long total = nulls == null ? 0 : nulls.length;
        for (ColumnVector f : fields) {
            total += f.sizeInBytes();
        }
        return total;
    }
}
