package io.fluxo.exec.hash;

import io.fluxo.types.BinaryType;
import io.fluxo.types.DataType;
import io.fluxo.types.StringType;
import io.fluxo.types.DateType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.ColumnVector;
import java.util.List;

/**
 * Maps grouping keys to dense group ids {@code 0 … size()-1}, a batch at a time, and gives the keys back as vectors
 * when results are emitted. SQL grouping semantics: NULL is a key like any other, and all NULLs are one group.
 * Keys are held in flat primitive arrays or one byte arena, never as an object per key.
 */
public interface GroupByHashTable {
    /** Writes the group id of each of the first {@code numRows} rows to {@code out}, adding new groups as needed. */
    void groupIds(ColumnVector[] keys, int numRows, int[] out);

    /**
     * Writes the group id of each row's key to {@code out}, or -1 where the key has no group, without adding any
     * (the probe side of a join).
     */
    void lookup(ColumnVector[] keys, int numRows, int[] out);

    int size();

    /** Appends the keys of groups {@code [from, from + count)} to {@code out}, one vector per key column. */
    void appendKeys(int from, int count, ColumnVector[] out);

    long sizeInBytes();

    /**
     * The table suited to the key types: no keys (one global group), one integral key, one string, fixed-width keys
     * (several numbers, a window struct), or encoded keys.
     */
    static GroupByHashTable create(List<DataType> keyTypes) {
        return create(keyTypes, 0);
    }

    /** As {@link #create(List)}, sized up front for about {@code expectedKeys} keys (a join's build side). */
    static GroupByHashTable create(List<DataType> keyTypes, int expectedKeys) {
        if (keyTypes.isEmpty()) {
            return new GlobalGroupTable();
        }
        if (keyTypes.size() == 1) {
            DataType t = keyTypes.get(0);
            if (t.isLongBacked() || t.isIntBacked()) {
                return new LongKeyGroupTable(expectedKeys);
            }
            if (t instanceof StringType || t instanceof BinaryType) {
                return new StringKeyGroupTable();
            }
        }
        if (FixedWidthKeyGroupTable.supports(keyTypes)) {
            return new FixedWidthKeyGroupTable(keyTypes);
        }
        return new EncodedKeyGroupTable(keyTypes);
    }
}
