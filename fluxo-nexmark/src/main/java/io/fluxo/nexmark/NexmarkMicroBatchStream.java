package io.fluxo.nexmark;

import io.fluxo.checkpoint.AtomicFiles;
import io.fluxo.connector.spi.InputPartition;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.connector.spi.PartitionReader;
import io.fluxo.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code readStream().format("nexmark")}: the Nexmark event stream. The offset is the number of events offered so far
 * (plain decimal text, as the rate source's); the events of a range are a pure function of their numbers and the
 * options, so a batch re-run after a restart regenerates exactly the same rows. With {@code eventsPerSecond} set,
 * event {@code n} is offered {@code n / eventsPerSecond} seconds of processing time (the query's clock) after the
 * stream first looked; with it unbounded, every batch takes {@code maxEventsPerTrigger} more events.
 */
final class NexmarkMicroBatchStream implements MicroBatchStream {
    private final NexmarkOptions options;
    /** The events' model; with {@code baseTime} "now", made once the base time is known (see {@link #fixBaseTime}). */
    private volatile EventModel model;
    /** Where the stream keeps what it fixed on its first look (the base time of {@code baseTime} "now"). */
    private Path checkpointDir;
    private LongSupplier clockMillis = System::currentTimeMillis;
    /** Processing time (ms) at which event 0 was due; set on the first look, so a restart resumes the pace. */
    private long startedAtMs = -1;
    private boolean availableNow;
    /** For an availableNow run: the offset fixed as "available now" on its first look, or -1 before it. */
    private long availableNowEnd = -1;

    NexmarkMicroBatchStream(NexmarkOptions options) {
        this.options = options;
        this.model = options.baseTimeAtStart ? null : new EventModel(options);
    }

    @Override
    public StructType schema() {
        return options.table.schema();
    }

    @Override
    public String description() {
        return "Nexmark[" + options.describe() + "]";
    }

    @Override
    public void open(Path checkpointDir, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.checkpointDir = checkpointDir;
        if (options.baseTimeAtStart && Files.exists(baseTimeFile())) {
            fixBaseTime(-1);
        }
    }

    private Path baseTimeFile() {
        return checkpointDir.resolve("base-time");
    }

    /**
     * Makes the model of {@code baseTime} "now": the base time recorded in the checkpoint, or {@code firstLookMs}
     * recorded there now, so that a batch run again after a restart has the same event times.
     */
    private void fixBaseTime(long firstLookMs) {
        if (checkpointDir == null) {
            model = new EventModel(options.withBaseTime(firstLookMs));
            return;
        }
        AtomicFiles.writeIfAbsent(baseTimeFile(), Long.toString(firstLookMs));
        String recorded = AtomicFiles.read(baseTimeFile()).strip();
        try {
            model = new EventModel(options.withBaseTime(Long.parseLong(recorded)));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The nexmark source's base time in " + baseTimeFile()
                    + " is not a number: '" + recorded + "'");
        }
    }

    @Override
    public synchronized boolean prepareForTriggerAvailableNow() {
        availableNow = true;
        availableNowEnd = -1;
        return true;
    }

    @Override
    public String initialOffset() {
        return "0";
    }

    @Override
    public synchronized String latestOffset(String start) {
        long from = parseOffset(start);
        long limit = options.maxEvents > 0 ? options.maxEvents : Long.MAX_VALUE;
        if (options.eventsPerSecond > 0) {
            limit = Math.min(limit, dueAt(from, clockMillis.getAsLong()));
        } else if (availableNow && options.maxEvents == 0) {
            // An unbounded stream without an end has no "available now": one batch's worth is.
            limit = from + options.maxEventsPerTrigger;
        }
        if (availableNow) {
            if (availableNowEnd < 0) {
                availableNowEnd = limit;
            }
            limit = availableNowEnd;
        }
        long end = Math.min(limit, from + Math.min(options.maxEventsPerTrigger, Long.MAX_VALUE - from));
        return Long.toString(Math.max(from, end));
    }

    /** Events due by processing time {@code nowMs} at {@code eventsPerSecond}. */
    private long dueAt(long from, long nowMs) {
        long rate = options.eventsPerSecond;
        if (startedAtMs < 0) {
            startedAtMs = nowMs - (from / rate * 1000 + from % rate * 1000 / rate);
            if (model == null) {
                fixBaseTime(startedAtMs);
            }
        }
        long elapsed = Math.max(0, nowMs - startedAtMs);
        return elapsed / 1000 * rate + elapsed % 1000 * rate / 1000;
    }

    static long parseOffset(String offset) {
        try {
            long v = Long.parseLong(offset.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Not a nexmark source offset (a number of events): '" + offset + "'");
        }
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        return List.copyOf(EventRange.split(parseOffset(start), parseOffset(end), options.numPartitions));
    }

    @Override
    public PartitionReader createReader(InputPartition partition, int[] requiredColumns) {
        return new EventReader(model, options.table, (EventRange) partition, requiredColumns);
    }
}
