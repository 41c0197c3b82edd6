package io.fluxo.exec.expr;

import io.fluxo.vector.BytesVector;
import java.util.Arrays;

/**
 * Comparison loops that write one boolean per row, by physical type and shape (column against column, column
 * against constant). Null rows get an arbitrary value; callers attach the null mask. Double loops follow Spark's
 * order: NaN equals NaN and is above everything, -0.0 equals 0.0 (which {@code ==} already gives).
 */
final class ComparisonKernels {
    private ComparisonKernels() {
    }

    static void longs(CompareOp op, long[] a, long[] b, boolean[] out, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] == b[i];
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] != b[i];
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] < b[i];
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] <= b[i];
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] > b[i];
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] >= b[i];
                }
                break;
        }
    }

    static void longScalar(CompareOp op, long[] a, long c, boolean[] out, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] == c;
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] != c;
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] < c;
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] <= c;
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] > c;
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] >= c;
                }
                break;
        }
    }

    static void ints(CompareOp op, int[] a, int[] b, boolean[] out, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] == b[i];
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] != b[i];
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] < b[i];
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] <= b[i];
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] > b[i];
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] >= b[i];
                }
                break;
        }
    }

    static void intScalar(CompareOp op, int[] a, int c, boolean[] out, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] == c;
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] != c;
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] < c;
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] <= c;
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] > c;
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] >= c;
                }
                break;
        }
    }

    static void doubles(CompareOp op, double[] a, double[] b, boolean[] out, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    out[i] = x == y | (x != x & y != y);
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    out[i] = !(x == y | (x != x & y != y));
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    out[i] = x < y | (y != y & x == x);
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    out[i] = x <= y | y != y;
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    out[i] = x > y | (x != x & y == y);
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    out[i] = x >= y | x != x;
                }
                break;
        }
    }

    static void doubleScalar(CompareOp op, double[] a, double c, boolean[] out, int n) {
        if (Double.isNaN(c)) {
            nanScalar(op, a, out, n);
            return;
        }
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] == c;
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] != c;
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] < c;
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] <= c;
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    out[i] = x > c | x != x;
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    out[i] = x >= c | x != x;
                }
                break;
        }
    }

    /** Against a NaN constant: only NaN equals it, everything else is below it. */
    private static void nanScalar(CompareOp op, double[] a, boolean[] out, int n) {
        for (int i = 0; i < n; i++) {
            boolean nan = a[i] != a[i];
            switch (op) {
                case EQ:
                case GE:
                    out[i] = nan;
                    break;
                case NE:
                case LT:
                    out[i] = !nan;
                    break;
                case LE:
                    out[i] = true;
                    break;
                default:
                    out[i] = false;
                    break;
            }
        }
    }

    static void bytes(CompareOp op, BytesVector a, BytesVector b, boolean[] out, int n) {
        byte[] da = a.data();
        byte[] db = b.data();
        int[] oa = a.offsets();
        int[] ob = b.offsets();
        if (op == CompareOp.EQ || op == CompareOp.NE) {
            boolean eq = op == CompareOp.EQ;
            for (int i = 0; i < n; i++) {
                int sa = oa[i];
                int la = oa[i + 1] - sa;
                int sb = ob[i];
                int lb = ob[i + 1] - sb;
                out[i] = (la == lb && Arrays.equals(da, sa, sa + la, db, sb, sb + lb)) == eq;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = op.test(Arrays.compareUnsigned(da, oa[i], oa[i + 1], db, ob[i], ob[i + 1]));
        }
    }

    static void bytesScalar(CompareOp op, BytesVector a, byte[] c, boolean[] out, int n) {
        byte[] da = a.data();
        int[] oa = a.offsets();
        int lc = c.length;
        if (op == CompareOp.EQ || op == CompareOp.NE) {
            boolean eq = op == CompareOp.EQ;
            for (int i = 0; i < n; i++) {
                int s = oa[i];
                int len = oa[i + 1] - s;
                out[i] = (len == lc && Arrays.equals(da, s, s + len, c, 0, lc)) == eq;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = op.test(Arrays.compareUnsigned(da, oa[i], oa[i + 1], c, 0, lc));
        }
    }
}
