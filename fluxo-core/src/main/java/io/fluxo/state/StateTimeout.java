package io.fluxo.state;

/** When the keyed state of {@code [flat]mapGroupsWithState} may time out: never, on processing time, on event time. */
public enum StateTimeout {
    NONE,
    /** A key times out once the batch timestamp passes the deadline its function set with a duration. */
    PROCESSING_TIME,
    /** A key times out once the watermark passes the event-time deadline its function set. */
    EVENT_TIME
}
