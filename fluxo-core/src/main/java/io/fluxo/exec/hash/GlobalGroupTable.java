package io.fluxo.exec.hash;

import io.fluxo.vector.ColumnVector;
import java.util.Arrays;

/** The table of an aggregation without keys: every row is group 0, which exists once any row was seen. */
final class GlobalGroupTable implements GroupByHashTable {
    private boolean seen;

    @Override
    public void groupIds(ColumnVector[] keys, int numRows, int[] out) {
        Arrays.fill(out, 0, numRows, 0);
        seen |= numRows > 0;
    }

    @Override
    public void lookup(ColumnVector[] keys, int numRows, int[] out) {
        Arrays.fill(out, 0, numRows, seen ? 0 : -1);
    }

    @Override
    public int size() {
        return seen ? 1 : 0;
    }

    @Override
    public void appendKeys(int from, int count, ColumnVector[] out) {
    }

    @Override
    public long sizeInBytes() {
        return 0;
    }
}
