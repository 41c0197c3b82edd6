package io.fluxo.function;

import io.fluxo.types.DataType;
import java.util.List;

/**
 * An aggregate bound to argument types. Aggregation runs in two phases like Spark's partial/final aggregates: input
 * rows update a partial state per group; partial states (as columns of {@link #stateTypes()}, so they can cross an
 * exchange or live in a state store) merge; a final step turns a state into the result.
 */
public interface BoundAggregateFunction {
    DataType resultType();

    /** Types the arguments are cast to before {@link GroupedAggregator#update}. */
    List<DataType> inputTypes();

    /** Column types of the partial state, e.g. {@code [DOUBLE, BIGINT]} for avg's sum and count. */
    List<DataType> stateTypes();

    boolean nullable();

    /** A fresh accumulator for many groups, addressed by dense group ids. */
    GroupedAggregator newGroupedAggregator();
}
