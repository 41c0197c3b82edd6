package io.fluxo.plan.optimizer;

import io.fluxo.exec.expr.ExpressionCompiler;
import io.fluxo.function.EvalContext;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.errors.FluxoRuntimeException;

/**
 * Computes constant subexpressions once at planning time ({@code 1 + 2} → {@code 3}). An expression whose evaluation
 * fails (an ANSI cast error on a constant) is left as it is, so the error surfaces when, and if, a row needs it.
 */
final class ConstantFolding implements Rule {
    private final EvalContext context;

    ConstantFolding(EvalContext context) {
        this.context = context;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(p -> p.mapExpressions(e -> e.transformDown(this::fold)));
    }

    private Expression fold(Expression e) {
        if (e instanceof Literal || e instanceof Alias || !e.resolved() || !e.foldable() || !e.deterministic()) {
            return e;
        }
        try {
            return new Literal(ExpressionCompiler.evaluateConstant(e, context), e.dataType());
        } catch (FluxoRuntimeException ex) {
            return e;
        }
    }
}
