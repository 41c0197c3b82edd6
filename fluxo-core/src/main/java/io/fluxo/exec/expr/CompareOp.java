package io.fluxo.exec.expr;

import io.fluxo.plan.expr.Comparison;

/**
 * The comparison a kernel performs on two non-null values. Unlike {@link Comparison.Op} it has {@code NE}, so that
 * {@code NOT (a = b)} compiles to one kernel, and no null-safe variant: null handling is done around the kernels.
 */
enum CompareOp {
    EQ, NE, LT, LE, GT, GE;

    static CompareOp of(Comparison.Op op) {
        switch (op) {
            case EQUAL:
            case NULL_SAFE_EQUAL:
                return EQ;
            case LESS_THAN:
                return LT;
            case LESS_THAN_OR_EQUAL:
                return LE;
            case GREATER_THAN:
                return GT;
            default:
                return GE;
        }
    }

    /** The operator with operands swapped: {@code a < b} ⇔ {@code b > a}. */
    CompareOp flip() {
        switch (this) {
            case LT:
                return GT;
            case LE:
                return GE;
            case GT:
                return LT;
            case GE:
                return LE;
            default:
                return this;
        }
    }

    /** The complement over non-null values (the order is total there, NaN included): NOT (a < b) ⇔ a >= b. */
    CompareOp negate() {
        switch (this) {
            case EQ:
                return NE;
            case NE:
                return EQ;
            case LT:
                return GE;
            case LE:
                return GT;
            case GT:
                return LE;
            default:
                return LT;
        }
    }

    /** Whether a three-way comparison result satisfies this operator. */
    boolean test(int cmp) {
        switch (this) {
            case EQ:
                return cmp == 0;
            case NE:
                return cmp != 0;
            case LT:
                return cmp < 0;
            case LE:
                return cmp <= 0;
            case GT:
                return cmp > 0;
            default:
                return cmp >= 0;
        }
    }
}
