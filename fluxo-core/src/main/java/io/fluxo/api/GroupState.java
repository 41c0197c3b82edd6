package io.fluxo.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of one key inside a {@code mapGroupsWithState} / {@code flatMapGroupsWithState} function, as Spark's
 * {@code GroupState}. The state survives batches and restarts (it is kept in the query's checkpoint). Each call starts
 * without a timeout: a key keeps one only if the call sets it again.
 *
 * @param <S> the state's type, given by the state {@link Encoder}
 */
public interface GroupState<S> {
    /** Whether the key has state. */
    boolean exists();

    /** The state; {@link java.util.NoSuchElementException} if there is none. */
    S get();

    Optional<S> getOption();

    /** Replaces the state ({@code null} is refused: use {@link #remove}). */
    void update(S newState);

    void remove();

    /** Whether this call is for a key whose timeout expired; then there are no values. */
    boolean hasTimedOut();

    /** With a processing-time timeout: call the key again, without values, if none arrive within this time. */
    void setTimeoutDuration(long durationMs);

    /** As {@link #setTimeoutDuration(long)}, with the duration as text: {@code "10 minutes"}. */
    void setTimeoutDuration(String duration);

    /** With an event-time timeout: call the key again once the watermark passes this instant (ms since the epoch). */
    void setTimeoutTimestamp(long timestampMs);

    /** As {@link #setTimeoutTimestamp(long)}, plus a duration as text. */
    void setTimeoutTimestamp(long timestampMs, String additionalDuration);

    default void setTimeoutTimestamp(Instant timestamp) {
        setTimeoutTimestamp(timestamp.toEpochMilli());
    }

    /** The watermark of the running batch (ms); only when the query has a watermark. */
    long getCurrentWatermarkMs();

    /** The running batch's timestamp (ms). */
    long getCurrentProcessingTimeMs();
}
