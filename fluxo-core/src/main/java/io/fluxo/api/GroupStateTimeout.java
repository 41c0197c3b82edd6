package io.fluxo.api;

import io.fluxo.state.StateTimeout;

/**
 * Whether keys of {@code [flat]mapGroupsWithState} may time out, and on which clock, as Spark's
 * {@code GroupStateTimeout}: {@code NoTimeout()}, {@code ProcessingTimeTimeout()} (deadlines set with
 * {@link GroupState#setTimeoutDuration}, checked against the batch time) or {@code EventTimeTimeout()} (deadlines set
 * with {@link GroupState#setTimeoutTimestamp}, checked against the watermark).
 */
public final class GroupStateTimeout {
    private static final GroupStateTimeout NONE = new GroupStateTimeout(StateTimeout.NONE);
    private static final GroupStateTimeout PROCESSING_TIME = new GroupStateTimeout(StateTimeout.PROCESSING_TIME);
    private static final GroupStateTimeout EVENT_TIME = new GroupStateTimeout(StateTimeout.EVENT_TIME);

    private final StateTimeout kind;

    private GroupStateTimeout(StateTimeout kind) {
        this.kind = kind;
    }

    public static GroupStateTimeout NoTimeout() {
        return NONE;
    }

    public static GroupStateTimeout ProcessingTimeTimeout() {
        return PROCESSING_TIME;
    }

    public static GroupStateTimeout EventTimeTimeout() {
        return EVENT_TIME;
    }

    StateTimeout kind() {
        return kind;
    }

    @Override
    public String toString() {
        return kind == StateTimeout.NONE ? "NoTimeout"
                : kind == StateTimeout.PROCESSING_TIME ? "ProcessingTimeTimeout" : "EventTimeTimeout";
    }
}
