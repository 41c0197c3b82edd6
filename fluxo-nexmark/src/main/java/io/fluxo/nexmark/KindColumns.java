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
    private int rows;
    private boolean textRowsBehind;

    /**
     * Columns for {@code capacity} rows of which about {@code expected} are events of this kind (the others null), with
     * room for {@code textBytesPerRow} bytes per event in each text field before growing.
     */
    KindColumns(EventModel model, StructType schema, boolean[] wanted, int capacity, int expected,
            int[] textBytesPerRow) {
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
                texts[f] = new TextColumn(capacity, expected * textBytesPerRow[f]);
            }
        }
    }

    /** Generates the event under {@code event}, which is of this kind, as the next row. */
    final void add(EventCursor event) {
        if (textRowsBehind) {
            catchUpTexts();
        }
        generate(event, rows);
        rows++;
    }

    /** Writes row {@code row}: the wanted fields of the event under {@code event}. */
    protected abstract void generate(EventCursor event, int row);

    /** Adds an empty row; text columns add theirs when next written, in one step for a run of empty rows. */
    final void addNull() {
        rows++;
        textRowsBehind = true;
    }

    private void catchUpTexts() {
        for (TextColumn t : texts) {
            if (t != null) {
                t.emptyRowsUpTo(rows);
            }
        }
        textRowsBehind = false;
    }

    protected final long[] longs(int field) {
        return longs[field];
    }

    protected final TextColumn text(int field) {
        return texts[field];
    }

    /** Field {@code field} as a vector of the rows added, with {@code nulls} as its null mask (may be null). */
    final ColumnVector vector(int field, boolean[] nulls) {
        if (textRowsBehind) {
            catchUpTexts();
        }
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
