package io.fluxo.nexmark;

import io.fluxo.vector.ColumnBatch;
import java.util.Map;

/**
 * Events generated per second on one thread, straight from the reader (no engine): a quick measure, not a JMH
 * benchmark. Run: {@code java -cp … io.fluxo.nexmark.GenerationSpeedMain [events [breakdown]]} (a second argument
 * adds one bid column at a time).
 */
public final class GenerationSpeedMain {
    private GenerationSpeedMain() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000;
        measure("events, all columns", "events", new int[] {0, 1, 2, 3, 4}, events);
        measure("events, event_type + dateTime", "events", new int[] {0, 4}, events);
        measure("bid, all columns", "bid", new int[] {0, 1, 2, 3, 4, 5, 6}, events);
        measure("bid, auction+bidder+price+dateTime", "bid", new int[] {0, 1, 2, 5}, events);
        if (args.length > 1) {
            measure("bid, channel", "bid", new int[] {3}, events);
            measure("bid, url", "bid", new int[] {4}, events);
            measure("bid, extra", "bid", new int[] {6}, events);
            measure("bid, price", "bid", new int[] {2}, events);
            measure("bid, none", "bid", new int[] {}, events);
        }
        measure("person, all columns", "person", new int[] {0, 1, 2, 3, 4, 5, 6, 7}, events);
        measure("auction, all columns", "auction", new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, events);
    }

    private static void measure(String what, String table, int[] columns, long events) {
        EventModel model = new EventModel(NexmarkOptions.parse(Map.of("table", table)));
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            EventReader reader = new EventReader(model, model.options.table, new EventRange(0, events), columns);
            for (ColumnBatch b = reader.next(); b != null; b = reader.next()) {
                rows += b.numRows();
                bytes += b.sizeInBytes();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%-40s round %d: %,.0f events/s (%,d rows, %.0f MB/s of vectors)%n", what, round,
                    events / s, rows, bytes / s / 1e6);
        }
    }
}
