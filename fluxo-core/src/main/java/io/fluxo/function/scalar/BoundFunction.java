package io.fluxo.function.scalar;

import io.fluxo.function.BoundScalarFunction;
import io.fluxo.function.EvalContext;
import io.fluxo.types.DataType;
import io.fluxo.vector.ColumnVector;
import java.util.List;
import java.util.Objects;

/** A bound built-in: result and input types, a kernel, and how nulls and determinism behave. Immutable. */
final class BoundFunction implements BoundScalarFunction {
    private final DataType resultType;
    private final List<DataType> inputTypes;
    private final Kernel kernel;
    private final Nullability nullability;
    private final boolean deterministic;

    private BoundFunction(DataType resultType, List<DataType> inputTypes, Kernel kernel, Nullability nullability,
            boolean deterministic) {
        this.resultType = Objects.requireNonNull(resultType, "resultType is null");
        this.inputTypes = List.copyOf(inputTypes);
        this.kernel = Objects.requireNonNull(kernel, "kernel is null");
        this.nullability = Objects.requireNonNull(nullability, "nullability is null");
        this.deterministic = deterministic;
    }

    /** A deterministic function whose result is null when any argument is. */
    static BoundFunction of(DataType resultType, List<DataType> inputTypes, Kernel kernel) {
        return new BoundFunction(resultType, inputTypes, kernel, Nullability.ANY_ARG, true);
    }

    BoundFunction withNullability(Nullability rule) {
        return new BoundFunction(resultType, inputTypes, kernel, rule, deterministic);
    }

    BoundFunction nondeterministic() {
        return new BoundFunction(resultType, inputTypes, kernel, nullability, false);
    }

    @Override
    public DataType resultType() {
        return resultType;
    }

    @Override
    public List<DataType> inputTypes() {
        return inputTypes;
    }

    @Override
    public boolean nullable(boolean[] argNullable) {
        return nullability.nullable(argNullable);
    }

    @Override
    public boolean deterministic() {
        return deterministic;
    }

    @Override
    public ColumnVector evaluate(ColumnVector[] args, int numRows, EvalContext context) {
        return kernel.evaluate(args, numRows, context);
    }

    @Override
    public String toString() {
        return "BoundFunction" + inputTypes + " -> " + resultType.simpleString();
    }
}
