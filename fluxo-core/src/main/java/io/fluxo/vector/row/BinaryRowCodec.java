package io.fluxo.vector.row;

import io.fluxo.types.ArrayType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fluxo's compact binary row format: a tuple of typed values as bytes, such that equal tuples (SQL grouping
 * equality: NULLs equal, -0.0 = 0.0, all NaNs one value) give equal bytes. Hash tables key on it now; the state
 * store and shuffle files will persist it, so the layout is versioned ({@link #FORMAT_VERSION}) and must not change
 * without a new version.
 *
 * <p>Layout, field after field, little-endian: a null byte (1 = NULL and nothing follows, 0 = a value follows), then
 * the value: 1 byte BOOLEAN; 4 bytes INT/DATE; 8 bytes BIGINT/TIMESTAMP/DOUBLE (raw bits, -0.0 written as 0.0) and
 * compact DECIMAL (unscaled); a 4-byte length then the bytes for STRING/BINARY and wide DECIMAL (unscaled two's
 * complement, the scale being the type's); ARRAY and MAP as a 4-byte count then nullable elements (key then value);
 * STRUCT as its nullable fields in order.
 *
 * <p>Encoding works a batch at a time and one column at a time (sizes first, then values), so each loop stays on
 * one vector type.
 */
public final class BinaryRowCodec {
    /** Version of the byte layout above. */
    public static final int FORMAT_VERSION = 1;

    private final DataType[] types;

    public BinaryRowCodec(List<DataType> types) {
        this.types = types.toArray(DataType[]::new);
    }

    /** Encoded rows of one batch: row {@code i} is {@code bytes()[offsets()[i], offsets()[i + 1])}. Reusable. */
    public static final class Encoded {
        private byte[] bytes = new byte[1 << 16];
        private int[] offsets = new int[io.fluxo.vector.ColumnBatch.DEFAULT_SIZE + 1];
        private int[] cursor = new int[io.fluxo.vector.ColumnBatch.DEFAULT_SIZE];

        public byte[] bytes() {
            return bytes;
        }

        public int[] offsets() {
            return offsets;
        }
    }

    /** Encodes rows {@code [0, n)} of the given columns (one per type) into {@code out}, replacing its content. */
    public void encode(ColumnVector[] keys, int n, Encoded out) {
        if (out.offsets.length < n + 1) {
            out.offsets = new int[n + 1];
            out.cursor = new int[n];
        }
        int[] len = out.cursor;
        Arrays.fill(len, 0, n, 0);
        for (int c = 0; c < keys.length; c++) {
            addSizes(keys[c], types[c], n, len);
        }
        int total = 0;
        for (int i = 0; i < n; i++) {
            out.offsets[i] = total;
            total += len[i];
        }
        out.offsets[n] = total;
        if (out.bytes.length < total) {
            out.bytes = new byte[Math.max(total, out.bytes.length * 2)];
        }
        System.arraycopy(out.offsets, 0, len, 0, n);
        for (int c = 0; c < keys.length; c++) {
            write(keys[c], types[c], n, out.bytes, len);
        }
    }

    private static void addSizes(ColumnVector v, DataType t, int n, int[] len) {
        boolean[] nulls = v.nulls();
        int fixed = fixedWidth(t);
        if (fixed > 0) {
            for (int i = 0; i < n; i++) {
                len[i] += nulls != null && nulls[i] ? 1 : 1 + fixed;
            }
        } else if (v instanceof BytesVector s) {
            int[] offsets = s.offsets();
            for (int i = 0; i < n; i++) {
                len[i] += nulls != null && nulls[i] ? 1 : 5 + offsets[i + 1] - offsets[i];
            }
        } else if (v instanceof StructVector struct && nulls == null) {
            // A struct without nulls is its fields one after the other: size them column by column.
            for (int i = 0; i < n; i++) {
                len[i] += 1;
            }
            StructType st = (StructType) t;
            for (int f = 0; f < st.size(); f++) {
                addSizes(struct.field(f), st.field(f).dataType(), n, len);
            }
        } else {
            for (int i = 0; i < n; i++) {
                len[i] += nulls != null && nulls[i] ? 1 : 1 + objectBytes(v.getObject(i), t).length;
            }
        }
    }

    private static int fixedWidth(DataType t) {
        if (t instanceof BooleanType) {
            return 1;
        }
        if (t.isIntBacked()) {
            return 4;
        }
        if (t.isLongBacked() || t instanceof DoubleType) {
            return 8;
        }
        if (t instanceof DecimalType d && d.isCompact()) {
            return 8;
        }
        return 0;
    }

    private static void write(ColumnVector v, DataType t, int n, byte[] out, int[] pos) {
        boolean[] nulls = v.nulls();
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out[pos[i]++] = 1;
            } else {
                out[pos[i]++] = 0;
            }
        }
        if (v instanceof LongVector l) {
            long[] values = l.values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    pos[i] = putLong(out, pos[i], values[i]);
                }
            }
        } else if (v instanceof IntVector iv) {
            int[] values = iv.values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    pos[i] = putInt(out, pos[i], values[i]);
                }
            }
        } else if (v instanceof DoubleVector d) {
            double[] values = d.values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    double x = values[i];
                    pos[i] = putLong(out, pos[i], x == 0.0 ? 0L : Double.doubleToLongBits(x));
                }
            }
        } else if (v instanceof BooleanVector b) {
            boolean[] values = b.values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    out[pos[i]++] = (byte) (values[i] ? 1 : 0);
                }
            }
        } else if (v instanceof DecimalVector d && d.isCompact()) {
            long[] values = d.unscaledValues();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    pos[i] = putLong(out, pos[i], values[i]);
                }
            }
        } else if (v instanceof BytesVector s) {
            byte[] data = s.data();
            int[] offsets = s.offsets();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    int len = offsets[i + 1] - offsets[i];
                    int p = putInt(out, pos[i], len);
                    System.arraycopy(data, offsets[i], out, p, len);
                    pos[i] = p + len;
                }
            }
        } else if (v instanceof StructVector struct && nulls == null) {
            StructType st = (StructType) t;
            for (int f = 0; f < st.size(); f++) {
                write(struct.field(f), st.field(f).dataType(), n, out, pos);
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    byte[] b = objectBytes(v.getObject(i), t);
                    System.arraycopy(b, 0, out, pos[i], b.length);
                    pos[i] += b.length;
                }
            }
        }
    }

    /** Appends the row starting at {@code bytes[from]} to one vector per column; returns the offset after it. */
    public int decode(byte[] bytes, int from, ColumnVector[] out) {
        int p = from;
        for (int c = 0; c < types.length; c++) {
            ColumnVector v = out[c];
            if (bytes[p++] == 1) {
                v.appendNull();
                continue;
            }
            DataType t = types[c];
            if (v instanceof LongVector l) {
                l.append(getLong(bytes, p));
                p += 8;
            } else if (v instanceof IntVector iv) {
                iv.append(getInt(bytes, p));
                p += 4;
            } else if (v instanceof DoubleVector d) {
                d.append(Double.longBitsToDouble(getLong(bytes, p)));
                p += 8;
            } else if (v instanceof BooleanVector b) {
                b.append(bytes[p++] == 1);
            } else if (v instanceof DecimalVector d && d.isCompact()) {
                d.appendUnscaled(getLong(bytes, p));
                p += 8;
            } else if (v instanceof BytesVector s) {
                int len = getInt(bytes, p);
                s.append(bytes, p + 4, len);
                p += 4 + len;
            } else {
                int[] cursor = {p};
                v.appendObject(readObject(bytes, cursor, t));
                p = cursor[0];
            }
        }
        return p;
    }

    // ---- nested and wide values through their internal object form (rare as keys) ----------------------------

    private static byte[] objectBytes(Object value, DataType t) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeObject(value, t, out);
        return out.toByteArray();
    }

    private static void writeObject(Object value, DataType t, java.io.ByteArrayOutputStream out) {
        if (t instanceof DecimalType) {
            byte[] b = ((BigDecimal) value).unscaledValue().toByteArray();
            writeInt(out, b.length);
            out.write(b, 0, b.length);
        } else if (t instanceof ArrayType a) {
            List<?> list = (List<?>) value;
            writeInt(out, list.size());
            for (Object e : list) {
                writeNullable(e, a.elementType(), out);
            }
        } else if (t instanceof MapType m) {
            Map<?, ?> map = (Map<?, ?>) value;
            writeInt(out, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeNullable(e.getKey(), m.keyType(), out);
                writeNullable(e.getValue(), m.valueType(), out);
            }
        } else if (t instanceof StructType s) {
            Object[] fields = (Object[]) value;
            for (int i = 0; i < fields.length; i++) {
                writeNullable(fields[i], s.field(i).dataType(), out);
            }
        } else if (value instanceof byte[] b) {
            writeInt(out, b.length);
            out.write(b, 0, b.length);
        } else if (value instanceof String s) {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            writeInt(out, b.length);
            out.write(b, 0, b.length);
        } else if (value instanceof Boolean b) {
            out.write(b ? 1 : 0);
        } else if (value instanceof Integer i) {
            writeInt(out, i);
        } else if (value instanceof Double d) {
            writeLong(out, d == 0.0 ? 0L : Double.doubleToLongBits(d));
        } else {
            writeLong(out, ((Number) value).longValue());
        }
    }

    private static void writeNullable(Object value, DataType t, java.io.ByteArrayOutputStream out) {
        out.write(value == null ? 1 : 0);
        if (value != null) {
            writeObject(value, t, out);
        }
    }

    /**
     * The position after fields {@code [fromField, toField)} of a row whose field {@code fromField} starts at
     * {@code at}: walks null bytes and lengths without reading values, to reach one field of a stored row.
     */
    public int skip(byte[] b, int at, int fromField, int toField) {
        for (int f = fromField; f < toField; f++) {
            at = skipNullable(b, at, types[f]);
        }
        return at;
    }

    private static int skipNullable(byte[] b, int at, DataType t) {
        return b[at] == 1 ? at + 1 : skipValue(b, at + 1, t);
    }

    private static int skipValue(byte[] b, int at, DataType t) {
        int width = fixedWidth(t);
        if (width > 0) {
            return at + width;
        }
        if (t instanceof ArrayType a) {
            int n = getInt(b, at);
            at += 4;
            for (int i = 0; i < n; i++) {
                at = skipNullable(b, at, a.elementType());
            }
            return at;
        }
        if (t instanceof MapType m) {
            int n = getInt(b, at);
            at += 4;
            for (int i = 0; i < n; i++) {
                at = skipNullable(b, skipNullable(b, at, m.keyType()), m.valueType());
            }
            return at;
        }
        if (t instanceof StructType s) {
            for (int i = 0; i < s.size(); i++) {
                at = skipNullable(b, at, s.field(i).dataType());
            }
            return at;
        }
        // STRING, BINARY, wide DECIMAL: a length, then the bytes.
        return at + 4 + getInt(b, at);
    }

    private static Object readObject(byte[] b, int[] p, DataType t) {
        if (t instanceof DecimalType d) {
            int len = getInt(b, p[0]);
            BigInteger unscaled = new BigInteger(Arrays.copyOfRange(b, p[0] + 4, p[0] + 4 + len));
            p[0] += 4 + len;
            return new BigDecimal(unscaled, d.scale());
        }
        if (t instanceof ArrayType a) {
            int n = getInt(b, p[0]);
            p[0] += 4;
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(readNullable(b, p, a.elementType()));
            }
            return out;
        }
        if (t instanceof MapType m) {
            int n = getInt(b, p[0]);
            p[0] += 4;
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                out.put(readNullable(b, p, m.keyType()), readNullable(b, p, m.valueType()));
            }
            return out;
        }
        if (t instanceof StructType s) {
            Object[] out = new Object[s.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = readNullable(b, p, s.field(i).dataType());
            }
            return out;
        }
        if (t instanceof BooleanType) {
            return b[p[0]++] == 1;
        }
        if (t.isIntBacked()) {
            int v = getInt(b, p[0]);
            p[0] += 4;
            return v;
        }
        if (t instanceof DoubleType) {
            double v = Double.longBitsToDouble(getLong(b, p[0]));
            p[0] += 8;
            return v;
        }
        if (t.isLongBacked()) {
            long v = getLong(b, p[0]);
            p[0] += 8;
            return v;
        }
        int len = getInt(b, p[0]);
        byte[] bytes = Arrays.copyOfRange(b, p[0] + 4, p[0] + 4 + len);
        p[0] += 4 + len;
        return t instanceof io.fluxo.types.StringType ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : bytes;
    }

    private static Object readNullable(byte[] b, int[] p, DataType t) {
        return b[p[0]++] == 1 ? null : readObject(b, p, t);
    }

    private static void writeInt(java.io.ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static void writeLong(java.io.ByteArrayOutputStream out, long v) {
        writeInt(out, (int) v);
        writeInt(out, (int) (v >>> 32));
    }

    /** Little-endian views of byte arrays: one access per value, the same bytes as writing them one by one. */
    private static final java.lang.invoke.VarHandle INTS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static int putInt(byte[] b, int p, int v) {
        INTS.set(b, p, v);
        return p + 4;
    }

    static int putLong(byte[] b, int p, long v) {
        LONGS.set(b, p, v);
        return p + 8;
    }

    static int getInt(byte[] b, int p) {
        return (int) INTS.get(b, p);
    }

    static long getLong(byte[] b, int p) {
        return (long) LONGS.get(b, p);
    }
}
