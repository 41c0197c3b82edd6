package io.fluxo.function;

import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnVector;
import java.util.List;

/**
 * A scalar function bound to argument types: evaluates a whole vector per call. Arguments arrive already cast to
 * {@link #inputTypes()} (the analyzer inserts the casts), each with {@code numRows} rows; constant arguments arrive
 * as full vectors too, but their values were also given to {@link ScalarFunction#bind} for preparation.
 */
public interface BoundScalarFunction {
    DataType resultType();

    /** The type each argument must have when {@link #evaluate} is called; the analyzer casts to these. */
    List<DataType> inputTypes();

    /** Whether the result can be null, given which arguments can. Default: null if any argument may be. */
    default boolean nullable(boolean[] argNullable) {
        for (boolean n : argNullable) {
            if (n) {
                return true;
            }
        }
        return false;
    }

    /** False for functions whose value changes between calls with the same input (rand, uuid). */
    default boolean deterministic() {
        return true;
    }

    ColumnVector evaluate(ColumnVector[] args, int numRows, EvalContext context);
}
