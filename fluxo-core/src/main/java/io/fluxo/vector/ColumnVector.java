package io.fluxo.vector;

import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a {@link ColumnBatch}: values of one type over primitive arrays, plus a null mask that is absent
 * ({@code null}) while no row is null. A vector is written by the operator that creates it (random access with
 * {@code set…} after {@link #reserve}, or appending) and read-only once published in a batch.
 *
 * <p>Hot loops read the concrete subclass's arrays directly ({@link LongVector#values()} …) and check
 * {@link #nulls()} once per batch, not per row.
 */
public abstract sealed class ColumnVector
        permits NullVector, BooleanVector, IntVector, LongVector, DoubleVector, DecimalVector, BytesVector,
                ArrayVector, MapVector, StructVector {

    protected final DataType type;
    protected int size;
    protected boolean[] nulls;

    protected ColumnVector(DataType type) {
        this.type = Objects.requireNonNull(type, "type is null");
    }

    /** A vector for {@code type} with room for {@code capacity} rows. */
    public static ColumnVector allocate(DataType type, int capacity) {
        if (type instanceof NullType) {
            return new NullVector();
        }
        if (type instanceof BooleanType) {
            return new BooleanVector(capacity);
        }
        if (type.isIntBacked()) {
            return new IntVector(type, capacity);
        }
        if (type.isLongBacked()) {
            return new LongVector(type, capacity);
        }
        if (type instanceof DoubleType) {
            return new DoubleVector(capacity);
        }
        if (type instanceof DecimalType d) {
            return new DecimalVector(d, capacity);
        }
        if (type instanceof StringType || type instanceof BinaryType) {
            return new BytesVector(type, capacity, capacity * 16);
        }
        if (type instanceof ArrayType a) {
            return new ArrayVector(a, capacity);
        }
        if (type instanceof MapType m) {
            return new MapVector(m, capacity);
        }
        if (type instanceof StructType s) {
            return new StructVector(s, capacity);
        }
        throw new IllegalArgumentException("no vector for " + type);
    }

    public final DataType type() {
        return type;
    }

    /** Number of rows written. */
    public final int size() {
        return size;
    }

    public final boolean isNull(int row) {
        return nulls != null && nulls[row];
    }

    /** The null mask, or {@code null} when no row is null. Indexed by row; only the first {@link #size()} count. */
    public final boolean[] nulls() {
        return nulls;
    }

    public final boolean hasNulls() {
        return nulls != null;
    }

    /** Marks {@code row} null; the mask is created on first use. */
    public final void setNull(int row) {
        if (nulls == null) {
            nulls = new boolean[Math.max(capacity(), row + 1)];
        } else if (row >= nulls.length) {
            nulls = Arrays.copyOf(nulls, Math.max(capacity(), row + 1));
        }
        nulls[row] = true;
    }

    /** Installs a whole null mask at once (may be {@code null}); kernels that compute nulls in bulk use this. */
    public final void setNulls(boolean[] mask) {
        this.nulls = mask;
    }

    /** Sets the row count after random-access writes with {@code set…}. */
    public final void setSize(int size) {
        this.size = size;
    }

    /**
     * Drops the rows from {@code rows} on, so the next append writes row {@code rows} again. Readers use it to undo
     * a partly written row (a malformed record); nested vectors drop their children's rows too.
     */
    public void truncate(int rows) {
        if (rows < 0 || rows > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " rows to " + rows);
        }
        if (nulls != null) {
            Arrays.fill(nulls, rows, Math.min(size, nulls.length), false);
        }
        size = rows;
    }

    /** Room for at least {@code rows} rows, keeping what is written. */
    public abstract void reserve(int rows);

    public abstract int capacity();

    /** Appends a null row. */
    public abstract void appendNull();

    /**
     * Appends one value in Fluxo's internal form (see {@link DataType}): Boolean, Integer, Long, Double, BigDecimal,
     * String or byte[], java.util.List for arrays, java.util.Map for maps, Object[] for structs; {@code null} for
     * null. For edges only (literals, rows from users), never in hot loops.
     */
    public abstract void appendObject(Object value);

    /** The value of {@code row} in internal form, or {@code null}. For edges only. */
    public abstract Object getObject(int row);

    /** Appends row {@code row} of {@code source} (same type). */
    public abstract void appendFrom(ColumnVector source, int row);

    /** Appends {@code count} rows of {@code source} starting at {@code from}. */
    public void appendRange(ColumnVector source, int from, int count) {
        reserve(size + count);
        for (int i = 0; i < count; i++) {
            appendFrom(source, from + i);
        }
    }

    /** A new vector holding rows {@code positions[0..count)} of this one, in that order. */
    public abstract ColumnVector gather(int[] positions, int count);

    /** A new vector with the rows {@code [from, from + count)}. */
    public ColumnVector slice(int from, int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = from + i;
        }
        return gather(positions, count);
    }

    /** Approximate heap bytes held, for memory accounting. */
    public abstract long sizeInBytes();

    protected final boolean[] gatherNulls(int[] positions, int count) {
        if (nulls == null) {
            return null;
        }
        boolean[] out = new boolean[count];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            boolean n = nulls[positions[i]];
            out[i] = n;
            any |= n;
        }
        return any ? out : null;
    }

    protected final void growNulls(int capacity) {
        if (nulls != null && nulls.length < capacity) {
            nulls = Arrays.copyOf(nulls, capacity);
        }
    }

    protected static int grow(int current, int needed) {
        return Math.max(needed, Math.max(16, current + (current >> 1)));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type.simpleString()).append('[');
        for (int i = 0; i < Math.min(size, 20); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(getObject(i));
        }
        return sb.append(size > 20 ? ", …]" : "]").toString();
    }
}
