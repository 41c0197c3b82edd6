package io.fluxo.api;

import java.util.Iterator;

/**
 * The function of {@link KeyValueGroupedData#flatMapGroupsWithState}: called once per key with the key's new rows and
 * its state; returns any number of results.
 *
 * @param <S> the state's type
 * @param <U> the results' type
 */
@FunctionalInterface
public interface FlatMapGroupsWithStateFunction<S, U> {
    Iterator<U> call(Row key, Iterator<Row> values, GroupState<S> state) throws Exception;
}
