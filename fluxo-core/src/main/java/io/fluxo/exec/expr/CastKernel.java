package io.fluxo.exec.expr;

import io.fluxo.vector.ColumnVector;

/**
 * Converts the first {@code n} rows of a vector from one type to another. Null rows stay null. With
 * {@code failed == null} (ANSI) a value that cannot be converted raises its error; otherwise ({@code try_cast}, or an
 * element of a nested value) the row is marked in {@code failed} and becomes null.
 */
interface CastKernel {
    ColumnVector apply(ColumnVector input, int n, boolean[] failed);
}
