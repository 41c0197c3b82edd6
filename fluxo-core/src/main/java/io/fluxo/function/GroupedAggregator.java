package io.fluxo.function;

import io.fluxo.vector.ColumnVector;

/**
 * The states of one aggregate for many groups, held in columnar form (primitive arrays indexed by group id), updated
 * a vector at a time. Group ids are dense, assigned by the caller's hash table from 0 up.
 */
public interface GroupedAggregator {
    /** Makes room for group ids below {@code numGroups}; new groups start empty. */
    void ensureCapacity(int numGroups);

    /** Folds input rows in: row {@code i} of {@code args} belongs to group {@code groupIds[i]}. */
    void update(int[] groupIds, ColumnVector[] args, int numRows);

    /** Folds partial states in: row {@code i} of {@code states} (one vector per state type) into group {@code groupIds[i]}. */
    void merge(int[] groupIds, ColumnVector[] states, int numRows);

    /** Appends the partial states of groups {@code [from, from + count)} to {@code out} (one vector per state type). */
    void writeStates(int from, int count, ColumnVector[] out);

    /** Appends the final results of groups {@code [from, from + count)} to {@code out}. */
    void writeResults(int from, int count, ColumnVector out);

    /** Approximate heap bytes held, for memory accounting and progress reporting. */
    long sizeInBytes();
}
