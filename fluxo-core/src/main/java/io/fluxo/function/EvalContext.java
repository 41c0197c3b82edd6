package io.fluxo.function;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What evaluation may depend on besides its inputs: the session time zone and the query's (or micro-batch's) fixed
 * current time, so that {@code current_timestamp()} is one value for a whole query and is replayed exactly.
 */
public record EvalContext(ZoneId zone, long currentTimestampMicros) {
    public EvalContext {
        Objects.requireNonNull(zone, "zone is null");
    }
}
