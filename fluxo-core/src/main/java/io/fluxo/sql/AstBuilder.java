package io.fluxo.sql;

import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.CaseWhen;
import io.fluxo.plan.expr.Cast;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.In;
import io.fluxo.plan.expr.IsNotNull;
import io.fluxo.plan.expr.IsNull;
import io.fluxo.plan.expr.Like;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.WindowExpression;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.Or;
import io.fluxo.plan.expr.RLike;
import io.fluxo.plan.expr.UnaryMinus;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.plan.expr.UnresolvedExtractValue;
import io.fluxo.plan.expr.UnresolvedFunction;
import io.fluxo.plan.expr.UnresolvedStar;
import io.fluxo.sql.parser.SqlBaseParser;
import io.fluxo.sql.parser.SqlBaseParser.ArithmeticBinaryContext;
import io.fluxo.sql.parser.SqlBaseParser.ArithmeticUnaryContext;
import io.fluxo.sql.parser.SqlBaseParser.BooleanLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.CastByColonContext;
import io.fluxo.sql.parser.SqlBaseParser.CastContext;
import io.fluxo.sql.parser.SqlBaseParser.ColumnReferenceContext;
import io.fluxo.sql.parser.SqlBaseParser.ComparisonContext;
import io.fluxo.sql.parser.SqlBaseParser.ConstantDefaultContext;
import io.fluxo.sql.parser.SqlBaseParser.CurrentLikeContext;
import io.fluxo.sql.parser.SqlBaseParser.DereferenceContext;
import io.fluxo.sql.parser.SqlBaseParser.ExpressionContext;
import io.fluxo.sql.parser.SqlBaseParser.ExtractContext;
import io.fluxo.sql.parser.SqlBaseParser.FunctionCallContext;
import io.fluxo.sql.parser.SqlBaseParser.IntervalLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.LogicalBinaryContext;
import io.fluxo.sql.parser.SqlBaseParser.LogicalNotContext;
import io.fluxo.sql.parser.SqlBaseParser.NamedExpressionContext;
import io.fluxo.sql.parser.SqlBaseParser.NullLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.NumericLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.ParenthesizedExpressionContext;
import io.fluxo.sql.parser.SqlBaseParser.PositionContext;
import io.fluxo.sql.parser.SqlBaseParser.PredicateContext;
import io.fluxo.sql.parser.SqlBaseParser.PredicatedContext;
import io.fluxo.sql.parser.SqlBaseParser.SearchedCaseContext;
import io.fluxo.sql.parser.SqlBaseParser.SimpleCaseContext;
import io.fluxo.sql.parser.SqlBaseParser.StarContext;
import io.fluxo.sql.parser.SqlBaseParser.StringLiteralContext;
import io.fluxo.sql.parser.SqlBaseParser.StructContext;
import io.fluxo.sql.parser.SqlBaseParser.SubscriptContext;
import io.fluxo.sql.parser.SqlBaseParser.SubstringContext;
import io.fluxo.sql.parser.SqlBaseParser.TrimContext;
import io.fluxo.sql.parser.SqlBaseParser.TypeConstructorContext;
import io.fluxo.sql.parser.SqlBaseParser.ValueExpressionDefaultContext;
import io.fluxo.sql.parser.SqlBaseParser.WhenClauseContext;
import io.fluxo.sql.parser.SqlBaseParserBaseVisitor;
import io.fluxo.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds Fluxo's unresolved expression trees from parse trees, the way Spark's AstBuilder does: names become
 * {@link UnresolvedAttribute}s, calls {@link UnresolvedFunction}s, and syntax with an equivalent in existing
 * expressions is rewritten into it ({@code a BETWEEN x AND y} into {@code a >= x AND a <= y}, {@code a != b} into
 * {@code NOT(a = b)}, {@code x || y} into {@code concat(x, y)}). One builder serves one parse.
 */
final class AstBuilder extends SqlBaseParserBaseVisitor<Object> {
    private static final char DEFAULT_LIKE_ESCAPE = '\\';

    private final ParseErrors errors;
    private final LiteralBuilder literals;
    private final DataTypeBuilder types;

    AstBuilder(ParseErrors errors) {
        this.errors = errors;
        this.literals = new LiteralBuilder(errors);
        this.types = new DataTypeBuilder(errors);
    }

    ParseErrors errors() {
        return errors;
    }

    DataTypeBuilder types() {
        return types;
    }

    /** An expression with an optional alias ({@code a + 1 AS b}, {@code a + 1 b}), as a select list item. */
    Expression namedExpression(NamedExpressionContext ctx) {
        Expression e = expression(ctx.expression());
        return ctx.name == null ? e : Alias.of(e, Names.identifier(ctx.name));
    }

    Expression expression(ParserRuleContext ctx) {
        return (Expression) visit(ctx);
    }

    List<Expression> namedExpressions(List<NamedExpressionContext> ctxs) {
        List<Expression> out = new ArrayList<>(ctxs.size());
        for (NamedExpressionContext c : ctxs) {
            out.add(namedExpression(c));
        }
        return out;
    }

    List<Expression> expressions(List<? extends ParserRuleContext> ctxs) {
        List<Expression> out = new ArrayList<>(ctxs.size());
        for (ParserRuleContext c : ctxs) {
            out.add(expression(c));
        }
        return out;
    }

    // ---- Boolean expressions and predicates ----

    @Override
    public Expression visitExpression(ExpressionContext ctx) {
        return expression(ctx.booleanExpression());
    }

    @Override
    public Expression visitLogicalNot(LogicalNotContext ctx) {
        return new Not(expression(ctx.booleanExpression()));
    }

    @Override
    public Expression visitLogicalBinary(LogicalBinaryContext ctx) {
        Expression left = expression(ctx.left);
        Expression right = expression(ctx.right);
        return ctx.operator.getType() == SqlBaseParser.AND ? new And(left, right) : new Or(left, right);
    }

    @Override
    public Expression visitPredicated(PredicatedContext ctx) {
        Expression e = expression(ctx.valueExpression());
        return ctx.predicate() == null ? e : predicate(e, ctx.predicate());
    }

    private Expression predicate(Expression e, PredicateContext ctx) {
        boolean negated = ctx.NOT() != null;
        switch (ctx.kind.getType()) {
            case SqlBaseParser.BETWEEN:
                return negateIf(negated, new And(
                        new Comparison(Comparison.Op.GREATER_THAN_OR_EQUAL, e, expression(ctx.lower)),
                        new Comparison(Comparison.Op.LESS_THAN_OR_EQUAL, e, expression(ctx.upper))));
            case SqlBaseParser.IN:
                if (ctx.query() != null) {
                    throw subqueryHere(ctx);
                }
                return negateIf(negated, new In(e, expressions(ctx.expression())));
            case SqlBaseParser.RLIKE:
                return negateIf(negated, new RLike(e, expression(ctx.pattern)));
            case SqlBaseParser.LIKE:
            case SqlBaseParser.ILIKE:
                return like(e, ctx, negated);
            case SqlBaseParser.NULL:
            case SqlBaseParser.UNKNOWN:
                return negated ? new IsNotNull(e) : new IsNull(e);
            case SqlBaseParser.TRUE:
                return negateIf(negated, new Comparison(Comparison.Op.NULL_SAFE_EQUAL, e, Literal.TRUE));
            case SqlBaseParser.FALSE:
                return negateIf(negated, new Comparison(Comparison.Op.NULL_SAFE_EQUAL, e, Literal.FALSE));
            case SqlBaseParser.DISTINCT:
                // IS DISTINCT FROM is the negation of <=>; the NOT form is <=> itself.
                return negateIf(!negated, new Comparison(Comparison.Op.NULL_SAFE_EQUAL, e, expression(ctx.right)));
            default:
                throw new IllegalStateException("unknown predicate " + ctx.kind.getText());
        }
    }

    /**
     * {@code LIKE}, {@code ILIKE} (LIKE over lower-cased operands), and their ANY/SOME/ALL forms, which become an OR
     * (ANY, SOME) or AND (ALL) of one LIKE per pattern; with NOT, each LIKE is negated (Spark's NotLikeAny/All).
     */
    private Expression like(Expression e, PredicateContext ctx, boolean negated) {
        boolean caseInsensitive = ctx.kind.getType() == SqlBaseParser.ILIKE;
        Expression subject = caseInsensitive ? UnresolvedFunction.of("lower", e) : e;
        if (ctx.quantifier == null) {
            char escape = ctx.escapeChar == null ? DEFAULT_LIKE_ESCAPE : escapeChar(ctx);
            Expression pattern = expression(ctx.pattern);
            return negateIf(negated, new Like(subject, lowerIf(caseInsensitive, pattern), escape));
        }
        boolean all = ctx.quantifier.getType() == SqlBaseParser.ALL;
        Expression result = null;
        for (ExpressionContext p : ctx.expression()) {
            Expression one = negateIf(negated,
                    new Like(subject, lowerIf(caseInsensitive, expression(p)), DEFAULT_LIKE_ESCAPE));
            result = result == null ? one : all ? new And(result, one) : new Or(result, one);
        }
        return result;
    }

    private char escapeChar(PredicateContext ctx) {
        String escape = LiteralBuilder.string(ctx.escapeChar);
        if (escape.length() != 1) {
            throw errors.at(ctx.escapeChar, "INVALID_ESC", "42604", "Found an invalid escape string: "
                    + ctx.escapeChar.getText() + ". The escape string must contain only one character.");
        }
        return escape.charAt(0);
    }

    private static Expression lowerIf(boolean lower, Expression e) {
        return lower ? UnresolvedFunction.of("lower", e) : e;
    }

    private static Expression negateIf(boolean negate, Expression e) {
        return negate ? new Not(e) : e;
    }

    // ---- Arithmetic and comparisons ----

    @Override
    public Expression visitValueExpressionDefault(ValueExpressionDefaultContext ctx) {
        return expression(ctx.primaryExpression());
    }

    @Override
    public Expression visitArithmeticUnary(ArithmeticUnaryContext ctx) {
        Expression e = expression(ctx.valueExpression());
        switch (ctx.operator.getType()) {
            case SqlBaseParser.MINUS:
                return new UnaryMinus(e);
            case SqlBaseParser.PLUS:
                return e;
            default:
                return UnresolvedFunction.of("~", e);
        }
    }

    @Override
    public Expression visitArithmeticBinary(ArithmeticBinaryContext ctx) {
        Expression left = expression(ctx.left);
        Expression right = expression(ctx.right);
        switch (ctx.operator.getType()) {
            case SqlBaseParser.ASTERISK:
                return new Arithmetic(Arithmetic.Op.MULTIPLY, left, right);
            case SqlBaseParser.SLASH:
                return new Arithmetic(Arithmetic.Op.DIVIDE, left, right);
            case SqlBaseParser.PERCENT:
                return new Arithmetic(Arithmetic.Op.REMAINDER, left, right);
            case SqlBaseParser.DIV:
                return new Arithmetic(Arithmetic.Op.INTEGRAL_DIVIDE, left, right);
            case SqlBaseParser.PLUS:
                return new Arithmetic(Arithmetic.Op.ADD, left, right);
            case SqlBaseParser.MINUS:
                return new Arithmetic(Arithmetic.Op.SUBTRACT, left, right);
            case SqlBaseParser.CONCAT_PIPE:
                return UnresolvedFunction.of("concat", left, right);
            default:
                // Bitwise & | ^ resolve by their symbols, as Spark registers them.
                return UnresolvedFunction.of(ctx.operator.getText(), left, right);
        }
    }

    @Override
    public Expression visitComparison(ComparisonContext ctx) {
        Expression left = expression(ctx.left);
        Expression right = expression(ctx.right);
        switch (ctx.comparisonOperator().getStart().getType()) {
            case SqlBaseParser.EQ:
                return new Comparison(Comparison.Op.EQUAL, left, right);
            case SqlBaseParser.NSEQ:
                return new Comparison(Comparison.Op.NULL_SAFE_EQUAL, left, right);
            case SqlBaseParser.NEQ:
            case SqlBaseParser.NEQJ:
                return new Not(new Comparison(Comparison.Op.EQUAL, left, right));
            case SqlBaseParser.LT:
                return new Comparison(Comparison.Op.LESS_THAN, left, right);
            case SqlBaseParser.LTE:
                return new Comparison(Comparison.Op.LESS_THAN_OR_EQUAL, left, right);
            case SqlBaseParser.GT:
                return new Comparison(Comparison.Op.GREATER_THAN, left, right);
            default:
                return new Comparison(Comparison.Op.GREATER_THAN_OR_EQUAL, left, right);
        }
    }

    // ---- Primary expressions ----

    @Override
    public Expression visitCurrentLike(CurrentLikeContext ctx) {
        return new UnresolvedFunction(ctx.name.getText().toLowerCase(Locale.ROOT), List.of(), false);
    }

    @Override
    public Expression visitSearchedCase(SearchedCaseContext ctx) {
        List<CaseWhen.Branch> branches = new ArrayList<>();
        for (WhenClauseContext w : ctx.whenClause()) {
            branches.add(new CaseWhen.Branch(expression(w.condition), expression(w.result)));
        }
        return new CaseWhen(branches, elseValue(ctx.elseExpression));
    }

    @Override
    public Expression visitSimpleCase(SimpleCaseContext ctx) {
        Expression value = expression(ctx.value);
        List<CaseWhen.Branch> branches = new ArrayList<>();
        for (WhenClauseContext w : ctx.whenClause()) {
            branches.add(new CaseWhen.Branch(new Comparison(Comparison.Op.EQUAL, value, expression(w.condition)),
                    expression(w.result)));
        }
        return new CaseWhen(branches, elseValue(ctx.elseExpression));
    }

    private Optional<Expression> elseValue(ExpressionContext ctx) {
        return ctx == null ? Optional.empty() : Optional.of(expression(ctx));
    }

    @Override
    public Expression visitCast(CastContext ctx) {
        DataType type = types.dataType(ctx.dataType());
        return new Cast(expression(ctx.expression()), type, ctx.name.getType() == SqlBaseParser.TRY_CAST);
    }

    @Override
    public Expression visitCastByColon(CastByColonContext ctx) {
        return Cast.ansi(expression(ctx.primaryExpression()), types.dataType(ctx.dataType()));
    }

    @Override
    public Expression visitStruct(StructContext ctx) {
        List<Expression> args = new ArrayList<>(ctx.argument.size());
        for (NamedExpressionContext a : ctx.argument) {
            args.add(namedExpression(a));
        }
        return new UnresolvedFunction("struct", args, false);
    }

    @Override
    public Expression visitExists(io.fluxo.sql.parser.SqlBaseParser.ExistsContext ctx) {
        throw subqueryHere(ctx);
    }

    /** The columns scalar subqueries of the query being built stand for (set by the {@link QueryBuilder}). */
    private final java.util.Map<ParserRuleContext, Expression> scalarSubqueries = new java.util.IdentityHashMap<>();

    void scalarSubquery(ParserRuleContext ctx, Expression column) {
        scalarSubqueries.put(ctx, column);
    }

    @Override
    public Expression visitSubqueryExpression(io.fluxo.sql.parser.SqlBaseParser.SubqueryExpressionContext ctx) {
        Expression column = scalarSubqueries.get(ctx);
        if (column == null) {
            throw errors.at(ctx, "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY", "0A000", "A scalar subquery is "
                    + "supported in the SELECT list, WHERE and HAVING of a query.");
        }
        return column;
    }

    private RuntimeException subqueryHere(ParserRuleContext ctx) {
        return errors.at(ctx, "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY", "0A000", "A subquery predicate is "
                + "supported as a whole WHERE condition or an AND-ed part of it: x [NOT] IN (SELECT …), "
                + "[NOT] EXISTS (SELECT …).");
    }

    /** {@code (a, b)} outside VALUES: a struct of the values, as Spark. */
    @Override
    public Expression visitRowConstructor(io.fluxo.sql.parser.SqlBaseParser.RowConstructorContext ctx) {
        return new UnresolvedFunction("struct", namedExpressions(ctx.namedExpression()), false);
    }

    /** A literal interval as a constant (a watermark delay, say). */
    Expression interval(io.fluxo.sql.parser.SqlBaseParser.IntervalContext ctx) {
        return literals.interval(ctx);
    }

    @Override
    public Expression visitPosition(PositionContext ctx) {
        return UnresolvedFunction.of("position", expression(ctx.substr), expression(ctx.str));
    }

    @Override
    public Expression visitExtract(ExtractContext ctx) {
        String field = Names.identifier(ctx.field).toLowerCase(Locale.ROOT);
        return UnresolvedFunction.of(field, expression(ctx.source));
    }

    @Override
    public Expression visitSubstring(SubstringContext ctx) {
        Expression str = expression(ctx.str);
        Expression pos = expression(ctx.pos);
        return ctx.len == null ? UnresolvedFunction.of("substring", str, pos)
                : UnresolvedFunction.of("substring", str, pos, expression(ctx.len));
    }

    /**
     * {@code TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)} as {@code trim}, {@code ltrim} or {@code rtrim}; with
     * characters given, the call is {@code trim(chars, s)}, the argument order of Spark's two-argument functions.
     */
    @Override
    public Expression visitTrim(TrimContext ctx) {
        String name = "trim";
        if (ctx.trimOption != null && ctx.trimOption.getType() == SqlBaseParser.LEADING) {
            name = "ltrim";
        } else if (ctx.trimOption != null && ctx.trimOption.getType() == SqlBaseParser.TRAILING) {
            name = "rtrim";
        }
        Expression source = expression(ctx.srcStr);
        return ctx.trimStr == null ? UnresolvedFunction.of(name, source)
                : UnresolvedFunction.of(name, expression(ctx.trimStr), source);
    }

    @Override
    public Expression visitConstantDefault(ConstantDefaultContext ctx) {
        return expression(ctx.constant());
    }

    @Override
    public Expression visitStar(StarContext ctx) {
        if (ctx.qualifiedName() == null) {
            return new UnresolvedStar(List.of());
        }
        return new UnresolvedStar(Names.identifiers(ctx.qualifiedName().identifier()));
    }

    @Override
    public Expression visitFunctionCall(FunctionCallContext ctx) {
        String name = String.join(".", Names.identifiers(ctx.functionName().qualifiedName().identifier()));
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        List<Expression> args = expressions(ctx.argument);
        // count(*) counts rows: Spark turns it into count(1).
        if (!distinct && name.equalsIgnoreCase("count") && args.size() == 1
                && args.get(0) instanceof UnresolvedStar star && star.target().isEmpty()) {
            args = List.of(Literal.of(1));
        }
        UnresolvedFunction call = new UnresolvedFunction(name, args, distinct);
        return ctx.windowSpec() == null ? call : window(call, ctx.windowSpec());
    }

    /** {@code f(…) OVER (PARTITION BY … ORDER BY … frame)}; the frame defaults as in Spark. */
    private Expression window(Expression function, io.fluxo.sql.parser.SqlBaseParser.WindowSpecContext spec) {
        List<Expression> order = new ArrayList<>();
        for (var item : spec.sortItem()) {
            Expression e = expression(item.expression());
            boolean ascending = item.DESC() == null;
            boolean nullsFirst = item.nullOrder == null ? ascending : item.FIRST() != null;
            order.add(new io.fluxo.plan.expr.SortOrder(e, ascending, nullsFirst));
        }
        WindowExpression.Frame frame = WindowExpression.Frame.defaultFor(!order.isEmpty());
        var f = spec.windowFrame();
        if (f != null) {
            boolean rows = f.frameType.getType() == SqlBaseParser.ROWS;
            long start = bound(f.start);
            long end = f.end == null ? 0 : bound(f.end);
            if (!rows && (start != WindowExpression.Frame.UNBOUNDED_PRECEDING && start != 0
                    || end != WindowExpression.Frame.UNBOUNDED_FOLLOWING && end != 0)) {
                throw errors.at(f, "UNSUPPORTED_FEATURE", "0A000", "RANGE frames with offsets are not supported yet: "
                        + "use ROWS, or UNBOUNDED and CURRENT ROW bounds.");
            }
            if (start > end || start == WindowExpression.Frame.UNBOUNDED_FOLLOWING
                    || end == WindowExpression.Frame.UNBOUNDED_PRECEDING) {
                throw errors.at(f, "INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC", "42601", "The window frame "
                        + f.getText() + " is invalid: its lower bound must not come after its upper bound.");
            }
            frame = new WindowExpression.Frame(rows, start, end);
        }
        return new WindowExpression(function, expressions(spec.partition), order, frame);
    }

    private long bound(io.fluxo.sql.parser.SqlBaseParser.FrameBoundContext b) {
        if (b.UNBOUNDED() != null) {
            return b.boundType.getType() == SqlBaseParser.PRECEDING ? WindowExpression.Frame.UNBOUNDED_PRECEDING
                    : WindowExpression.Frame.UNBOUNDED_FOLLOWING;
        }
        if (b.CURRENT() != null) {
            return 0;
        }
        Expression e = expression(b.expression());
        if (!(e instanceof Literal l && l.value() instanceof Number n && !(n instanceof Double) && n.longValue() >= 0)) {
            throw errors.at(b, "INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC", "42601", "A ROWS frame bound must be a "
                    + "non-negative integer constant: " + b.getText() + ".");
        }
        return b.boundType.getType() == SqlBaseParser.PRECEDING ? -n.longValue() : n.longValue();
    }

    @Override
    public Expression visitSubscript(SubscriptContext ctx) {
        return new UnresolvedExtractValue(expression(ctx.value), expression(ctx.index));
    }

    @Override
    public Expression visitColumnReference(ColumnReferenceContext ctx) {
        return new UnresolvedAttribute(List.of(Names.identifier(ctx.identifier())));
    }

    /**
     * {@code a.b.c} written as a name stays one multi-part name (the analyzer decides which parts are qualifiers and
     * which are struct fields); a field of any other expression, {@code (expr).f} or {@code a[0].f}, is an extraction.
     */
    @Override
    public Expression visitDereference(DereferenceContext ctx) {
        Expression base = expression(ctx.base);
        String field = Names.identifier(ctx.fieldName);
        boolean nameChain = ctx.base instanceof ColumnReferenceContext || ctx.base instanceof DereferenceContext;
        if (nameChain && base instanceof UnresolvedAttribute attribute) {
            List<String> parts = new ArrayList<>(attribute.nameParts());
            parts.add(field);
            return new UnresolvedAttribute(parts);
        }
        return new UnresolvedExtractValue(base, Literal.of(field));
    }

    @Override
    public Expression visitParenthesizedExpression(ParenthesizedExpressionContext ctx) {
        return expression(ctx.expression());
    }

    // ---- Literals ----

    @Override
    public Expression visitNullLiteral(NullLiteralContext ctx) {
        return Literal.NULL;
    }

    @Override
    public Expression visitBooleanLiteral(BooleanLiteralContext ctx) {
        return ctx.booleanValue().TRUE() != null ? Literal.TRUE : Literal.FALSE;
    }

    @Override
    public Expression visitStringLiteral(StringLiteralContext ctx) {
        return Literal.of(LiteralBuilder.strings(ctx.stringLit()));
    }

    @Override
    public Expression visitNumericLiteral(NumericLiteralContext ctx) {
        return literals.number(ctx.number());
    }

    @Override
    public Expression visitTypeConstructor(TypeConstructorContext ctx) {
        return literals.typed(ctx);
    }

    @Override
    public Expression visitIntervalLiteral(IntervalLiteralContext ctx) {
        return literals.interval(ctx.interval());
    }
}
