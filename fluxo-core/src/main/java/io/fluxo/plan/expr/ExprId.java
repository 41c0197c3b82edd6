package io.fluxo.plan.expr;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Identity of an output column across a plan: two attributes with the same name from the two sides of a self-join
 * differ by id, and a column keeps its id through projections that pass it along.
 */
public record ExprId(long id) {
    private static final AtomicLong NEXT = new AtomicLong();

    public static ExprId next() {
        return new ExprId(NEXT.incrementAndGet());
    }

    @Override
    public String toString() {
        return "#" + id;
    }
}
