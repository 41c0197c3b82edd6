package io.fluxo.exec.operator;

/** A stable merge sort of an int[] by a comparator over ints, without boxing. */
final class IntMergeSort {
    /** Compares two ints (row numbers). */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntMergeSort() {
    }

    static void sort(int[] a, IntComparator cmp) {
        int[] tmp = a.clone();
        sort(tmp, a, 0, a.length, cmp);
    }

    /** Sorts src[from, to) into dst[from, to); both start with the same contents. */
    private static void sort(int[] src, int[] dst, int from, int to, IntComparator cmp) {
        int len = to - from;
        if (len < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = dst[i];
                int j = i - 1;
                while (j >= from && cmp.compare(dst[j], v) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(dst, src, from, mid, cmp);
        sort(dst, src, mid, to, cmp);
        if (cmp.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, len);
            return;
        }
        for (int i = from, p = from, q = mid; i < to; i++) {
            if (q >= to || (p < mid && cmp.compare(src[p], src[q]) <= 0)) {
                dst[i] = src[p++];
            } else {
                dst[i] = src[q++];
            }
        }
    }
}
