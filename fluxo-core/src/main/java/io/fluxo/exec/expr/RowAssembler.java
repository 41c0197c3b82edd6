package io.fluxo.exec.expr;

import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.NullVector;

/**
 * Builds one result vector from pieces computed for different sets of rows (the branches of a CASE). A piece is a
 * vector indexed either like the full batch or compactly, its k-th row belonging to {@code rows[k]}. Rows no piece
 * covers are null. Primitive types are copied into arrays as pieces arrive; strings and nested types remember where
 * each row comes from and are copied in row order at the end.
 */
final class RowAssembler {
    private enum Layout { BOOLEAN, INT, LONG, DOUBLE, COMPACT_DECIMAL, OTHER }

    private final DataType type;
    private final int n;
    private final Layout layout;
    private final boolean[] nulls;
    private boolean[] booleans;
    private int[] ints;
    private long[] longs;
    private double[] doubles;
    private DecimalVector decimals;
    private ColumnVector[] sourceOf;
    private int[] indexOf;

    RowAssembler(DataType type, int n) {
        this.type = type;
        this.n = n;
        this.nulls = NullMasks.allNull(n);
        int capacity = Math.max(n, 1);
        if (type instanceof BooleanType) {
            layout = Layout.BOOLEAN;
            booleans = new boolean[capacity];
        } else if (type.isIntBacked()) {
            layout = Layout.INT;
            ints = new int[capacity];
        } else if (type.isLongBacked()) {
            layout = Layout.LONG;
            longs = new long[capacity];
        } else if (type instanceof DoubleType) {
            layout = Layout.DOUBLE;
            doubles = new double[capacity];
        } else if (type instanceof DecimalType d) {
            layout = d.isCompact() ? Layout.COMPACT_DECIMAL : Layout.OTHER;
            decimals = new DecimalVector(d, capacity);
        } else {
            layout = Layout.OTHER;
            sourceOf = new ColumnVector[capacity];
            indexOf = new int[capacity];
        }
    }

    /** Row {@code rows[k]} takes row {@code compact ? k : rows[k]} of {@code source}, for k below {@code count}. */
    void place(ColumnVector source, int[] rows, int count, boolean compact) {
        if (source instanceof NullVector) {
            return;
        }
        boolean[] srcNulls = source.nulls();
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            nulls[row] = srcNulls != null && srcNulls[compact ? k : row];
        }
        switch (layout) {
            case BOOLEAN: {
                boolean[] src = ((BooleanVector) source).values();
                for (int k = 0; k < count; k++) {
                    int row = rows[k];
                    booleans[row] = src[compact ? k : row];
                }
                break;
            }
            case INT: {
                int[] src = ((IntVector) source).values();
                for (int k = 0; k < count; k++) {
                    int row = rows[k];
                    ints[row] = src[compact ? k : row];
                }
                break;
            }
            case LONG: {
                long[] src = ((LongVector) source).values();
                for (int k = 0; k < count; k++) {
                    int row = rows[k];
                    longs[row] = src[compact ? k : row];
                }
                break;
            }
            case DOUBLE: {
                double[] src = ((DoubleVector) source).values();
                for (int k = 0; k < count; k++) {
                    int row = rows[k];
                    doubles[row] = src[compact ? k : row];
                }
                break;
            }
            default:
                if (decimals != null) {
                    placeDecimals((DecimalVector) source, rows, count, compact);
                } else {
                    for (int k = 0; k < count; k++) {
                        int row = rows[k];
                        sourceOf[row] = source;
                        indexOf[row] = compact ? k : row;
                    }
                }
                break;
        }
    }

    private void placeDecimals(DecimalVector source, int[] rows, int count, boolean compact) {
        boolean sameLayout = layout == Layout.COMPACT_DECIMAL && source.isCompact()
                && source.decimalType().scale() == decimals.decimalType().scale();
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            int from = compact ? k : row;
            if (sameLayout) {
                decimals.unscaledValues()[row] = source.unscaledValues()[from];
            } else if (!nulls[row]) {
                decimals.setDecimal(row, source.getDecimal(from));
            }
        }
    }

    ColumnVector build() {
        boolean[] mask = NullMasks.orNullIfNone(nulls, n);
        switch (layout) {
            case BOOLEAN:
                return BooleanVector.wrap(booleans, n, mask);
            case INT:
                return IntVector.wrap(type, ints, n, mask);
            case LONG:
                return LongVector.wrap(type, longs, n, mask);
            case DOUBLE:
                return DoubleVector.wrap(doubles, n, mask);
            default:
                if (decimals != null) {
                    decimals.setSize(n);
                    decimals.setNulls(mask);
                    return decimals;
                }
                return buildFromSources(mask);
        }
    }

    private ColumnVector buildFromSources(boolean[] mask) {
        if (type instanceof StringType || type instanceof BinaryType) {
            int total = 0;
            for (int i = 0; i < n; i++) {
                if (!nulls[i]) {
                    total += ((BytesVector) sourceOf[i]).length(indexOf[i]);
                }
            }
            byte[] data = new byte[Math.max(total, 1)];
            int[] offsets = new int[n + 1];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (!nulls[i]) {
                    BytesVector src = (BytesVector) sourceOf[i];
                    int from = indexOf[i];
                    int len = src.length(from);
                    System.arraycopy(src.data(), src.start(from), data, pos, len);
                    pos += len;
                }
                offsets[i + 1] = pos;
            }
            return BytesVector.wrap(type, data, offsets, n, mask);
        }
        ColumnVector out = ColumnVector.allocate(type, Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            if (nulls[i]) {
                out.appendNull();
            } else {
                out.appendFrom(sourceOf[i], indexOf[i]);
            }
        }
        return out;
    }
}
