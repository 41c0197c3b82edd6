package io.fluxo.exec.expr;

import io.fluxo.function.BoundScalarFunction;
import io.fluxo.function.EvalContext;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;

/** A built-in scalar function: evaluates the arguments, then calls the bound function once per batch. */
final class FunctionCallEvaluator implements VectorEvaluator {
    private final BoundScalarFunction function;
    private final VectorEvaluator[] arguments;
    private final EvalContext context;

    FunctionCallEvaluator(BoundScalarFunction function, VectorEvaluator[] arguments, EvalContext context) {
        this.function = function;
        this.arguments = arguments.clone();
        this.context = context;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        ColumnVector[] args = new ColumnVector[arguments.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = arguments[i].evaluate(input);
        }
        return function.evaluate(args, input.numRows(), context);
    }
}
