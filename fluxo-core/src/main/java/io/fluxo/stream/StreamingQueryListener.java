package io.fluxo.stream;

import java.util.UUID;

/**
 * Receives the life events of every streaming query of a session: started, a progress report after each batch, idle
 * when a trigger found no new data, terminated (with the exception if it failed). Called on the query's thread:
 * keep it quick.
 */
public abstract class StreamingQueryListener {
    public void onQueryStarted(QueryStartedEvent event) {
    }

    public void onQueryProgress(QueryProgressEvent event) {
    }

    public void onQueryIdle(QueryIdleEvent event) {
    }

    public void onQueryTerminated(QueryTerminatedEvent event) {
    }

    public record QueryStartedEvent(UUID id, UUID runId, String name, String timestamp) {
    }

    public record QueryProgressEvent(StreamingQueryProgress progress) {
    }

    public record QueryIdleEvent(UUID id, UUID runId, String timestamp) {
    }

    /** {@code exception} is the failure's message, or null when the query stopped normally. */
    public record QueryTerminatedEvent(UUID id, UUID runId, String exception) {
    }
}
