package io.fluxo.function.scalar;

import io.fluxo.function.EvalContext;
import io.fluxo.vector.ColumnVector;

/**
 * The vectorized body of a bound function: one call per batch, arguments already cast to the bound input types.
 * Whatever a function prepared at bind time (a compiled regex, a parsed format) is captured by the kernel.
 */
@FunctionalInterface
interface Kernel {
    ColumnVector evaluate(ColumnVector[] args, int numRows, EvalContext context);
}
