package io.fluxo.function.aggregate;

import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DataType;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** A bound aggregate described by its types and a factory of aggregators; what most aggregates bind to. */
record BoundAggregate(DataType resultType, List<DataType> inputTypes, List<DataType> stateTypes, boolean nullable,
        Supplier<GroupedAggregator> factory) implements BoundAggregateFunction {
    BoundAggregate {
        Objects.requireNonNull(resultType, "resultType is null");
        inputTypes = List.copyOf(inputTypes);
        stateTypes = List.copyOf(stateTypes);
        Objects.requireNonNull(factory, "factory is null");
    }

    @Override
    public GroupedAggregator newGroupedAggregator() {
        return factory.get();
    }
}
