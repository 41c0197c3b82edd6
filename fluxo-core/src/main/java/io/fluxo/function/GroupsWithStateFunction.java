package io.fluxo.function;

import io.fluxo.state.KeyedState;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * A user's function of {@code [flat]mapGroupsWithState} as the engine calls it: once per key with new rows, and once
 * per key whose timeout expired (with no rows). Keys, rows and state are in the engine's internal values
 * ({@code Object[]} rows); the API adapts the Java functions users write.
 */
public interface GroupsWithStateFunction {
    void call(Object[] key, Iterator<Object[]> values, KeyedState state, Consumer<Object[]> output);
}
