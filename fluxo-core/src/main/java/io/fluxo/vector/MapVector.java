package io.fluxo.vector;

import io.fluxo.types.MapType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** MAP values: row {@code i} holds entries {@code [offsets[i], offsets[i+1])} of the key and value vectors. */
public final class MapVector extends ColumnVector {
    private final ColumnVector keys;
    private final ColumnVector values;
    private int[] offsets;

    public MapVector(MapType type, int capacity) {
        super(type);
        this.offsets = new int[Math.max(capacity, 1) + 1];
        this.keys = ColumnVector.allocate(type.keyType(), capacity * 4);
        this.values = ColumnVector.allocate(type.valueType(), capacity * 4);
    }

    public MapType mapType() {
        return (MapType) type;
    }

    public ColumnVector keys() {
        return keys;
    }

    public ColumnVector values() {
        return values;
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

    /** Ends the current row after its entries were appended to {@link #keys()} and {@link #values()}. */
    public void endMap() {
        if (size + 1 >= offsets.length) {
            reserve(grow(offsets.length, size + 2));
        }
        offsets[size + 1] = keys.size();
        size++;
    }

    @Override
    public void truncate(int rows) {
        int entries = offsets[Math.min(rows, size)];
        super.truncate(rows);
        keys.truncate(entries);
        values.truncate(entries);
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
        endMap();
        setNull(row);
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            keys.appendObject(e.getKey());
            values.appendObject(e.getValue());
        }
        endMap();
    }

    @Override
    public Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            out.put(keys.getObject(i), values.getObject(i));
        }
        return out;
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        MapVector src = (MapVector) source;
        if (src.isNull(row)) {
            appendNull();
            return;
        }
        keys.appendRange(src.keys, src.offsets[row], src.length(row));
        values.appendRange(src.values, src.offsets[row], src.length(row));
        endMap();
    }

    @Override
    public MapVector gather(int[] positions, int count) {
        MapVector out = new MapVector(mapType(), count);
        for (int i = 0; i < count; i++) {
            out.appendFrom(this, positions[i]);
        }
        return out;
    }

    @Override
    public long sizeInBytes() {
        return 4L * offsets.length + keys.sizeInBytes() + values.sizeInBytes();
    }
}
