package io.fluxo.exec.expr;

import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.errors.InternalError;
import io.fluxo.function.EvalContext;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.Arithmetic.Op;
import io.fluxo.plan.expr.BoundReference;
import io.fluxo.plan.expr.CaseWhen;
import io.fluxo.plan.expr.Cast;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.DateTimeArithmetic;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.GetStructField;
import io.fluxo.plan.expr.In;
import io.fluxo.plan.expr.IsNotNull;
import io.fluxo.plan.expr.IsNull;
import io.fluxo.plan.expr.Like;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.Or;
import io.fluxo.plan.expr.RLike;
import io.fluxo.plan.expr.ScalarFunctionCall;
import io.fluxo.plan.expr.UnaryMinus;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.NullType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a bound expression tree into a tree of evaluators, choosing per node the kernel for its physical types and
 * shape (column against constant gets its own kernels). The one place that dispatches on expression kinds.
 */
final class EvaluatorCompiler {
    private final EvalContext context;

    EvaluatorCompiler(EvalContext context) {
        this.context = context;
    }

    EvalContext context() {
        return context;
    }

    /**
     * Replaces every foldable, deterministic subtree by its value, bottom-up. A subtree whose evaluation raises a
     * data error is left as it is: it fails at run time, and only if a row reaches it (as Spark does).
     */
    Expression fold(Expression e) {
        return e.transformUp(node -> {
            if (node instanceof Literal || !node.foldable() || !node.deterministic()) {
                return node;
            }
            try {
                return new Literal(evaluateOnce(node), node.dataType());
            } catch (FluxoRuntimeException failsAtRunTime) {
                return node;
            }
        });
    }

    /** The value of an expression without column references, in internal form. */
    Object evaluateOnce(Expression e) {
        ColumnVector v = compile(e).evaluate(ColumnBatch.ofRowCount(1));
        return v.getObject(0);
    }

    VectorEvaluator compile(Expression e) {
        if (e instanceof Literal l) {
            return new LiteralEvaluator(l.dataType(), l.value());
        }
        if (e instanceof BoundReference r) {
            return new ColumnReference(r.ordinal());
        }
        if (e instanceof Alias a) {
            return compile(a.child());
        }
        if (e instanceof Arithmetic a) {
            return arithmetic(a);
        }
        if (e instanceof DateTimeArithmetic a) {
            return new DateTimeArithmeticEvaluator(a.kind(), compile(a.left()), compile(a.right()), a.dataType(),
                    context.zone());
        }
        if (e instanceof UnaryMinus u) {
            DataType t = u.child().dataType();
            return t instanceof NullType ? constantNull(t) : new Negation(compile(u.child()), t);
        }
        if (e instanceof Comparison c) {
            return comparison(c);
        }
        if (e instanceof And a) {
            return LogicalEvaluators.and(compileBoolean(a.left()), compileBoolean(a.right()),
                    EvaluationSafety.safeOnAnyRow(a.right()), RowSubsets.ordinals(a.right()));
        }
        if (e instanceof Or o) {
            return LogicalEvaluators.or(compileBoolean(o.left()), compileBoolean(o.right()),
                    EvaluationSafety.safeOnAnyRow(o.right()), RowSubsets.ordinals(o.right()));
        }
        if (e instanceof Not n) {
            return LogicalEvaluators.not(compileBoolean(n.child()));
        }
        if (e instanceof IsNull n) {
            return LogicalEvaluators.isNull(compile(n.child()), false);
        }
        if (e instanceof IsNotNull n) {
            return LogicalEvaluators.isNull(compile(n.child()), true);
        }
        if (e instanceof In in) {
            return in(in);
        }
        if (e instanceof CaseWhen c) {
            return caseWhen(c);
        }
        if (e instanceof Cast c) {
            return cast(c);
        }
        if (e instanceof Like l) {
            return like(l);
        }
        if (e instanceof RLike r) {
            return rlike(r);
        }
        if (e instanceof GetStructField g) {
            return new StructFieldEvaluator(compile(g.child()), g.ordinal());
        }
        if (e instanceof ScalarFunctionCall f) {
            VectorEvaluator[] args = new VectorEvaluator[f.arguments().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = compile(f.arguments().get(i));
            }
            return new FunctionCallEvaluator(f.bound(), args, context);
        }
        throw new InternalError(e.getClass().getSimpleName() + " cannot be evaluated: " + e.sql()
                + " (expressions reaching evaluation must be resolved, bound, and free of aggregates and generators)");
    }

    /** A BOOLEAN operand; an untyped NULL becomes a BOOLEAN one, so logical kernels always see booleans. */
    VectorEvaluator compileBoolean(Expression e) {
        return e.dataType() instanceof NullType ? constantNull(BooleanType.INSTANCE) : compile(e);
    }

    static VectorEvaluator constantNull(DataType type) {
        return new LiteralEvaluator(type, null);
    }

    private VectorEvaluator arithmetic(Arithmetic a) {
        DataType lt = a.left().dataType();
        DataType rt = a.right().dataType();
        if (lt instanceof NullType || rt instanceof NullType) {
            return constantNull(a.dataType());
        }
        Op op = a.op();
        if (lt instanceof DecimalType dl && rt instanceof DecimalType dr) {
            return new DecimalArithmetic(op, compile(a.left()), compile(a.right()), dl, dr);
        }
        if (!lt.equals(rt)) {
            throw new InternalError("operands of " + a.sql() + " have types " + lt.sql() + " and " + rt.sql()
                    + "; the analyzer must coerce them to one type");
        }
        boolean integral = lt instanceof IntegerType || lt instanceof LongType;
        boolean isLong = lt instanceof LongType;
        if (!integral && !(lt instanceof DoubleType)) {
            throw new InternalError("no arithmetic on " + lt.sql() + " in " + a.sql());
        }
        Expression left = a.left();
        Expression right = a.right();
        if (left instanceof Literal && !(right instanceof Literal) && (op == Op.ADD || op == Op.MULTIPLY)) {
            Expression swap = left;
            left = right;
            right = swap;
        }
        if (right instanceof Literal lit && !(left instanceof Literal) && op != Op.INTEGRAL_DIVIDE) {
            if (lit.value() == null) {
                return constantNull(a.dataType());
            }
            Number c = (Number) lit.value();
            boolean zeroDivisor = (op == Op.DIVIDE || op == Op.REMAINDER) && c.doubleValue() == 0;
            if (!zeroDivisor) {
                return integral ? IntegralArithmetic.withScalar(op, isLong, compile(left), c.longValue())
                        : DoubleArithmetic.withScalar(op, compile(left), c.doubleValue());
            }
        }
        VectorEvaluator l = compile(a.left());
        VectorEvaluator r = compile(a.right());
        return integral ? IntegralArithmetic.columns(op, isLong, l, r) : DoubleArithmetic.columns(op, l, r);
    }

    private VectorEvaluator comparison(Comparison c) {
        CompareOp op = CompareOp.of(c.op());
        boolean nullSafe = c.op() == Comparison.Op.NULL_SAFE_EQUAL;
        Expression left = c.left();
        Expression right = c.right();
        DataType lt = left.dataType();
        DataType rt = right.dataType();
        if (lt instanceof NullType || rt instanceof NullType) {
            if (!nullSafe) {
                return constantNull(BooleanType.INSTANCE);
            }
            if (lt instanceof NullType && rt instanceof NullType) {
                return new LiteralEvaluator(BooleanType.INSTANCE, true);
            }
            return LogicalEvaluators.isNull(compile(lt instanceof NullType ? right : left), false);
        }
        checkComparable(c, lt, rt);
        if (left instanceof Literal && !(right instanceof Literal)) {
            Expression swap = left;
            left = right;
            right = swap;
            op = op.flip();
        }
        if (right instanceof Literal lit && !(left instanceof Literal)) {
            if (lit.value() == null) {
                return nullSafe ? LogicalEvaluators.isNull(compile(left), false) : constantNull(BooleanType.INSTANCE);
            }
            VectorEvaluator scalar = ComparisonEvaluators.withScalar(op, nullSafe, compile(left), left.dataType(),
                    lit.value());
            if (scalar != null) {
                return scalar;
            }
        }
        return ComparisonEvaluators.columns(op, nullSafe, compile(left), compile(right), left.dataType(),
                right.dataType());
    }

    static void checkComparable(Expression e, DataType lt, DataType rt) {
        if (!lt.equals(rt) && !(lt instanceof DecimalType && rt instanceof DecimalType)) {
            throw new InternalError("operands of " + e.sql() + " have types " + lt.sql() + " and " + rt.sql()
                    + "; the analyzer must coerce them to one type");
        }
        if (!lt.isOrderable()) {
            throw new InternalError("values of type " + lt.sql() + " cannot be compared in " + e.sql());
        }
    }

    private VectorEvaluator in(In in) {
        Expression value = in.value();
        DataType type = value.dataType();
        if (type instanceof NullType) {
            return constantNull(BooleanType.INSTANCE);
        }
        boolean allConstant = true;
        List<Object> constants = new ArrayList<>();
        for (Expression item : in.list()) {
            if (item instanceof Literal lit) {
                if (lit.value() != null) {
                    checkComparable(in, type, lit.dataType());
                }
                constants.add(lit.value());
            } else {
                allConstant = false;
            }
        }
        if (allConstant) {
            return new InListEvaluator(compile(value), type, constants);
        }
        // Some items vary per row: value = i1 OR value = i2 …, which has IN's null rules and stops at the first
        // match. A computed value is evaluated once and handed to the chain as an extra input column.
        if (value instanceof BoundReference || value instanceof Literal) {
            return compile(equalityChain(value, in.list()));
        }
        int slot = RowSubsets.ordinals(in).length == 0 ? 0
                : Arrays.stream(RowSubsets.ordinals(in)).max().getAsInt() + 1;
        VectorEvaluator valueEvaluator = compile(value);
        VectorEvaluator chain = compile(equalityChain(new BoundReference(slot, type, value.nullable()), in.list()));
        return input -> {
            ColumnVector[] columns = Arrays.copyOf(input.columns(), slot + 1);
            columns[slot] = valueEvaluator.evaluate(input);
            return chain.evaluate(new ColumnBatch(columns, input.numRows()));
        };
    }

    private static Expression equalityChain(Expression value, List<Expression> items) {
        Expression chain = null;
        for (Expression item : items) {
            Expression eq = new Comparison(Comparison.Op.EQUAL, value, item);
            chain = chain == null ? eq : new Or(chain, eq);
        }
        return chain == null ? Literal.FALSE : chain;
    }

    private VectorEvaluator caseWhen(CaseWhen c) {
        // The result type is the values' common type; a bare NULL branch has NullType and does not decide it.
        DataType type = c.dataType();
        for (CaseWhen.Branch b : c.branches()) {
            if (!(b.value().dataType() instanceof NullType)) {
                type = b.value().dataType();
                break;
            }
        }
        if (type instanceof NullType && c.elseValue().isPresent()) {
            type = c.elseValue().get().dataType();
        }
        List<CaseWhenEvaluator.Branch> branches = new ArrayList<>();
        for (CaseWhen.Branch b : c.branches()) {
            CaseWhenEvaluator.Part condition = new CaseWhenEvaluator.Part(compileBoolean(b.condition()),
                    EvaluationSafety.safeOnAnyRow(b.condition()), RowSubsets.ordinals(b.condition()));
            branches.add(new CaseWhenEvaluator.Branch(condition, part(b.value())));
        }
        CaseWhenEvaluator.Part elsePart = c.elseValue().map(this::part).orElse(null);
        return new CaseWhenEvaluator(branches, elsePart, type);
    }

    private CaseWhenEvaluator.Part part(Expression e) {
        return new CaseWhenEvaluator.Part(compile(e), EvaluationSafety.safeOnAnyRow(e), RowSubsets.ordinals(e));
    }

    private VectorEvaluator cast(Cast c) {
        DataType from = c.child().dataType();
        if (from.equals(c.targetType())) {
            return compile(c.child());
        }
        return new CastEvaluator(compile(c.child()), CastKernels.of(from, c.targetType(), context.zone()),
                c.tryCast());
    }

    private VectorEvaluator like(Like l) {
        if (l.child().dataType() instanceof NullType || l.pattern().dataType() instanceof NullType
                || (l.pattern() instanceof Literal p && p.value() == null)) {
            return constantNull(BooleanType.INSTANCE);
        }
        if (l.pattern() instanceof Literal p) {
            return PatternMatchEvaluators.like(compile(l.child()), p.value().toString(), l.escape());
        }
        return PatternMatchEvaluators.likeVarying(compile(l.child()), compile(l.pattern()), l.escape());
    }

    private VectorEvaluator rlike(RLike r) {
        if (r.child().dataType() instanceof NullType || r.pattern().dataType() instanceof NullType
                || (r.pattern() instanceof Literal p && p.value() == null)) {
            return constantNull(BooleanType.INSTANCE);
        }
        if (r.pattern() instanceof Literal p) {
            return PatternMatchEvaluators.rlike(compile(r.child()), p.value().toString());
        }
        return PatternMatchEvaluators.rlikeVarying(compile(r.child()), compile(r.pattern()));
    }
}
