package io.fluxo.exec.operator;

import java.util.Arrays;
import java.util.List;

/**
 * The rows of a partition ordered by group, for operators that hand each group's rows over together: for group
 * {@code g}, {@code rows[starts[g] .. starts[g + 1])} are its rows as {@code batch << 32 | row}, in input order (a
 * counting sort over the group ids each batch's rows got; rows with id -1 belong to no group).
 */
record GroupedRows(int[] starts, long[] rows) {
    static GroupedRows of(List<int[]> groupIds, int numGroups) {
        int[] starts = new int[numGroups + 1];
        for (int[] ids : groupIds) {
            for (int id : ids) {
                if (id >= 0) {
                    starts[id + 1]++;
                }
            }
        }
        for (int g = 0; g < numGroups; g++) {
            starts[g + 1] += starts[g];
        }
        long[] rows = new long[starts[numGroups]];
        int[] fill = Arrays.copyOf(starts, numGroups);
        for (int batch = 0; batch < groupIds.size(); batch++) {
            int[] ids = groupIds.get(batch);
            for (int r = 0; r < ids.length; r++) {
                if (ids[r] >= 0) {
                    rows[fill[ids[r]]++] = ((long) batch << 32) | r;
                }
            }
        }
        return new GroupedRows(starts, rows);
    }
}
