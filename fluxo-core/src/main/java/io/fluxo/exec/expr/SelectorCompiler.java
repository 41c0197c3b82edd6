package io.fluxo.exec.expr;

import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.IsNotNull;
import io.fluxo.plan.expr.IsNull;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.Or;
import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.NullType;

/**
 * Compiles a predicate into {@link RowSelector}s. NOT is pushed down where three-valued logic allows it (De Morgan,
 * double negation, IS [NOT] NULL, and comparisons, whose complement over non-null values is another comparison), so
 * that {@code NOT (a > 10)} still runs as a selection loop. What has no selection form is evaluated and scanned.
 */
final class SelectorCompiler {
    private final EvaluatorCompiler evaluators;

    SelectorCompiler(EvaluatorCompiler evaluators) {
        this.evaluators = evaluators;
    }

    RowSelector compile(Expression e) {
        if (e instanceof Literal l) {
            return RowSelectors.constant(Boolean.TRUE.equals(l.value()));
        }
        if (e instanceof And a) {
            return RowSelectors.and(compile(a.left()), compile(a.right()));
        }
        if (e instanceof Or o) {
            return RowSelectors.or(compile(o.left()), compile(o.right()));
        }
        if (e instanceof Not n) {
            RowSelector pushed = negated(n.child());
            if (pushed != null) {
                return pushed;
            }
        }
        if (e instanceof Comparison c) {
            RowSelector s = comparison(c, CompareOp.of(c.op()));
            if (s != null) {
                return s;
            }
        }
        if ((e instanceof IsNull || e instanceof IsNotNull) && EvaluationSafety.safeOnAnyRow(e)) {
            return RowSelectors.nullTest(evaluators.compile(e.children().get(0)), e instanceof IsNull);
        }
        return new RowSelectors.Evaluated(evaluators.compileBoolean(e), EvaluationSafety.safeOnAnyRow(e),
                RowSubsets.ordinals(e));
    }

    /** The selector of {@code NOT e} without evaluating {@code e} to booleans, or null when there is none. */
    private RowSelector negated(Expression e) {
        if (e instanceof Not n) {
            return compile(n.child());
        }
        if (e instanceof And a) {
            return compile(new Or(new Not(a.left()), new Not(a.right())));
        }
        if (e instanceof Or o) {
            return compile(new And(new Not(o.left()), new Not(o.right())));
        }
        if (e instanceof IsNull n) {
            return compile(new IsNotNull(n.child()));
        }
        if (e instanceof IsNotNull n) {
            return compile(new IsNull(n.child()));
        }
        if (e instanceof Literal l) {
            return RowSelectors.constant(Boolean.FALSE.equals(l.value()));
        }
        if (e instanceof Comparison c && c.op() != Comparison.Op.NULL_SAFE_EQUAL) {
            return comparison(c, CompareOp.of(c.op()).negate());
        }
        return null;
    }

    /** A selection loop for {@code c} with {@code op}, or null when its types or shape have none. */
    private RowSelector comparison(Comparison c, CompareOp op) {
        Expression left = c.left();
        Expression right = c.right();
        if (left instanceof Literal && !(right instanceof Literal)) {
            Expression swap = left;
            left = right;
            right = swap;
            op = op.flip();
        }
        DataType lt = left.dataType();
        DataType rt = right.dataType();
        if (lt instanceof NullType || rt instanceof NullType || left instanceof Literal) {
            return null;
        }
        EvaluatorCompiler.checkComparable(c, lt, rt);
        boolean nullSafe = c.op() == Comparison.Op.NULL_SAFE_EQUAL;
        Expression operands = right instanceof Literal ? left : new And(left, right);
        boolean safe = EvaluationSafety.safeOnAnyRow(left) && EvaluationSafety.safeOnAnyRow(right);
        int[] ordinals = RowSubsets.ordinals(operands);
        if (right instanceof Literal lit) {
            if (lit.value() == null) {
                // x <=> NULL is x IS NULL (left to the evaluated form); any other comparison with NULL is NULL.
                return nullSafe ? null : RowSelectors.constant(false);
            }
            boolean typesFit = lt.equals(rt) || (lt instanceof DecimalType && rt instanceof DecimalType);
            ComparisonEvaluators.Scalar scalar = typesFit ? ComparisonEvaluators.Scalar.of(lt, lit.value()) : null;
            if (scalar == null || (scalar.kind == PhysicalKind.DOUBLE && Double.isNaN(scalar.doubleValue))) {
                return null;
            }
            // A non-null constant: <=> selects exactly what = selects (null rows are dropped either way).
            return new RowSelectors.Comparing(op, scalar.kind, evaluators.compile(left), null, scalar, safe,
                    ordinals);
        }
        PhysicalKind kind = PhysicalKind.common(lt, rt);
        if (nullSafe || (kind != PhysicalKind.LONG && kind != PhysicalKind.INT && kind != PhysicalKind.DOUBLE)) {
            return null;
        }
        return new RowSelectors.Comparing(op, kind, evaluators.compile(left), evaluators.compile(right), null, safe,
                ordinals);
    }
}
