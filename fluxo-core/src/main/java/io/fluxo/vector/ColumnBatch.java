package io.fluxo.vector;

import io.fluxo.types.DataType;
import io.fluxo.types.StructType;
import java.util.List;
import java.util.Objects;

/**
 * The unit of data that moves between operators: a few thousand rows as one {@link ColumnVector} per column, all
 * of {@link #numRows()} rows. Immutable once built; operators make new batches rather than change one.
 */
public final class ColumnBatch {
    /** Rows per batch that sources and operators aim for: small enough for cache, large enough to amortize calls. */
    public static final int DEFAULT_SIZE = 4096;

    private final ColumnVector[] columns;
    private final int numRows;

    public ColumnBatch(ColumnVector[] columns, int numRows) {
        this.columns = Objects.requireNonNull(columns, "columns is null").clone();
        this.numRows = numRows;
        for (ColumnVector c : this.columns) {
            if (c.size() < numRows) {
                throw new IllegalArgumentException(
                        "column of " + c.type().simpleString() + " has " + c.size() + " rows, batch has " + numRows);
            }
        }
    }

    /** A batch with no columns, only a row count (what {@code count(*)} over a scan needs). */
    public static ColumnBatch ofRowCount(int numRows) {
        return new ColumnBatch(new ColumnVector[0], numRows);
    }

    public static ColumnBatch empty(StructType schema) {
        ColumnVector[] cols = new ColumnVector[schema.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = ColumnVector.allocate(schema.field(i).dataType(), 1);
        }
        return new ColumnBatch(cols, 0);
    }

    /** One batch holding the rows of all {@code batches} in order (columns of {@code types}). */
    public static ColumnBatch concat(List<ColumnBatch> batches, List<DataType> types) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        int total = 0;
        for (ColumnBatch b : batches) {
            total += b.numRows();
        }
        ColumnVector[] cols = new ColumnVector[types.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVector.allocate(types.get(c), total);
            for (ColumnBatch b : batches) {
                cols[c].appendRange(b.column(c), 0, b.numRows());
            }
        }
        return new ColumnBatch(cols, total);
    }

    public int numRows() {
        return numRows;
    }

    public int numColumns() {
        return columns.length;
    }

    public ColumnVector column(int i) {
        return columns[i];
    }

    /** The columns (a copy of the array; the vectors are shared). */
    public ColumnVector[] columns() {
        return columns.clone();
    }

    /** The rows at {@code positions[0..count)}, in that order. */
    public ColumnBatch gather(int[] positions, int count) {
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = columns[i].gather(positions, count);
        }
        return new ColumnBatch(out, count);
    }

    /** Rows {@code [from, from + count)}. */
    public ColumnBatch slice(int from, int count) {
        if (from == 0 && count == numRows) {
            return this;
        }
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = columns[i].slice(from, count);
        }
        return new ColumnBatch(out, count);
    }

    /** Selected columns, sharing their vectors. */
    public ColumnBatch selectColumns(int[] ordinals) {
        ColumnVector[] out = new ColumnVector[ordinals.length];
        for (int i = 0; i < ordinals.length; i++) {
            out[i] = columns[ordinals[i]];
        }
        return new ColumnBatch(out, numRows);
    }

    public long sizeInBytes() {
        long total = 0;
        for (ColumnVector c : columns) {
            total += c.sizeInBytes();
        }
        return total;
    }
}
