package io.fluxo.exec.expr;

import io.fluxo.function.EvalContext;
import io.fluxo.plan.expr.Expression;
import java.util.Objects;

/**
 * Compiles resolved, bound expressions (columns as {@code BoundReference}s into the input batch) into vectorized
 * evaluators with Spark's ANSI semantics. Constant subtrees are folded first, so kernels see literals where the
 * query had constant expressions. Compile once per task: evaluators keep scratch state and are not thread-safe.
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    /** An evaluator of {@code bound} over whole batches. */
    public static VectorEvaluator compile(Expression bound, EvalContext context) {
        Objects.requireNonNull(bound, "bound is null");
        EvaluatorCompiler compiler = new EvaluatorCompiler(Objects.requireNonNull(context, "context is null"));
        return compiler.compile(compiler.fold(bound));
    }

    /**
     * A predicate evaluator that writes the positions of TRUE rows: comparisons with constants and AND/OR of them
     * become selection-vector loops; other predicates are evaluated and scanned.
     */
    public static PredicateEvaluator compilePredicate(Expression bound, EvalContext context) {
        Objects.requireNonNull(bound, "bound is null");
        EvaluatorCompiler compiler = new EvaluatorCompiler(Objects.requireNonNull(context, "context is null"));
        RowSelector root = new SelectorCompiler(compiler).compile(compiler.fold(bound));
        return (input, selection) -> root.select(input, null, input.numRows(), selection);
    }

    /**
     * Evaluates a foldable expression with no column references once (used by the optimizer's constant folding);
     * returns the internal-form value or null. Data errors (overflow, a bad cast) propagate.
     */
    public static Object evaluateConstant(Expression foldable, EvalContext context) {
        Objects.requireNonNull(foldable, "foldable is null");
        return new EvaluatorCompiler(Objects.requireNonNull(context, "context is null")).evaluateOnce(foldable);
    }
}
