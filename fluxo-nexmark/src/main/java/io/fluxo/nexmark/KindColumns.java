package io.fluxo.nexmark;

import io.fluxo.types.DataType;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.LongVector;

/**
 * The columns of one kind of event (person, auction or bid) for one batch: {@link #add} generates event {@code n}
 * into the wanted fields only, {@link #addNull} adds an empty row (for the combined stream's other kinds). Each
 * field reads its own draws of the event, so leaving a field out never changes the others.
 */
abstract class KindColumns {
    protected final EventModel model;
    protected final NexmarkOptions options;
    private final StructType schema;
    protected final boolean[] wanted;
    private final long[][] longs;
    private final TextColumn[] texts;
    protected int rows;

    KindColumns(EventModel model, StructType schema, boolean[] wanted, int capacity, int[] textBytesPerRow) {
        this.model = model;
        this.options = model.options;
        this.schema = schema;
        this.wanted = wanted.clone();
        this.longs = new long[schema.size()][];
        this.texts = new TextColumn[schema.size()];
        for (int f = 0; f < schema.size(); f++) {
            if (!wanted[f]) {
                continue;
            }
            if (schema.field(f).dataType().isLongBacked()) {
                longs[f] = new long[capacity];
            } else {
                texts[f] = new TextColumn(capacity, textBytesPerRow[f]);
            }
        }
    }

    /** Generates event {@code n}, which is of this kind. */
    abstract void add(long n);

    final void addNull() {
        for (TextColumn t : texts) {
            if (t != null) {
                t.endRow();
            }
        }
        rows++;
    }

    protected final long[] longs(int field) {
        return longs[field];
    }

    protected final TextColumn text(int field) {
        return texts[field];
    }

    /** Field {@code field} as a vector of the rows added, with {@code nulls} as its null mask (may be null). */
    final ColumnVector vector(int field, boolean[] nulls) {
        DataType type = schema.field(field).dataType();
        if (texts[field] != null) {
            return texts[field].toVector(nulls);
        }
        return LongVector.wrap(type, longs[field], rows, nulls);
    }

    static boolean[] all(StructType schema) {
        boolean[] w = new boolean[schema.size()];
        java.util.Arrays.fill(w, true);
        return w;
    }
}
