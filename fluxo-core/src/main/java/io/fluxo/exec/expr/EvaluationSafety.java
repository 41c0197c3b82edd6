package io.fluxo.exec.expr;

import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.Cast;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Like;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.RLike;
import io.fluxo.plan.expr.ScalarFunctionCall;
import io.fluxo.plan.expr.UnaryMinus;
import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;

/**
 * Whether an expression may be evaluated on rows whose result is then thrown away. Spark evaluates a CASE branch,
 * or the right side of AND/OR, only on the rows that reach it, so an expression that can raise an ANSI error (or is
 * not deterministic) must see exactly those rows; one that cannot is cheaper to run on the whole batch.
 */
final class EvaluationSafety {
    private EvaluationSafety() {
    }

    static boolean safeOnAnyRow(Expression e) {
        if (!e.deterministic() || !nodeIsSafe(e)) {
            return false;
        }
        for (Expression c : e.children()) {
            if (!safeOnAnyRow(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean nodeIsSafe(Expression e) {
        if (e instanceof Arithmetic a) {
            return arithmeticIsSafe(a);
        }
        if (e instanceof UnaryMinus u) {
            DataType t = u.dataType();
            return t instanceof DoubleType || t instanceof DecimalType;
        }
        if (e instanceof Cast c) {
            return c.tryCast() || castCannotFail(c.child().dataType(), c.targetType());
        }
        if (e instanceof Like l) {
            return l.pattern() instanceof Literal;
        }
        if (e instanceof RLike r) {
            return r.pattern() instanceof Literal;
        }
        return !(e instanceof ScalarFunctionCall);
    }

    private static boolean arithmeticIsSafe(Arithmetic a) {
        DataType l = a.left().dataType();
        DataType r = a.right().dataType();
        Arithmetic.Op op = a.op();
        boolean noDivision = op == Arithmetic.Op.ADD || op == Arithmetic.Op.SUBTRACT || op == Arithmetic.Op.MULTIPLY;
        if (l instanceof DoubleType) {
            return noDivision;
        }
        if (l instanceof DecimalType dl && r instanceof DecimalType dr) {
            return DecimalArithmetic.cannotFail(op, dl, dr);
        }
        return l instanceof NullType || r instanceof NullType;
    }

    private static boolean castCannotFail(DataType from, DataType to) {
        return from.equals(to) || from instanceof NullType || to instanceof StringType || Casts.canUpCast(from, to);
    }
}
