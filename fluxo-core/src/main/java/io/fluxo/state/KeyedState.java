package io.fluxo.state;

import java.util.NoSuchElementException;

/**
 * The state of one key during one call of a {@code [flat]mapGroupsWithState} function, in the engine's internal values
 * (a state row is an {@code Object[]}), with Spark's rules: {@code update(null)} is refused, a timeout can only be set
 * in the kind the query enabled, and every call starts without a timeout, so a key keeps one only if the call sets it
 * again.
 */
public final class KeyedState {
    /** No timeout set; also "no watermark". */
    public static final long NO_TIMESTAMP = -1;

    private final StateTimeout timeout;
    private final long batchTimestampMs;
    private final long watermarkMs;
    private final boolean watermarkPresent;
    private final boolean timedOut;
    private Object[] value;
    private boolean updated;
    private boolean removed;
    private long timeoutTimestampMs = NO_TIMESTAMP;

    /**
     * @param value the key's stored state, or null
     * @param watermarkMs the watermark of the running batch ({@link #NO_TIMESTAMP} without one)
     * @param timedOut whether this call is for a key whose timeout expired (then there are no values)
     */
    public KeyedState(Object[] value, StateTimeout timeout, long batchTimestampMs, long watermarkMs,
            boolean watermarkPresent, boolean timedOut) {
        this.value = value;
        this.timeout = timeout;
        this.batchTimestampMs = batchTimestampMs;
        this.watermarkMs = watermarkMs;
        this.watermarkPresent = watermarkPresent;
        this.timedOut = timedOut;
    }

    public boolean exists() {
        return value != null;
    }

    public Object[] get() {
        if (value == null) {
            throw new NoSuchElementException("State is either not defined or has already been removed");
        }
        return value;
    }

    public void update(Object[] newValue) {
        if (newValue == null) {
            throw new IllegalArgumentException("'null' is not a valid state value");
        }
        value = newValue;
        updated = true;
        removed = false;
    }

    public void remove() {
        value = null;
        updated = false;
        removed = true;
    }

    public boolean hasTimedOut() {
        return timedOut;
    }

    public void setTimeoutDuration(long durationMs) {
        if (timeout != StateTimeout.PROCESSING_TIME) {
            throw new UnsupportedOperationException("Cannot set timeout duration without enabling processing time "
                    + "timeout in [map|flatMap]GroupsWithState.");
        }
        if (durationMs <= 0) {
            throw new IllegalArgumentException("Timeout duration must be positive");
        }
        timeoutTimestampMs = batchTimestampMs + durationMs;
    }

    public void setTimeoutTimestamp(long timestampMs) {
        if (timeout != StateTimeout.EVENT_TIME) {
            throw new UnsupportedOperationException("Cannot set timeout timestamp without enabling event time timeout "
                    + "in [map|flatMap]GroupsWithState.");
        }
        if (timestampMs <= 0) {
            throw new IllegalArgumentException("Timeout timestamp must be positive");
        }
        if (watermarkMs != NO_TIMESTAMP && timestampMs < watermarkMs) {
            throw new IllegalArgumentException("Timeout timestamp (" + timestampMs + ") cannot be earlier than the "
                    + "current watermark (" + watermarkMs + ")");
        }
        timeoutTimestampMs = timestampMs;
    }

    public long getCurrentWatermarkMs() {
        if (!watermarkPresent) {
            throw new UnsupportedOperationException("Cannot get event time watermark timestamp without setting "
                    + "watermark before [map|flatMap]GroupsWithState");
        }
        return watermarkMs;
    }

    public long getCurrentProcessingTimeMs() {
        return batchTimestampMs;
    }

    /** The deadline the call set, or {@link #NO_TIMESTAMP}. */
    public long timeoutTimestampMs() {
        return timeoutTimestampMs;
    }

    public boolean isUpdated() {
        return updated;
    }

    public boolean isRemoved() {
        return removed;
    }
}
