package io.fluxo.api;

import java.util.Iterator;

/**
 * The function of {@link KeyValueGroupedData#mapGroupsWithState}: called once per key with the key's new rows and its
 * state; returns one result.
 *
 * @param <S> the state's type
 * @param <U> the result's type
 */
@FunctionalInterface
public interface MapGroupsWithStateFunction<S, U> {
    U call(Row key, Iterator<Row> values, GroupState<S> state) throws Exception;
}
