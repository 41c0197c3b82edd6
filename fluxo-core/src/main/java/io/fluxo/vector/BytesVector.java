package io.fluxo.vector;

import io.fluxo.types.DataType;
import io.fluxo.types.StringType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * STRING (UTF-8) and BINARY values: all bytes in one array, row {@code i} at {@code [offsets[i], offsets[i+1])}.
 * No {@code String} exists per row unless someone asks for one with {@link #getString}.
 */
public final class BytesVector extends ColumnVector {
    private byte[] data;
    private int[] offsets;

    public BytesVector(DataType type, int capacity, int byteCapacity) {
        super(type);
        this.offsets = new int[Math.max(capacity, 1) + 1];
        this.data = new byte[Math.max(byteCapacity, 16)];
    }

    public static BytesVector strings(int capacity) {
        return new BytesVector(StringType.INSTANCE, capacity, capacity * 16);
    }

    /** Wraps existing arrays (no copy): {@code offsets} has {@code size + 1} entries. */
    public static BytesVector wrap(DataType type, byte[] data, int[] offsets, int size, boolean[] nulls) {
        BytesVector v = new BytesVector(type, 0, 0);
        v.data = data;
        v.offsets = offsets;
        v.size = size;
        v.nulls = nulls;
        return v;
    }

    public byte[] data() {
        return data;
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

    /** Total bytes held by the written rows. */
    public int dataSize() {
        return offsets[size];
    }

    public String getString(int row) {
        return new String(data, offsets[row], offsets[row + 1] - offsets[row], StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int row) {
        return Arrays.copyOfRange(data, offsets[row], offsets[row + 1]);
    }

    /** Byte-wise equality of row {@code row} with {@code other[from, from + len)}. */
    public boolean equalsBytes(int row, byte[] other, int from, int len) {
        int s = offsets[row];
        return offsets[row + 1] - s == len && Arrays.equals(data, s, s + len, other, from, from + len);
    }

    /** Unsigned byte-wise comparison, which for UTF-8 equals code-point order (Spark's string order). */
    public int compare(int row, BytesVector other, int otherRow) {
        return Arrays.compareUnsigned(data, offsets[row], offsets[row + 1], other.data, other.offsets[otherRow],
                other.offsets[otherRow + 1]);
    }

    public void append(byte[] bytes, int from, int len) {
        if (size + 1 >= offsets.length) {
            reserve(grow(offsets.length, size + 2));
        }
        int end = offsets[size];
        if (end + len > data.length) {
            data = Arrays.copyOf(data, grow(data.length, end + len));
        }
        System.arraycopy(bytes, from, data, end, len);
        offsets[++size] = end + len;
    }

    public void append(byte[] bytes) {
        append(bytes, 0, bytes.length);
    }

    public void appendString(String s) {
        append(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Makes room for {@code bytes} more data bytes, for writers that fill {@link #data()} in place. */
    public void reserveBytes(int bytes) {
        int end = offsets[size];
        if (end + bytes > data.length) {
            data = Arrays.copyOf(data, grow(data.length, end + bytes));
        }
    }

    /** Ends a row whose {@code len} bytes a writer already placed at {@code data()[offsets()[size()]…]}. */
    public void commitInPlace(int len) {
        if (size + 1 >= offsets.length) {
            reserve(grow(offsets.length, size + 2));
        }
        offsets[size + 1] = offsets[size] + len;
        size++;
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
        if (size + 1 >= offsets.length) {
            reserve(grow(offsets.length, size + 2));
        }
        setNull(size);
        offsets[size + 1] = offsets[size];
        size++;
    }

    @Override
    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
        } else if (value instanceof byte[] b) {
            append(b);
        } else {
            appendString(value.toString());
        }
    }

    @Override
    public Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        return type instanceof StringType ? getString(row) : getBytes(row);
    }

    @Override
    public void appendFrom(ColumnVector source, int row) {
        BytesVector src = (BytesVector) source;
        if (src.isNull(row)) {
            appendNull();
        } else {
            append(src.data, src.offsets[row], src.offsets[row + 1] - src.offsets[row]);
        }
    }

    @Override
    public void appendRange(ColumnVector source, int from, int count) {
        BytesVector src = (BytesVector) source;
        reserve(size + count);
        int srcStart = src.offsets[from];
        int len = src.offsets[from + count] - srcStart;
        reserveBytes(len);
        int base = offsets[size];
        System.arraycopy(src.data, srcStart, data, base, len);
        for (int i = 1; i <= count; i++) {
            offsets[size + i] = base + src.offsets[from + i] - srcStart;
        }
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
    public BytesVector gather(int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            total += offsets[p + 1] - offsets[p];
        }
        byte[] out = new byte[Math.max(total, 1)];
        int[] outOffsets = new int[count + 1];
        int pos = 0;
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            int len = offsets[p + 1] - offsets[p];
            System.arraycopy(data, offsets[p], out, pos, len);
            pos += len;
            outOffsets[i + 1] = pos;
        }
        return wrap(type, out, outOffsets, count, gatherNulls(positions, count));
    }

    @Override
    public long sizeInBytes() {
        return data.length + 4L * offsets.length;
    }
}
