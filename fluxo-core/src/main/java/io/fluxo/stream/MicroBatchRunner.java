package io.fluxo.stream;

import io.fluxo.checkpoint.Checkpoint;
import io.fluxo.checkpoint.CommitLog;
import io.fluxo.checkpoint.OffsetLog;
import io.fluxo.connector.spi.MicroBatchStream;
import io.fluxo.errors.FluxoException;
import io.fluxo.function.EvalContext;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.logical.DataSourceRelation;
import io.fluxo.plan.logical.Deduplicate;
import io.fluxo.plan.logical.EventTimeWatermark;
import io.fluxo.plan.logical.FlatMapGroupsWithState;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.StatefulAggregate;
import io.fluxo.plan.logical.StatefulDeduplicate;
import io.fluxo.plan.logical.StatefulJoin;
import io.fluxo.plan.logical.StreamingRelation;
import io.fluxo.state.StateStoreConf;
import io.fluxo.state.StateStoreRegistry;
import io.fluxo.state.StateTimeout;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The micro-batch loop of one streaming query run, following DESIGN.md's contract: for batch N, write
 * {@code offsets/N} (the range, the batch's timestamp and watermark) before running; run the plan over the range;
 * let the sink commit batch N idempotently; write {@code commits/N}; tell the sources. On start, an
 * {@code offsets/N} without {@code commits/N} is re-run first with exactly the logged range and timestamp.
 *
 * <p>Checkpoint writes, which force files to disk, run on a thread of their own, in order, beside the batch:
 * {@code offsets/N} while batch N reads and computes (its sink waits for it), and {@code commits/N}, after forcing the
 * state files N committed, while the loop asks the sources for batch N+1's offsets (a broker round trip for Kafka). The
 * loop waits for {@code commits/N}, tells the sources and reports N's progress before batch N+1 starts, so the logs are
 * written in the same order as without the overlap.
 */
public final class MicroBatchRunner {
    private static final int RECENT_PROGRESS = 100;

    /** What the runner reports to its query's owner. */
    public interface Events {
        void started(UUID id, UUID runId);

        void progress(StreamingQueryProgress progress);

        void idle(UUID id, UUID runId);

        void terminated(UUID id, UUID runId, Throwable error);
    }

    private final String name;
    private final LogicalPlan plan;
    private final List<StreamingRelation> sources;
    private final StreamSink sink;
    private final TriggerSpec trigger;
    private final StreamClock clock;
    private final ZoneId zone;
    /** Session settings recorded with every batch; the state partition count in it is the checkpoint's. */
    private Map<String, String> conf;
    private final BatchPlanRunner batchRunner;
    private final Events events;
    private final Checkpoint checkpoint;
    private final UUID runId = UUID.randomUUID();
    private final Object wakeUp = new Object();
    /** A signal that arrived while the loop was busy: the next idle wait must not sleep through it. Guarded by wakeUp. */
    private boolean signalPending;
    private final Deque<StreamingQueryProgress> recent = new ArrayDeque<>();
    /** Writes commit log entries (see the class comment); made by {@link #start}. */
    private ExecutorService committer;
    /** The last batch, while its commit log entry is being written; null when there is none in flight. */
    private PendingCommit pendingCommit;

    /** A batch whose commit log entry is being written: what is left to do once it is. */
    private record PendingCommit(Future<Long> written, String[] end, long startNanos, long sinkDoneNanos,
            Map<String, Long> durations, long batchTimestampMs, long batchId, long watermarkMs,
            List<StreamingQueryProgress.SourceProgress> sources, long outputRows) {
    }

    private String[] committed;
    private long nextBatchId;
    private long watermarkMs;
    private volatile boolean active;
    private volatile Throwable failure;
    private Thread thread;
    private long requestSeq;
    private long idleSeenForRequest;
    private volatile String statusMessage = "Initializing sources";
    private volatile boolean dataAvailable;
    private volatile boolean triggerActive;
    private final String outputMode;
    /** The withWatermark nodes of the plan, in plan order: their delays and the watermark each has reached. */
    private final long[] watermarkDelays;
    private final long[] operatorWatermarks;
    /** The largest event time each withWatermark node saw in the running batch. */
    private LongAccumulator[] maxEventTimes = new LongAccumulator[0];
    /** The watermark the previous batch ran with: rows older than it are late in this one. */
    private long previousBatchWatermarkMs;
    /** The watermark moved and stateful operators may now emit or evict: run a batch even without new data. */
    private boolean noDataBatchDue;
    /**
     * The earliest processing-time deadline a {@code [flat]mapGroupsWithState} key holds (ms): once the clock passes
     * it, a batch runs without new data to call the expired keys. Unknown after a restart until a batch ran.
     */
    private long nextProcessingTimeoutMs = Long.MAX_VALUE;
    private LongAccumulator nextProcessingTimeouts = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private StateStoreRegistry stateStores;
    /** State partitions of every stateful operator: fixed by the first batch, read back from the offset log. */
    private int numStatePartitions;

    public MicroBatchRunner(String name, LogicalPlan plan, String outputMode, StreamSink sink, TriggerSpec trigger,
            StreamClock clock, ZoneId zone, Map<String, String> conf, Path checkpointDir, BatchPlanRunner batchRunner,
            Events events) {
        this.name = name;
        this.outputMode = outputMode;
        List<Long> delays = new ArrayList<>();
        plan.transformUp(p -> {
            if (p instanceof EventTimeWatermark w) {
                delays.add(w.delayMicros());
            }
            return p;
        });
        this.watermarkDelays = delays.stream().mapToLong(Long::longValue).toArray();
        this.operatorWatermarks = new long[watermarkDelays.length];
        this.plan = Objects.requireNonNull(plan, "plan is null");
        this.sink = sink;
        this.trigger = trigger;
        this.clock = clock;
        this.zone = zone;
        this.conf = Map.copyOf(conf);
        this.batchRunner = batchRunner;
        this.events = events;
        this.sources = streamingLeaves(plan);
        this.checkpoint = Checkpoint.open(checkpointDir);
        try {
            recovery = checkpoint.recover();
            checkSourcesMatchCheckpoint();
            for (int i = 0; i < sources.size(); i++) {
                sources.get(i).stream().open(checkpoint.sourceDir(i), clock::millis);
            }
            recover();
            sink.open(checkpoint.queryId());
            stateStores = new StateStoreRegistry(checkpoint.stateDir(), new StateStoreConf(
                    Integer.parseInt(conf.getOrDefault(SNAPSHOT_INTERVAL, "10")),
                    Integer.parseInt(conf.getOrDefault(MIN_BATCHES_TO_RETAIN, "100"))));
            List<Long> logged = checkpoint.offsetLog().batchIds();
            String recorded = logged.isEmpty() ? null : checkpoint.offsetLog().get(logged.get(0))
                    .map(first -> first.metadata().conf().get(SHUFFLE_PARTITIONS)).orElse(null);
            numStatePartitions = Integer.parseInt(recorded != null ? recorded
                    : this.conf.getOrDefault(SHUFFLE_PARTITIONS, "1"));
            Map<String, String> fixed = new java.util.TreeMap<>(this.conf);
            fixed.put(SHUFFLE_PARTITIONS, Integer.toString(numStatePartitions));
            this.conf = Map.copyOf(fixed);
        } catch (java.io.IOException e) {
            checkpoint.close();
            throw new java.io.UncheckedIOException("cannot open the sources: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            checkpoint.close();
            throw e;
        }
    }

    static final String SHUFFLE_PARTITIONS = "fluxo.sql.shuffle.partitions";
    static final String SNAPSHOT_INTERVAL = "fluxo.sql.streaming.stateStore.minDeltasForSnapshot";
    static final String MIN_BATCHES_TO_RETAIN = "fluxo.sql.streaming.minBatchesToRetain";
    static final String MULTIPLE_WATERMARK_POLICY = "fluxo.sql.streaming.multipleWatermarkPolicy";

    /** The batch's plan: each streaming aggregation becomes a stateful one reading the state of earlier batches. */
    private LogicalPlan withState(long batchId, long batchTimestampMs) {
        int[] operatorId = {0};
        nextProcessingTimeouts = new LongAccumulator(Math::min, Long.MAX_VALUE);
        int[] watermarkNode = {0};
        maxEventTimes = new LongAccumulator[watermarkDelays.length];
        return plan.transformUp(p -> {
            if (p instanceof EventTimeWatermark w) {
                LongAccumulator max = new LongAccumulator(Math::max, Long.MIN_VALUE);
                maxEventTimes[watermarkNode[0]++] = max;
                return new EventTimeWatermark(w.eventTime(), w.delayMicros(), w.child(), max);
            }
            if (p instanceof Aggregate a && a.child().isStreaming()) {
                return new StatefulAggregate(a, stateStores, operatorId[0]++, batchId, numStatePartitions,
                        outputMode, EventTimeKeys.keyIndex(a), previousBatchWatermarkMs * 1000,
                        watermarkMs * 1000);
            }
            if (p instanceof Join j && j.left().isStreaming() && j.right().isStreaming()) {
                StatefulJoin join = new StatefulJoin(j, stateStores, operatorId[0], batchId, numStatePartitions,
                        EventTimeKeys.joinWatermarks(j, previousBatchWatermarkMs * 1000, watermarkMs * 1000));
                operatorId[0] += 2; // a state store for each side
                return join;
            }
            if (p instanceof FlatMapGroupsWithState g && g.child().isStreaming()) {
                List<AttributeReference> times = EventTimeKeys.watermarked(g.child()).stream()
                        .filter(t -> g.child().output().stream().anyMatch(o -> o.exprId().equals(t.exprId())))
                        .toList();
                return g.withStreaming(new FlatMapGroupsWithState.Streaming(stateStores, operatorId[0]++, batchId,
                        numStatePartitions, batchTimestampMs, times.isEmpty() ? null : times.get(0),
                        previousBatchWatermarkMs, watermarkMs, !times.isEmpty(), nextProcessingTimeouts));
            }
            Deduplicate dedup = p instanceof Deduplicate d && d.child().isStreaming() ? d : null;
            if (dedup != null) {
                List<AttributeReference> times = EventTimeKeys.watermarked(dedup.child());
                return new StatefulDeduplicate(dedup, stateStores, operatorId[0]++, batchId, numStatePartitions,
                        times.isEmpty() ? null : times.get(0), previousBatchWatermarkMs * 1000, watermarkMs * 1000,
                        dedup.withinWatermark() ? watermarkDelays[0] : -1);
            }
            return p;
        });
    }

    /**
     * After a batch: each withWatermark node's watermark moves up to the latest event time it saw minus its delay;
     * the query's watermark is the smallest of them (Spark's default multiple-watermark policy) or, with
     * {@code fluxo.sql.streaming.multipleWatermarkPolicy=max}, the largest. Returns it, in ms.
     */
    private long advanceWatermark() {
        boolean useMax = conf.getOrDefault(MULTIPLE_WATERMARK_POLICY, "min").trim().equalsIgnoreCase("max");
        long global = useMax ? Long.MIN_VALUE : Long.MAX_VALUE;
        for (int i = 0; i < watermarkDelays.length; i++) {
            long max = maxEventTimes.length > i ? maxEventTimes[i].get() : Long.MIN_VALUE;
            if (max != Long.MIN_VALUE) {
                operatorWatermarks[i] = Math.max(operatorWatermarks[i], max - watermarkDelays[i]);
            }
            global = useMax ? Math.max(global, operatorWatermarks[i]) : Math.min(global, operatorWatermarks[i]);
        }
        return watermarkDelays.length == 0 ? watermarkMs : Math.max(watermarkMs, Math.floorDiv(global, 1000));
    }

    private boolean hasProcessingTimeTimeouts() {
        return plan.anyNode(p -> p instanceof FlatMapGroupsWithState g && g.timeout() == StateTimeout.PROCESSING_TIME);
    }

    private static List<StreamingRelation> streamingLeaves(LogicalPlan plan) {
        Map<MicroBatchStream, StreamingRelation> seen = new IdentityHashMap<>();
        List<StreamingRelation> out = new ArrayList<>();
        plan.transformUp(p -> {
            if (p instanceof StreamingRelation s && !seen.containsKey(s.stream())) {
                seen.put(s.stream(), s);
                out.add(s);
            }
            return p;
        });
        return out;
    }

    public UUID id() {
        return checkpoint.queryId();
    }

    public UUID runId() {
        return runId;
    }

    public String name() {
        return name;
    }

    // ---- recovery ------------------------------------------------------------------------------------------------

    private Checkpoint.RecoveryPoint recovery;

    /** A restart must read the same number and kinds of sources as the run that wrote the checkpoint. */
    private void checkSourcesMatchCheckpoint() {
        List<String> last = recovery.rerunLastBatch() ? recovery.rerunOffsets() : recovery.committedOffsets();
        if (last != null && !last.isEmpty() && last.size() != sources.size()) {
            throw new FluxoException("CHECKPOINT_INCONSISTENT", "The checkpoint at " + checkpoint.directory()
                    + " was written by a query with " + last.size() + " sources, but this query has " + sources.size()
                    + ". A restarted query must read the same sources; use a new checkpoint location for a changed "
                    + "query.");
        }
        for (int i = 0; i < sources.size(); i++) {
            checkpoint.checkSourceKind(i, sources.get(i).stream().getClass().getName());
        }
    }

    private void recover() {
        committed = new String[sources.size()];
        List<String> last = recovery.committedOffsets();
        for (int i = 0; i < committed.length; i++) {
            String c = last == null || last.isEmpty() ? null : last.get(i);
            committed[i] = c != null ? c : sources.get(i).stream().initialOffset();
        }
        nextBatchId = recovery.nextBatchId();
        watermarkMs = recovery.watermarkMs();
        previousBatchWatermarkMs = watermarkMs;
        Arrays.fill(operatorWatermarks, watermarkMs * 1000);
        if (nextBatchId > 0 && hasProcessingTimeTimeouts()) {
            nextProcessingTimeoutMs = Long.MIN_VALUE;
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    public synchronized void start() {
        active = true;
        String threadName = name != null ? name : runId.toString().substring(0, 8);
        committer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fluxo-commit-" + threadName);
            t.setDaemon(true);
            return t;
        });
        thread = new Thread(this::runLoop, "fluxo-stream-" + threadName);
        thread.setDaemon(true);
        events.started(id(), runId);
        thread.start();
    }

    public boolean isActive() {
        return active;
    }

    public Throwable exception() {
        return failure;
    }

    /** Stops after the running batch (if any) finishes, and waits for the loop to end. */
    public void stop() throws InterruptedException {
        active = false;
        signal();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.join();
        }
    }

    /** Blocks until the query ended; returns true if it ended within {@code timeoutMs} (0: wait forever). */
    public boolean awaitTermination(long timeoutMs) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(timeoutMs);
        if (!t.isAlive() && failure != null) {
            throw new StreamingQueryException(failure);
        }
        return !t.isAlive();
    }

    /** Blocks until every source's data available now has been processed (or the query failed or stopped). */
    public void processAllAvailable() throws InterruptedException {
        long request;
        synchronized (this) {
            request = ++requestSeq;
        }
        signal();
        synchronized (this) {
            while (idleSeenForRequest < request && active && failure == null) {
                wait(100);
            }
        }
        if (failure != null) {
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                t.join(60_000); // the query has ended: let it finish closing (checkpoint, sink) before saying so
            }
            throw new StreamingQueryException(failure);
        }
    }

    /** New data arrived or the clock moved: the loop should look again. */
    public void signal() {
        synchronized (wakeUp) {
            signalPending = true;
            wakeUp.notifyAll();
        }
    }

    public synchronized StreamingQueryProgress lastProgress() {
        return recent.peekLast();
    }

    public synchronized List<StreamingQueryProgress> recentProgress() {
        return new ArrayList<>(recent);
    }

    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("message", statusMessage);
        s.put("isDataAvailable", dataAvailable);
        s.put("isTriggerActive", triggerActive);
        return s;
    }

    // ---- the loop ------------------------------------------------------------------------------------------------

    private void runLoop() {
        try {
            if (recovery.rerunLastBatch()) {
                Checkpoint.RecoveryPoint r = recovery;
                runBatch(r.nextBatchId(), committed.clone(), r.rerunOffsets().toArray(String[]::new),
                        r.rerunTimestampMs(), true, 0);
            }
            String[] availableNowEnd = trigger.kind() == TriggerSpec.Kind.AVAILABLE_NOW ? availableNowEnds() : null;
            long nextTrigger = clock.millis();
            while (active) {
                if (trigger.kind() == TriggerSpec.Kind.PROCESSING_TIME) {
                    if (clock.millis() < nextTrigger) {
                        finishCommit(); // nothing to overlap it with: the next batch is not due yet
                    }
                    statusMessage = "Waiting for next trigger";
                    clock.waitUntil(nextTrigger, wakeUp);
                    if (clock.millis() < nextTrigger) {
                        if (!active) {
                            break;
                        }
                        continue;
                    }
                    nextTrigger += Math.max(1, trigger.intervalMillis())
                            * Math.max(1, (clock.millis() - nextTrigger) / Math.max(1, trigger.intervalMillis()) + 1);
                }
                long seenRequest;
                synchronized (this) {
                    seenRequest = requestSeq;
                }
                triggerActive = true;
                statusMessage = "Getting offsets from sources";
                long triggerStart = System.nanoTime();
                String[] latest = new String[sources.size()];
                boolean hasData = false;
                for (int i = 0; i < latest.length; i++) {
                    latest[i] = availableNowEnd != null && availableNowEnd[i] != null ? availableNowEnd[i]
                            : sources.get(i).stream().latestOffset(committed[i]);
                    hasData |= !latest[i].equals(committed[i]);
                }
                long latestOffsetNanos = System.nanoTime() - triggerStart;
                finishCommit();
                dataAvailable = hasData;
                if (hasData || noDataBatchDue || clock.millis() > nextProcessingTimeoutMs) {
                    runBatch(nextBatchId, committed.clone(), latest, clock.millis(), false, latestOffsetNanos);
                } else {
                    triggerActive = false;
                    statusMessage = "Waiting for data to arrive";
                    synchronized (this) {
                        idleSeenForRequest = Math.max(idleSeenForRequest, seenRequest);
                        notifyAll();
                    }
                    events.idle(id(), runId);
                    if (trigger.stopsWhenDone()) {
                        break;
                    }
                    if (trigger.kind() == TriggerSpec.Kind.DEFAULT) {
                        synchronized (wakeUp) {
                            // New data signals the loop; the timeout covers sources that cannot signal.
                            if (!signalPending) {
                                wakeUp.wait(10);
                            }
                            signalPending = false;
                        }
                    }
                }
                triggerActive = false;
                if (trigger.kind() == TriggerSpec.Kind.ONCE && hasData) {
                    break;
                }
            }
            finishCommit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        } finally {
            active = false;
            if (pendingCommit != null) {
                // Stopped or failed while the last batch's commit was being written: let it land, even if stop()
                // interrupted the loop, so a restart never races the entry being written.
                boolean interrupted = Thread.interrupted();
                try {
                    finishCommit();
                } catch (Throwable t) {
                    if (failure == null && !(t instanceof InterruptedException)) {
                        failure = t;
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            committer.shutdown();
            awaitCheckpointWrites();
            statusMessage = "Stopped";
            for (StreamingRelation s : sources) {
                try {
                    s.stream().stop();
                } catch (RuntimeException ignored) {
                    // A source failing to stop must not hide why the query ended.
                }
            }
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // Nor a sink failing to close.
            }
            checkpoint.close();
            synchronized (this) {
                notifyAll();
            }
            events.terminated(id(), runId, failure);
        }
    }

    /**
     * For an availableNow run: null for each source that limits itself to the data available now, else the offset it
     * reports now, which caps the run.
     */
    private String[] availableNowEnds() throws java.io.IOException {
        String[] ends = new String[sources.size()];
        for (int i = 0; i < ends.length; i++) {
            MicroBatchStream stream = sources.get(i).stream();
            if (!stream.prepareForTriggerAvailableNow()) {
                ends[i] = stream.latestOffset(committed[i]);
            }
        }
        return ends;
    }

    /**
     * Runs batch {@code batchId} over {@code start..end} up to its sink, and starts writing its commit log entry;
     * {@link #finishCommit} completes it. {@code latestOffsetNanos} is how long the sources took to say {@code end}.
     */
    private void runBatch(long batchId, String[] start, String[] end, long batchTimestampMs, boolean alreadyLogged,
            long latestOffsetNanos) throws Exception {
        finishCommit();
        long t0 = System.nanoTime();
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put("latestOffset", latestOffsetNanos / 1_000_000);
        statusMessage = "Processing new data";
        // offsets/N is written while the batch runs; the sink, the batch's first effect outside the checkpoint, waits
        // for it. State the batch commits before then is harmless: a batch run again replaces it.
        OffsetLog.OffsetSeq offsets = new OffsetLog.OffsetSeq(Arrays.asList(end),
                new OffsetLog.OffsetSeqMetadata(watermarkMs, batchTimestampMs, conf));
        Future<Long> logged = alreadyLogged ? CompletableFuture.completedFuture(t0) : committer.submit(() -> {
            checkpoint.offsetLog().add(batchId, offsets);
            return System.nanoTime();
        });
        long getBatchStart = System.nanoTime();
        LongAdder[] rows = new LongAdder[sources.size()];
        Map<MicroBatchStream, LogicalPlan> relations = new IdentityHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            rows[i] = new LongAdder();
            StreamingRelation s = sources.get(i);
            relations.put(s.stream(), start[i].equals(end[i]) ? new LocalRelation(s.output(), List.of())
                    : new DataSourceRelation(new OffsetRangeScan(s.stream(), start[i], end[i], rows[i]), s.output(),
                            s.output()));
        }
        long planningStart = System.nanoTime();
        durations.put("getBatch", (planningStart - getBatchStart) / 1_000_000);
        LogicalPlan batchPlan = withState(batchId, batchTimestampMs)
                .transformUp(p -> p instanceof StreamingRelation s ? relations.get(s.stream()) : p);
        long executionStart = System.nanoTime();
        durations.put("queryPlanning", (executionStart - planningStart) / 1_000_000);
        EvalContext context = new EvalContext(zone, batchTimestampMs * DateTimeUtils.MICROS_PER_MILLI);
        List<ColumnBatch> output = batchRunner.run(batchPlan, context);
        durations.put("walCommit", (await(logged) - t0) / 1_000_000);
        sink.addBatch(batchId, schemaOf(plan), output);
        long t3 = System.nanoTime();
        durations.put("addBatch", (t3 - executionStart) / 1_000_000);
        long nextWatermarkMs = advanceWatermark();
        // Keep the logs of the last minBatchesToRetain batches, as Spark; older ones are never read again.
        long oldestKept = batchId - Integer.parseInt(conf.getOrDefault(MIN_BATCHES_TO_RETAIN, "100")) + 1;
        Future<Long> written = committer.submit(() -> {
            // What commits/N says exists must be on disk first: the state the batch committed.
            stateStores.syncCommitted();
            checkpoint.commitLog().add(batchId, new CommitLog.CommitMetadata(nextWatermarkMs));
            if (oldestKept > 0) {
                checkpoint.offsetLog().purgeBefore(oldestKept);
                checkpoint.commitLog().purgeBefore(oldestKept);
            }
            return System.nanoTime();
        });
        long outputRows = 0;
        for (ColumnBatch b : output) {
            outputRows += b.numRows();
        }
        List<StreamingQueryProgress.SourceProgress> sourceProgress = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            sourceProgress.add(new StreamingQueryProgress.SourceProgress(sources.get(i).stream().description(),
                    start[i], end[i], end[i], rows[i].sum(), 0.0, 0.0));
        }
        pendingCommit = new PendingCommit(written, end, t0 - latestOffsetNanos, t3, durations, batchTimestampMs,
                batchId, watermarkMs, sourceProgress, outputRows);
        committed = end;
        nextBatchId = batchId + 1;
        noDataBatchDue = nextWatermarkMs > watermarkMs && EventTimeKeys.hasWatermarkedState(plan);
        nextProcessingTimeoutMs = nextProcessingTimeouts.get();
        previousBatchWatermarkMs = watermarkMs;
        watermarkMs = nextWatermarkMs;
    }

    /** Lets the checkpoint writes already queued (a failed batch's offsets entry) finish before the checkpoint closes. */
    private void awaitCheckpointWrites() {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (!committer.isTerminated() && System.nanoTime() < deadline) {
            try {
                committer.awaitTermination(deadline - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The time a checkpoint write on the committer thread finished; its failure, as it was thrown. */
    private static long await(Future<Long> write) throws Exception {
        try {
            return write.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Waits for the last batch's commit log entry, then tells the sources and reports the batch's progress. */
    private void finishCommit() throws Exception {
        PendingCommit c = pendingCommit;
        if (c == null) {
            return;
        }
        long t4;
        try {
            t4 = await(c.written());
        } finally {
            if (c.written().isDone()) {
                pendingCommit = null;
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            sources.get(i).stream().commit(c.end()[i]);
        }
        long done = Math.max(t4, System.nanoTime());
        Map<String, Long> durations = c.durations();
        durations.put("commitOffsets", (done - c.sinkDoneNanos()) / 1_000_000);
        durations.put("triggerExecution", (done - c.startNanos()) / 1_000_000);
        double seconds = Math.max(1e-9, (done - c.startNanos()) / 1e9);
        List<StreamingQueryProgress.SourceProgress> sourceProgress = new ArrayList<>();
        for (StreamingQueryProgress.SourceProgress sp : c.sources()) {
            sourceProgress.add(new StreamingQueryProgress.SourceProgress(sp.description(), sp.startOffset(),
                    sp.endOffset(), sp.latestOffset(), sp.numInputRows(), sp.inputRowsPerSecond(),
                    sp.numInputRows() / seconds));
        }
        StreamingQueryProgress progress = new StreamingQueryProgress(id(), runId, name,
                Instant.ofEpochMilli(c.batchTimestampMs()).toString(), c.batchId(), (done - c.startNanos()) / 1_000_000,
                durations, eventTime(c.watermarkMs()), stateOperators(), sourceProgress,
                new StreamingQueryProgress.SinkProgress(sink.description(), c.outputRows()));
        synchronized (this) {
            recent.addLast(progress);
            if (recent.size() > RECENT_PROGRESS) {
                recent.removeFirst();
            }
        }
        events.progress(progress);
    }

    /** Spark's eventTime block: the batch's watermark and the latest event time seen, when there is a watermark. */
    private Map<String, String> eventTime(long batchWatermarkMs) {
        if (watermarkDelays.length == 0) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        long max = Long.MIN_VALUE;
        for (LongAccumulator m : maxEventTimes) {
            max = Math.max(max, m.get());
        }
        if (max != Long.MIN_VALUE) {
            out.put("max", Instant.ofEpochMilli(Math.floorDiv(max, 1000)).toString());
        }
        out.put("watermark", Instant.ofEpochMilli(batchWatermarkMs).toString());
        return out;
    }

    private List<StreamingQueryProgress.StateOperatorProgress> stateOperators() {
        List<StreamingQueryProgress.StateOperatorProgress> out = new ArrayList<>();
        List<StateStoreRegistry.OperatorMetrics> metrics = stateStores.metrics();
        for (int i = 0; i < metrics.size(); i++) {
            StateStoreRegistry.OperatorMetrics m = metrics.get(i);
            if (m.kind().startsWith(JOIN_LEFT_SIDE) && i + 1 < metrics.size()
                    && metrics.get(i + 1).operator() == m.operator() + 1) {
                // A join keeps a store per side; Spark reports the join as one operator.
                StateStoreRegistry.OperatorMetrics r = metrics.get(++i);
                out.add(new StreamingQueryProgress.StateOperatorProgress("symmetricHashJoin",
                        m.numRowsTotal() + r.numRowsTotal(), m.numRowsUpdated() + r.numRowsUpdated(),
                        m.numRowsRemoved() + r.numRowsRemoved(),
                        m.numRowsDroppedByWatermark() + r.numRowsDroppedByWatermark(),
                        m.memoryUsedBytes() + r.memoryUsedBytes(), Math.max(m.commitTimeMs(), r.commitTimeMs()),
                        m.allUpdatesTimeMs() + r.allUpdatesTimeMs(), m.allRemovalsTimeMs() + r.allRemovalsTimeMs()));
                continue;
            }
            out.add(new StreamingQueryProgress.StateOperatorProgress(sparkOperatorName(m.kind()), m.numRowsTotal(),
                    m.numRowsUpdated(), m.numRowsRemoved(), m.numRowsDroppedByWatermark(), m.memoryUsedBytes(),
                    m.commitTimeMs(), m.allUpdatesTimeMs(), m.allRemovalsTimeMs()));
        }
        return out;
    }

    /** The kind the left-side store of a join of two streams records (see StreamingJoinExec). */
    private static final String JOIN_LEFT_SIDE = "stream-stream join, left side";

    /** The operator names Spark's progress reports use. */
    private static String sparkOperatorName(String kind) {
        if (kind.startsWith("session window")) {
            return "sessionWindowStateStoreSaveExec";
        }
        if (kind.equals("dropDuplicates")) {
            return "dedupe";
        }
        if (kind.endsWith("GroupsWithState")) {
            return "flatMapGroupsWithState";
        }
        return "stateStoreSave";
    }

    private static StructType schemaOf(LogicalPlan plan) {
        List<StructField> fields = new ArrayList<>();
        plan.output().forEach(a -> fields.add(new StructField(a.name(), a.dataType(), a.nullable())));
        return new StructType(fields);
    }
}
