package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
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

    /** Waits until any query of this session ends. */
    public void awaitAnyTermination() throws InterruptedException {
        synchronized (terminations) {
            while (active.stream().allMatch(StreamingQuery::isActive) && !active.isEmpty()) {
                terminations.wait(100);
            }
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
        active.remove(q);
        synchronized (terminations) {
            terminations.notifyAll();
        }
    }

    void stopAll() {
        for (StreamingQuery q : active) {
            q.stop();
        }
    }
}
