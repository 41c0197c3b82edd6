package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import io.fluxo.stream.StreamingQueryException;
import io.fluxo.stream.StreamingQueryListener;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@code session.streams()}: the session's active streaming queries and the listeners told about every query. */
public final class StreamingQueryManager {
    private final List<StreamingQuery> active = new CopyOnWriteArrayList<>();
    private final List<StreamingQueryListener> listeners = new CopyOnWriteArrayList<>();
    private final Object terminations = new Object();
    /** The first query that ended since the last {@link #resetTerminated()}, as Spark tracks it. */
    private StreamingQuery lastTerminated;

    public List<StreamingQuery> active() {
        return List.copyOf(active);
    }

    public Optional<StreamingQuery> get(UUID id) {
        return active.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public void addListener(StreamingQueryListener listener) {
        listeners.add(listener);
    }

    public void removeListener(StreamingQueryListener listener) {
        listeners.remove(listener);
    }

    List<StreamingQueryListener> listeners() {
        return listeners;
    }

    /**
     * Waits until any query of this session has ended since the session began or since {@link #resetTerminated()};
     * rethrows that query's failure, if it failed.
     */
    public void awaitAnyTermination() throws StreamingQueryException {
        awaitAnyTermination(0);
    }

    /** As {@link #awaitAnyTermination()}, for at most {@code timeoutMs} (0: no limit); true if a query ended. */
    public boolean awaitAnyTermination(long timeoutMs) throws StreamingQueryException {
        long deadline = timeoutMs > 0 ? System.nanoTime() + timeoutMs * 1_000_000 : Long.MAX_VALUE;
        StreamingQuery ended;
        synchronized (terminations) {
            while (lastTerminated == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    terminations.wait(Math.min(left / 1_000_000 + 1, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            ended = lastTerminated;
        }
        if (ended.exception().isPresent()) {
            throw ended.exception().get();
        }
        return true;
    }

    /** Forgets the queries that ended, so {@link #awaitAnyTermination()} waits for a new ending. */
    public void resetTerminated() {
        synchronized (terminations) {
            lastTerminated = null;
        }
    }

    void checkNameFree(String name) {
        if (name != null && active.stream().anyMatch(q -> name.equals(q.name()) && q.isActive())) {
            throw new AnalysisException("STREAMING_QUERY_ALREADY_ACTIVE", "Cannot start query with name " + name
                    + " as a query with that name is already active in this session.");
        }
    }

    void started(StreamingQuery q) {
        active.add(q);
    }

    void ended(StreamingQuery q) {
        if (!active.remove(q)) {
            return;
        }
        synchronized (terminations) {
            if (lastTerminated == null) {
                lastTerminated = q;
            }
            terminations.notifyAll();
        }
    }

    void stopAll() {
        for (StreamingQuery q : active) {
            q.stop();
        }
    }
}
