package io.fluxo.nexmark;

import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;

/**
 * Generates the events of one {@link EventRange} as column batches of up to {@link ColumnBatch#DEFAULT_SIZE} rows:
 * every event for the combined stream, or only the events of one kind for a flat table (the others are skipped
 * without being generated). Only the requested columns are generated.
 */
final class EventReader implements PartitionReader {
    private final EventModel model;
    private final NexmarkTable table;
    private final int[] required;
    private final long to;
    private final EventCursor cursor;
    private long next;

    EventReader(EventModel model, NexmarkTable table, EventRange range, int[] required) {
        this.model = model;
        this.table = table;
        this.required = required.clone();
        this.next = range.from();
        this.to = range.to();
        this.cursor = new EventCursor(model);
    }

    @Override
    public ColumnBatch next() {
        if (next >= to) {
            return null;
        }
        return table == NexmarkTable.EVENTS ? nextEvents() : nextOfKind();
    }

    private boolean requires(int column) {
        for (int c : required) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    /** A batch of the combined stream: event_type, person, auction, bid, dateTime. */
    private ColumnBatch nextEvents() {
        int rows = (int) Math.min(ColumnBatch.DEFAULT_SIZE, to - next);
        long end = next + rows;
        PersonColumns persons = requires(1) ? new PersonColumns(model, KindColumns.all(NexmarkTable.PERSON_SCHEMA),
                rows, expected(end, NexmarkTable.PERSON_TYPE)) : null;
        AuctionColumns auctions = requires(2) ? new AuctionColumns(model,
                KindColumns.all(NexmarkTable.AUCTION_SCHEMA), rows, expected(end, NexmarkTable.AUCTION_TYPE)) : null;
        BidColumns bids = requires(3) ? new BidColumns(model, KindColumns.all(NexmarkTable.BID_SCHEMA), rows,
                expected(end, NexmarkTable.BID_TYPE)) : null;
        int[] types = new int[rows];
        long[] times = requires(4) ? new long[rows] : null;
        EventCursor event = cursor.moveTo(next);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                event.next();
            }
            int kind = event.kind();
            types[i] = kind;
            if (times != null) {
                times[i] = event.timeMillis * DateTimeUtils.MICROS_PER_MILLI;
            }
            add(persons, kind == NexmarkTable.PERSON_TYPE, event);
            add(auctions, kind == NexmarkTable.AUCTION_TYPE, event);
            add(bids, kind == NexmarkTable.BID_TYPE, event);
        }
        next = end;
        ColumnVector[] columns = new ColumnVector[required.length];
        for (int c = 0; c < required.length; c++) {
            columns[c] = switch (required[c]) {
                case 0 -> IntVector.wrap(DataTypes.IntegerType, types, rows, null);
                case 1 -> struct(persons, NexmarkTable.PERSON_SCHEMA, types, NexmarkTable.PERSON_TYPE, rows);
                case 2 -> struct(auctions, NexmarkTable.AUCTION_SCHEMA, types, NexmarkTable.AUCTION_TYPE, rows);
                case 3 -> struct(bids, NexmarkTable.BID_SCHEMA, types, NexmarkTable.BID_TYPE, rows);
                case 4 -> LongVector.wrap(DataTypes.TimestampType, times, rows, null);
                default -> throw new IllegalArgumentException("no column " + required[c] + " in the event stream");
            };
        }
        return new ColumnBatch(columns, rows);
    }

    private int expected(long end, int kind) {
        return (int) model.countOfKind(next, end, kind);
    }

    private static void add(KindColumns columns, boolean ofThisKind, EventCursor event) {
        if (columns == null) {
            return;
        }
        if (ofThisKind) {
            columns.add(event);
        } else {
            columns.addNull();
        }
    }

    /**
     * The struct column of one kind: null where the event is of another kind. Its fields share its null mask (a
     * null struct is null in every field); vectors are read-only once in a batch, so sharing is safe.
     */
    private static StructVector struct(KindColumns columns, StructType schema, int[] types, int kind, int rows) {
        boolean[] nulls = null;
        for (int i = 0; i < rows; i++) {
            if (types[i] != kind) {
                if (nulls == null) {
                    nulls = new boolean[rows];
                }
                nulls[i] = true;
            }
        }
        ColumnVector[] fields = new ColumnVector[schema.size()];
        for (int f = 0; f < fields.length; f++) {
            fields[f] = columns.vector(f, nulls);
        }
        return StructVector.wrap(schema, fields, rows, nulls);
    }

    /** A batch of a flat table: the next events of its kind, skipping the others. */
    private ColumnBatch nextOfKind() {
        int kind = table == NexmarkTable.PERSON ? NexmarkTable.PERSON_TYPE
                : table == NexmarkTable.AUCTION ? NexmarkTable.AUCTION_TYPE : NexmarkTable.BID_TYPE;
        int total = model.totalProportion;
        int first = kind == NexmarkTable.PERSON_TYPE ? 0
                : kind == NexmarkTable.AUCTION_TYPE ? model.personProportion
                        : model.personProportion + model.auctionProportion;
        int end = kind == NexmarkTable.PERSON_TYPE ? model.personProportion
                : kind == NexmarkTable.AUCTION_TYPE ? model.personProportion + model.auctionProportion : total;
        if (first == end) {
            next = to;
            return null;
        }
        int capacity = (int) Math.min(ColumnBatch.DEFAULT_SIZE, model.countOfKind(next, to, kind));
        if (capacity == 0) {
            next = to;
            return null;
        }
        StructType schema = table.schema();
        KindColumns columns = required.length == 0 ? null : columnsOf(kind, wanted(schema), capacity);
        long n = next;
        int offset = (int) (n % total);
        boolean positioned = false;
        int rows = 0;
        while (rows < capacity) {
            // Jump over the events of other kinds; the cursor is moved (with divisions) once per run of this kind.
            if (offset < first) {
                n += first - offset;
                offset = first;
                positioned = false;
            } else if (offset >= end) {
                n += total - offset + first;
                offset = first;
                positioned = false;
            }
            if (columns != null) {
                if (positioned) {
                    cursor.next();
                } else {
                    cursor.moveTo(n);
                    positioned = true;
                }
                columns.add(cursor);
            }
            rows++;
            n++;
            if (++offset == total) {
                offset = 0;
            }
        }
        next = n;
        if (columns == null) {
            return ColumnBatch.ofRowCount(rows);
        }
        ColumnVector[] out = new ColumnVector[required.length];
        for (int c = 0; c < required.length; c++) {
            out[c] = columns.vector(required[c], null);
        }
        return new ColumnBatch(out, rows);
    }

    private KindColumns columnsOf(int kind, boolean[] wanted, int capacity) {
        return switch (kind) {
            case NexmarkTable.PERSON_TYPE -> new PersonColumns(model, wanted, capacity, capacity);
            case NexmarkTable.AUCTION_TYPE -> new AuctionColumns(model, wanted, capacity, capacity);
            default -> new BidColumns(model, wanted, capacity, capacity);
        };
    }

    private boolean[] wanted(StructType schema) {
        boolean[] wanted = new boolean[schema.size()];
        for (int c : required) {
            wanted[c] = true;
        }
        return wanted;
    }

    @Override
    public void close() {
    }
}
