package io.fluxo.exec.expr;

/**
 * Comparison loops that write selections: of the rows {@code rows[0..count)} (or {@code 0..count-1} when
 * {@code rows} is null), the positions where the comparison holds go to {@code out}, ascending, and the count is
 * returned. Operands hold no nulls here (callers drop null rows first). Each loop is branch-free: it writes every
 * candidate and advances only on a match, so a 50% selectivity costs no mispredictions. {@code out} may be
 * {@code rows}: a position is written only after it was read. Double loops follow Spark's NaN order (NaN equals NaN
 * and is above everything; constants here are never NaN).
 */
final class SelectionKernels {
    private SelectionKernels() {
    }

    static int longScalar(CompareOp op, long[] a, long c, int[] rows, int count, int[] out) {
        int k = 0;
        if (rows == null) {
            switch (op) {
                case EQ:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        out[k] = i;
                        k += x == c ? 1 : 0;
                    }
                    return k;
                case NE:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        out[k] = i;
                        k += x != c ? 1 : 0;
                    }
                    return k;
                case LT:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        out[k] = i;
                        k += x < c ? 1 : 0;
                    }
                    return k;
                case LE:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        out[k] = i;
                        k += x <= c ? 1 : 0;
                    }
                    return k;
                case GT:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        out[k] = i;
                        k += x > c ? 1 : 0;
                    }
                    return k;
                default:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        out[k] = i;
                        k += x >= c ? 1 : 0;
                    }
                    return k;
            }
        }
        switch (op) {
            case EQ:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    out[k] = i;
                    k += x == c ? 1 : 0;
                }
                return k;
            case NE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    out[k] = i;
                    k += x != c ? 1 : 0;
                }
                return k;
            case LT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    out[k] = i;
                    k += x < c ? 1 : 0;
                }
                return k;
            case LE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    out[k] = i;
                    k += x <= c ? 1 : 0;
                }
                return k;
            case GT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    out[k] = i;
                    k += x > c ? 1 : 0;
                }
                return k;
            default:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    out[k] = i;
                    k += x >= c ? 1 : 0;
                }
                return k;
        }
    }

    static int longs(CompareOp op, long[] a, long[] b, int[] rows, int count, int[] out) {
        int k = 0;
        if (rows == null) {
            switch (op) {
                case EQ:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        out[k] = i;
                        k += x == y ? 1 : 0;
                    }
                    return k;
                case NE:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        out[k] = i;
                        k += x != y ? 1 : 0;
                    }
                    return k;
                case LT:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        out[k] = i;
                        k += x < y ? 1 : 0;
                    }
                    return k;
                case LE:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        out[k] = i;
                        k += x <= y ? 1 : 0;
                    }
                    return k;
                case GT:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        out[k] = i;
                        k += x > y ? 1 : 0;
                    }
                    return k;
                default:
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        out[k] = i;
                        k += x >= y ? 1 : 0;
                    }
                    return k;
            }
        }
        switch (op) {
            case EQ:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    long y = b[i];
                    out[k] = i;
                    k += x == y ? 1 : 0;
                }
                return k;
            case NE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    long y = b[i];
                    out[k] = i;
                    k += x != y ? 1 : 0;
                }
                return k;
            case LT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    long y = b[i];
                    out[k] = i;
                    k += x < y ? 1 : 0;
                }
                return k;
            case LE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    long y = b[i];
                    out[k] = i;
                    k += x <= y ? 1 : 0;
                }
                return k;
            case GT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    long y = b[i];
                    out[k] = i;
                    k += x > y ? 1 : 0;
                }
                return k;
            default:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    long x = a[i];
                    long y = b[i];
                    out[k] = i;
                    k += x >= y ? 1 : 0;
                }
                return k;
        }
    }

    static int intScalar(CompareOp op, int[] a, int c, int[] rows, int count, int[] out) {
        int k = 0;
        if (rows == null) {
            switch (op) {
                case EQ:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        out[k] = i;
                        k += x == c ? 1 : 0;
                    }
                    return k;
                case NE:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        out[k] = i;
                        k += x != c ? 1 : 0;
                    }
                    return k;
                case LT:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        out[k] = i;
                        k += x < c ? 1 : 0;
                    }
                    return k;
                case LE:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        out[k] = i;
                        k += x <= c ? 1 : 0;
                    }
                    return k;
                case GT:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        out[k] = i;
                        k += x > c ? 1 : 0;
                    }
                    return k;
                default:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        out[k] = i;
                        k += x >= c ? 1 : 0;
                    }
                    return k;
            }
        }
        switch (op) {
            case EQ:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    out[k] = i;
                    k += x == c ? 1 : 0;
                }
                return k;
            case NE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    out[k] = i;
                    k += x != c ? 1 : 0;
                }
                return k;
            case LT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    out[k] = i;
                    k += x < c ? 1 : 0;
                }
                return k;
            case LE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    out[k] = i;
                    k += x <= c ? 1 : 0;
                }
                return k;
            case GT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    out[k] = i;
                    k += x > c ? 1 : 0;
                }
                return k;
            default:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    out[k] = i;
                    k += x >= c ? 1 : 0;
                }
                return k;
        }
    }

    static int ints(CompareOp op, int[] a, int[] b, int[] rows, int count, int[] out) {
        int k = 0;
        if (rows == null) {
            switch (op) {
                case EQ:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        int y = b[i];
                        out[k] = i;
                        k += x == y ? 1 : 0;
                    }
                    return k;
                case NE:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        int y = b[i];
                        out[k] = i;
                        k += x != y ? 1 : 0;
                    }
                    return k;
                case LT:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        int y = b[i];
                        out[k] = i;
                        k += x < y ? 1 : 0;
                    }
                    return k;
                case LE:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        int y = b[i];
                        out[k] = i;
                        k += x <= y ? 1 : 0;
                    }
                    return k;
                case GT:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        int y = b[i];
                        out[k] = i;
                        k += x > y ? 1 : 0;
                    }
                    return k;
                default:
                    for (int i = 0; i < count; i++) {
                        int x = a[i];
                        int y = b[i];
                        out[k] = i;
                        k += x >= y ? 1 : 0;
                    }
                    return k;
            }
        }
        switch (op) {
            case EQ:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    int y = b[i];
                    out[k] = i;
                    k += x == y ? 1 : 0;
                }
                return k;
            case NE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    int y = b[i];
                    out[k] = i;
                    k += x != y ? 1 : 0;
                }
                return k;
            case LT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    int y = b[i];
                    out[k] = i;
                    k += x < y ? 1 : 0;
                }
                return k;
            case LE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    int y = b[i];
                    out[k] = i;
                    k += x <= y ? 1 : 0;
                }
                return k;
            case GT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    int y = b[i];
                    out[k] = i;
                    k += x > y ? 1 : 0;
                }
                return k;
            default:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    int x = a[i];
                    int y = b[i];
                    out[k] = i;
                    k += x >= y ? 1 : 0;
                }
                return k;
        }
    }

    static int doubleScalar(CompareOp op, double[] a, double c, int[] rows, int count, int[] out) {
        int k = 0;
        if (rows == null) {
            switch (op) {
                case EQ:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        out[k] = i;
                        k += x == c ? 1 : 0;
                    }
                    return k;
                case NE:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        out[k] = i;
                        k += x != c ? 1 : 0;
                    }
                    return k;
                case LT:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        out[k] = i;
                        k += x < c ? 1 : 0;
                    }
                    return k;
                case LE:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        out[k] = i;
                        k += x <= c ? 1 : 0;
                    }
                    return k;
                case GT:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        out[k] = i;
                        k += x > c | x != x ? 1 : 0;
                    }
                    return k;
                default:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        out[k] = i;
                        k += x >= c | x != x ? 1 : 0;
                    }
                    return k;
            }
        }
        switch (op) {
            case EQ:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    out[k] = i;
                    k += x == c ? 1 : 0;
                }
                return k;
            case NE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    out[k] = i;
                    k += x != c ? 1 : 0;
                }
                return k;
            case LT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    out[k] = i;
                    k += x < c ? 1 : 0;
                }
                return k;
            case LE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    out[k] = i;
                    k += x <= c ? 1 : 0;
                }
                return k;
            case GT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    out[k] = i;
                    k += x > c | x != x ? 1 : 0;
                }
                return k;
            default:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    out[k] = i;
                    k += x >= c | x != x ? 1 : 0;
                }
                return k;
        }
    }

    static int doubles(CompareOp op, double[] a, double[] b, int[] rows, int count, int[] out) {
        int k = 0;
        if (rows == null) {
            switch (op) {
                case EQ:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        double y = b[i];
                        out[k] = i;
                        k += x == y | (x != x & y != y) ? 1 : 0;
                    }
                    return k;
                case NE:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        double y = b[i];
                        out[k] = i;
                        k += !(x == y | (x != x & y != y)) ? 1 : 0;
                    }
                    return k;
                case LT:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        double y = b[i];
                        out[k] = i;
                        k += x < y | (y != y & x == x) ? 1 : 0;
                    }
                    return k;
                case LE:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        double y = b[i];
                        out[k] = i;
                        k += x <= y | y != y ? 1 : 0;
                    }
                    return k;
                case GT:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        double y = b[i];
                        out[k] = i;
                        k += x > y | (x != x & y == y) ? 1 : 0;
                    }
                    return k;
                default:
                    for (int i = 0; i < count; i++) {
                        double x = a[i];
                        double y = b[i];
                        out[k] = i;
                        k += x >= y | x != x ? 1 : 0;
                    }
                    return k;
            }
        }
        switch (op) {
            case EQ:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    double y = b[i];
                    out[k] = i;
                    k += x == y | (x != x & y != y) ? 1 : 0;
                }
                return k;
            case NE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    double y = b[i];
                    out[k] = i;
                    k += !(x == y | (x != x & y != y)) ? 1 : 0;
                }
                return k;
            case LT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    double y = b[i];
                    out[k] = i;
                    k += x < y | (y != y & x == x) ? 1 : 0;
                }
                return k;
            case LE:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    double y = b[i];
                    out[k] = i;
                    k += x <= y | y != y ? 1 : 0;
                }
                return k;
            case GT:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    double y = b[i];
                    out[k] = i;
                    k += x > y | (x != x & y == y) ? 1 : 0;
                }
                return k;
            default:
                for (int j = 0; j < count; j++) {
                    int i = rows[j];
                    double x = a[i];
                    double y = b[i];
                    out[k] = i;
                    k += x >= y | x != x ? 1 : 0;
                }
                return k;
        }
    }
}
