package io.fluxo.function.aggregate;

import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One nullable value of one type per group, for aggregates that keep a chosen row's value ({@code first},
 * {@code last}, {@code max_by}): primitive arrays for fixed-width types, a byte array per group for STRING/BINARY,
 * and internal-form objects for wide decimals and nested types. Callers set a group rarely (once per group and
 * batch), so one virtual call per set is cheap.
 */
abstract class GroupValues {
    protected boolean[] nulls = new boolean[0];

    static GroupValues forType(DataType type) {
        if (type.isIntBacked() || type.isLongBacked() || type instanceof DecimalType d && d.isCompact()) {
            return new Longs();
        }
        if (type instanceof DoubleType) {
            return new Doubles();
        }
        if (type instanceof BooleanType) {
            return new Booleans();
        }
        if (type instanceof StringType || type instanceof BinaryType) {
            return new Bytes();
        }
        return new Objects(type);
    }

    void ensureCapacity(int numGroups) {
        nulls = AggregateState.grow(nulls, numGroups);
    }

    /** Sets group {@code g} to row {@code row} of {@code source}, which may be null. */
    final void set(int g, ColumnVector source, int row) {
        if (source.isNull(row)) {
            nulls[g] = true;
        } else {
            nulls[g] = false;
            setValue(g, source, row);
        }
    }

    final boolean isNull(int g) {
        return nulls[g];
    }

    /** Appends group {@code g}'s value (or null) to {@code out}. */
    final void write(int g, ColumnVector out) {
        if (nulls[g]) {
            out.appendNull();
        } else {
            writeValue(g, out);
        }
    }

    /** Compares non-null row {@code row} of {@code source} with group {@code g}'s non-null value. */
    abstract int compare(ColumnVector source, int row, int g);

    protected abstract void setValue(int g, ColumnVector source, int row);

    protected abstract void writeValue(int g, ColumnVector out);

    abstract long sizeInBytes();

    private static final class Longs extends GroupValues {
        private long[] values = new long[0];

        @Override
        void ensureCapacity(int numGroups) {
            super.ensureCapacity(numGroups);
            values = AggregateState.grow(values, numGroups);
        }

        private static long read(ColumnVector source, int row) {
            if (source instanceof IntVector ints) {
                return ints.get(row);
            }
            if (source instanceof LongVector longs) {
                return longs.get(row);
            }
            return ((DecimalVector) source).unscaledValues()[row];
        }

        @Override
        int compare(ColumnVector source, int row, int g) {
            return Long.compare(read(source, row), values[g]);
        }

        @Override
        protected void setValue(int g, ColumnVector source, int row) {
            values[g] = read(source, row);
        }

        @Override
        protected void writeValue(int g, ColumnVector out) {
            if (out instanceof IntVector ints) {
                ints.append((int) values[g]);
            } else if (out instanceof LongVector longs) {
                longs.append(values[g]);
            } else {
                ((DecimalVector) out).appendUnscaled(values[g]);
            }
        }

        @Override
        long sizeInBytes() {
            return 9L * values.length;
        }
    }

    private static final class Doubles extends GroupValues {
        private double[] values = new double[0];

        @Override
        void ensureCapacity(int numGroups) {
            super.ensureCapacity(numGroups);
            values = AggregateState.grow(values, numGroups);
        }

        @Override
        int compare(ColumnVector source, int row, int g) {
            double a = ((DoubleVector) source).get(row);
            double b = values[g];
            // Spark's order: NaN above everything and equal to itself; -0.0 equals 0.0.
            if (a == b) {
                return 0;
            }
            return Double.compare(a, b);
        }

        @Override
        protected void setValue(int g, ColumnVector source, int row) {
            values[g] = ((DoubleVector) source).get(row);
        }

        @Override
        protected void writeValue(int g, ColumnVector out) {
            ((DoubleVector) out).append(values[g]);
        }

        @Override
        long sizeInBytes() {
            return 9L * values.length;
        }
    }

    private static final class Booleans extends GroupValues {
        private boolean[] values = new boolean[0];

        @Override
        void ensureCapacity(int numGroups) {
            super.ensureCapacity(numGroups);
            values = AggregateState.grow(values, numGroups);
        }

        @Override
        int compare(ColumnVector source, int row, int g) {
            return Boolean.compare(((BooleanVector) source).get(row), values[g]);
        }

        @Override
        protected void setValue(int g, ColumnVector source, int row) {
            values[g] = ((BooleanVector) source).get(row);
        }

        @Override
        protected void writeValue(int g, ColumnVector out) {
            ((BooleanVector) out).append(values[g]);
        }

        @Override
        long sizeInBytes() {
            return 2L * values.length;
        }
    }

    private static final class Bytes extends GroupValues {
        private byte[][] values = new byte[0][];
        private long bytesHeld;

        @Override
        void ensureCapacity(int numGroups) {
            super.ensureCapacity(numGroups);
            values = AggregateState.grow(values, numGroups);
        }

        @Override
        int compare(ColumnVector source, int row, int g) {
            BytesVector v = (BytesVector) source;
            byte[] current = values[g];
            return Arrays.compareUnsigned(v.data(), v.start(row), v.start(row) + v.length(row), current, 0,
                    current.length);
        }

        @Override
        protected void setValue(int g, ColumnVector source, int row) {
            byte[] old = values[g];
            byte[] now = ((BytesVector) source).getBytes(row);
            bytesHeld += now.length - (old == null ? 0 : old.length);
            values[g] = now;
        }

        @Override
        protected void writeValue(int g, ColumnVector out) {
            ((BytesVector) out).append(values[g]);
        }

        @Override
        long sizeInBytes() {
            return 9L * values.length + bytesHeld;
        }
    }

    /** Wide decimals, arrays, maps and structs: internal-form objects, compared in Spark's order when orderable. */
    private static final class Objects extends GroupValues {
        private final DataType type;
        private Object[] values = new Object[0];

        Objects(DataType type) {
            this.type = type;
        }

        @Override
        void ensureCapacity(int numGroups) {
            super.ensureCapacity(numGroups);
            values = AggregateState.grow(values, numGroups);
        }

        @Override
        int compare(ColumnVector source, int row, int g) {
            return compareValues(source.getObject(row), values[g], type);
        }

        @Override
        protected void setValue(int g, ColumnVector source, int row) {
            values[g] = source.getObject(row);
        }

        @Override
        protected void writeValue(int g, ColumnVector out) {
            out.appendObject(values[g]);
        }

        @Override
        long sizeInBytes() {
            return 48L * values.length;
        }
    }

    /**
     * Spark's order of two internal-form values of {@code type}: nulls first inside arrays and structs, arrays
     * element by element (a prefix first), structs field by field, strings by code point, NaN above all doubles.
     */
    static int compareValues(Object a, Object b, DataType type) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (type instanceof ArrayType arrayType) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compareValues(x.get(i), y.get(i), arrayType.elementType());
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (type instanceof StructType structType) {
            Object[] x = (Object[]) a;
            Object[] y = (Object[]) b;
            for (int f = 0; f < x.length; f++) {
                int c = compareValues(x[f], y[f], structType.field(f).dataType());
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (a instanceof Double x) {
            double y = (Double) b;
            return x == y ? 0 : Double.compare(x, y);
        }
        if (a instanceof String x) {
            return Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(
                    StandardCharsets.UTF_8));
        }
        if (a instanceof byte[] x) {
            return Arrays.compareUnsigned(x, (byte[]) b);
        }
        @SuppressWarnings("unchecked")
        Comparable<Object> x = (Comparable<Object>) a;
        return x.compareTo(b);
    }
}
