package io.fluxo.api;

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
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.Or;
import io.fluxo.plan.expr.RLike;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.plan.expr.UnaryMinus;
import io.fluxo.plan.expr.UnresolvedExtractValue;
import io.fluxo.plan.expr.UnresolvedFunction;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column expression of the DataFrame API, as in Spark: {@code col("amount").multiply(2).gt(10)}. Columns are
 * unresolved until a DataFrame uses them; names are checked then.
 */
public final class Column {
    private final Expression expr;

    public Column(Expression expr) {
        this.expr = Objects.requireNonNull(expr, "expr is null");
    }

    /** A column by name, {@code "a"}, {@code "t.a"} or {@code "*"}. */
    public Column(String name) {
        this(functions.col(name).expr());
    }

    public Expression expr() {
        return expr;
    }

    static Expression lit(Object value) {
        return value instanceof Column c ? c.expr : Literal.of(value);
    }

    private Column binary(Arithmetic.Op op, Object other) {
        return new Column(new Arithmetic(op, expr, lit(other)));
    }

    private Column compare(Comparison.Op op, Object other) {
        return new Column(new Comparison(op, expr, lit(other)));
    }

    public Column plus(Object other) {
        return binary(Arithmetic.Op.ADD, other);
    }

    public Column minus(Object other) {
        return binary(Arithmetic.Op.SUBTRACT, other);
    }

    public Column multiply(Object other) {
        return binary(Arithmetic.Op.MULTIPLY, other);
    }

    public Column divide(Object other) {
        return binary(Arithmetic.Op.DIVIDE, other);
    }

    public Column mod(Object other) {
        return binary(Arithmetic.Op.REMAINDER, other);
    }

    public Column unary_minus() {
        return new Column(new UnaryMinus(expr));
    }

    public Column equalTo(Object other) {
        return compare(Comparison.Op.EQUAL, other);
    }

    public Column notEqual(Object other) {
        return new Column(new Not(new Comparison(Comparison.Op.EQUAL, expr, lit(other))));
    }

    public Column eqNullSafe(Object other) {
        return compare(Comparison.Op.NULL_SAFE_EQUAL, other);
    }

    public Column gt(Object other) {
        return compare(Comparison.Op.GREATER_THAN, other);
    }

    public Column geq(Object other) {
        return compare(Comparison.Op.GREATER_THAN_OR_EQUAL, other);
    }

    public Column lt(Object other) {
        return compare(Comparison.Op.LESS_THAN, other);
    }

    public Column leq(Object other) {
        return compare(Comparison.Op.LESS_THAN_OR_EQUAL, other);
    }

    public Column between(Object lower, Object upper) {
        return geq(lower).and(leq(upper));
    }

    public Column and(Column other) {
        return new Column(new And(expr, other.expr));
    }

    public Column or(Column other) {
        return new Column(new Or(expr, other.expr));
    }

    public Column isNull() {
        return new Column(new IsNull(expr));
    }

    public Column isNotNull() {
        return new Column(new IsNotNull(expr));
    }

    public Column isNaN() {
        return new Column(UnresolvedFunction.of("isnan", expr));
    }

    public Column isin(Object... values) {
        List<Expression> list = new ArrayList<>();
        for (Object v : values) {
            list.add(lit(v));
        }
        return new Column(new In(expr, list));
    }

    public Column like(String pattern) {
        return new Column(new Like(expr, Literal.of(pattern), '\\'));
    }

    public Column rlike(String regex) {
        return new Column(new RLike(expr, Literal.of(regex)));
    }

    public Column contains(Object other) {
        return new Column(UnresolvedFunction.of("contains", expr, lit(other)));
    }

    public Column startsWith(Object other) {
        return new Column(UnresolvedFunction.of("startswith", expr, lit(other)));
    }

    public Column endsWith(Object other) {
        return new Column(UnresolvedFunction.of("endswith", expr, lit(other)));
    }

    public Column substr(int startPos, int length) {
        return new Column(UnresolvedFunction.of("substring", expr, Literal.of(startPos), Literal.of(length)));
    }

    /** A struct field by name. */
    public Column getField(String fieldName) {
        return new Column(new UnresolvedExtractValue(expr, Literal.of(fieldName)));
    }

    /** An array element (0-based) or a map value by key. */
    public Column getItem(Object key) {
        return new Column(new UnresolvedExtractValue(expr, lit(key)));
    }

    public Column cast(DataType to) {
        return new Column(new Cast(expr, to, false));
    }

    /** Casts to a type given in SQL, {@code "int"}, {@code "decimal(10,2)"}. */
    public Column cast(String to) {
        return cast(SqlParser.parseDataType(to));
    }

    public Column try_cast(DataType to) {
        return new Column(new Cast(expr, to, true));
    }

    public Column try_cast(String to) {
        return try_cast(SqlParser.parseDataType(to));
    }

    public Column alias(String name) {
        return new Column(Alias.of(expr instanceof Alias a ? a.child() : expr, name));
    }

    /** This aggregate or window function computed over {@code window}: {@code sum("x").over(w)}. */
    public Column over(WindowSpec window) {
        return new Column(window.over(expr));
    }

    public Column as(String name) {
        return alias(name);
    }

    public Column name(String name) {
        return alias(name);
    }

    public Column asc() {
        return new Column(SortOrder.asc(expr));
    }

    public Column asc_nulls_last() {
        return new Column(new SortOrder(expr, true, false));
    }

    public Column desc() {
        return new Column(SortOrder.desc(expr));
    }

    public Column desc_nulls_first() {
        return new Column(new SortOrder(expr, false, true));
    }

    /** Adds a branch to a {@code when(...)} chain. */
    public Column when(Column condition, Object value) {
        if (!(expr instanceof CaseWhen c) || c.elseValue().isPresent()) {
            throw new IllegalArgumentException("when() can only be applied on a Column previously generated by when()");
        }
        List<CaseWhen.Branch> branches = new ArrayList<>(c.branches());
        branches.add(new CaseWhen.Branch(condition.expr, lit(value)));
        return new Column(new CaseWhen(branches, Optional.empty()));
    }

    public Column otherwise(Object value) {
        if (!(expr instanceof CaseWhen c) || c.elseValue().isPresent()) {
            throw new IllegalArgumentException(
                    "otherwise() can only be applied on a Column previously generated by when()");
        }
        return new Column(new CaseWhen(c.branches(), Optional.of(lit(value))));
    }

    @Override
    public String toString() {
        return expr.sql();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && c.expr.equals(expr);
    }

    @Override
    public int hashCode() {
        return expr.hashCode();
    }
}
