package io.fluxo.bench.nexmark;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;
import io.fluxo.nexmark.Nexmark;
import io.fluxo.nexmark.NexmarkQuery;
import io.fluxo.stream.StreamingQueryListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Nexmark query on Fluxo, in a JVM of its own, run by {@link NexmarkBench}; prints one {@code RESULT} line.
 *
 * <ul>
 *   <li>{@code files <events folder> <query> <files per trigger> <checkpoint>}: the query over the event files
 *       ({@code person/}, {@code auction/}, {@code bid/}, JSON lines) to a no-op sink until they are all read
 *       (availableNow): {@code RESULT rows=<input rows> ms=<run> firstBatchMs=<JVM start to first batch>
 *       peakHeapMb=<peak heap>}.</li>
 *   <li>{@code generator <query> <events> <checkpoint>}: the query over the in-process generator, unpaced, to a no-op
 *       sink: {@code RESULT rows=… ms=…}.</li>
 *   <li>{@code batch <events folder> <query> <output folder>}: the query as a batch query over the event files, its
 *       result written as JSON lines (compared with Spark's by {@link NexmarkBench}).</li>
 *   <li>{@code startup <query> <checkpoint>}: as {@code generator} over 1 000 events, for the time from the JVM's
 *       start to the first processed batch ({@code firstBatchMs}).</li>
 *   <li>{@code latency <query> <events per second> <seconds> <checkpoint>}: the query over the generator paced at that
 *       rate with event time = the time an event was offered; each output row's latency is the time its batch reached
 *       the sink minus its event time ({@code dateTime}; for a window, its end plus the watermark delay, when the
 *       window may close at the earliest): {@code RESULT p50=… p99=… rows=…}.</li>
 * </ul>
 */
public final class FluxoNexmarkQuery {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        try (Session session = Session.builder().master("local[*]")
                .config("fluxo.sql.shuffle.partitions", Integer.toString(NexmarkBench.SHUFFLE_PARTITIONS)).create()) {
            switch (mode) {
                case "files" -> files(session, args[1], query(args[2]), args[3], args[4]);
                case "generator" -> generator(session, query(args[1]), Long.parseLong(args[2]), args[3]);
                case "batch" -> batch(session, args[1], query(args[2]), args[3]);
                case "startup" -> generator(session, query(args[1]), 1_000, args[2]);
                case "latency" -> latency(session, query(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]),
                        args[4]);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        System.exit(0);
    }

    private static NexmarkQuery query(String id) {
        return NexmarkQuery.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown query " + id));
    }

    private static void files(Session session, String events, NexmarkQuery query, String filesPerTrigger,
            String checkpoint) throws Exception {
        for (String table : List.of("person", "auction", "bid")) {
            session.readStream().schema(NexmarkBench.schema(table)).option("maxFilesPerTrigger", filesPerTrigger)
                    .json(events + "/" + table).createOrReplaceTempView(table);
        }
        Nexmark.registerSideInput(session);
        runToEnd(session, query, checkpoint);
    }

    /** The query as a batch query over the event files, its result written as JSON lines to {@code out}. */
    private static void batch(Session session, String events, NexmarkQuery query, String out) {
        for (String table : List.of("person", "auction", "bid")) {
            session.read().schema(NexmarkBench.schema(table)).json(events + "/" + table)
                    .createOrReplaceTempView(table);
        }
        Nexmark.registerSideInput(session);
        session.sql(query.sql()).write().mode("overwrite").json(out);
        System.out.println("RESULT written=" + out);
    }

    private static void generator(Session session, NexmarkQuery query, long events, String checkpoint)
            throws Exception {
        Nexmark.registerViews(session, Map.of("eventsPerSecond", "unbounded", "maxEvents", Long.toString(events),
                "eventTimeRate", Long.toString(NexmarkBench.EVENT_TIME_RATE), "seed", NexmarkBench.SEED,
                "maxEventsPerTrigger", Long.toString(NexmarkBench.GENERATOR_EVENTS_PER_TRIGGER)));
        Nexmark.registerSideInput(session);
        runToEnd(session, query, checkpoint);
    }

    /** Runs until the input is read (availableNow) and prints the rows, the time and where the heap peaked. */
    private static void runToEnd(Session session, NexmarkQuery query, String checkpoint) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        AtomicLong rows = new AtomicLong();
        AtomicLong firstBatchAt = new AtomicLong();
        session.streams().addListener(new StreamingQueryListener() {
            @Override
            public void onQueryProgress(QueryProgressEvent event) {
                rows.addAndGet(event.progress().numInputRows());
                firstBatchAt.compareAndSet(0, System.currentTimeMillis());
            }
        });
        long start = System.nanoTime();
        StreamingQuery q = session.sql(query.sql()).writeStream().format("noop").outputMode(query.outputMode())
                .option("checkpointLocation", checkpoint).trigger(Trigger.availableNow()).start();
        q.awaitTermination();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("RESULT rows=" + rows.get() + " ms=" + ms + " firstBatchMs=" + (firstBatchAt.get()
                - jvmStart) + " peakHeapMb=" + NexmarkBench.peakHeapMb());
    }

    private static void latency(Session session, NexmarkQuery query, long rate, int seconds, String checkpoint)
            throws Exception {
        Nexmark.registerViews(session, Map.of("eventsPerSecond", Long.toString(rate), "baseTime", "now",
                "seed", NexmarkBench.SEED));
        Nexmark.registerSideInput(session);
        long[] counts = new long[600_001]; // latency histogram in ms
        // A window's row is due once the watermark may pass its end: its end plus the delay.
        long delayMs = query.watermarkDelayMs();
        long warmUpEnd = System.currentTimeMillis() + NexmarkBench.LATENCY_WARM_UP_MS;
        long end = warmUpEnd + seconds * 1000L;
        DataFrame result = session.sql(query.sql());
        StreamingQuery q = result.writeStream().outputMode(query.outputMode())
                .option("checkpointLocation", checkpoint).trigger(Trigger.ProcessingTime("0 seconds"))
                .foreachBatch((df, id) -> {
                    List<Row> times = df.selectExpr("unix_millis(dateTime)").collectAsList();
                    long now = System.currentTimeMillis();
                    if (now < warmUpEnd) {
                        return;
                    }
                    for (Row r : times) {
                        long due = r.getLong(0) + delayMs;
                        counts[(int) Math.max(0, Math.min(counts.length - 1, now - due))]++;
                    }
                }).start();
        while (System.currentTimeMillis() < end && q.isActive()) {
            Thread.sleep(100); // the run's length, not a condition: the query works meanwhile
        }
        q.stop();
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        System.out.println("RESULT p50=" + io.fluxo.bench.Histograms.percentile(counts, total, 0.50) + " p99="
                + io.fluxo.bench.Histograms.percentile(counts, total, 0.99) + " rows=" + total + " peakHeapMb="
                + NexmarkBench.peakHeapMb());
    }

    private FluxoNexmarkQuery() {
    }
}
