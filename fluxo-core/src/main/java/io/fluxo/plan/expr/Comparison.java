package io.fluxo.plan.expr;

import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import java.util.List;
import java.util.Objects;

/** {@code = <=> < <= > >=} over operands the analyzer coerced to one type; {@code !=} parses as NOT(=), as in Spark. */
public record Comparison(Op op, Expression left, Expression right) implements Expression {
    public enum Op {
        EQUAL("="), NULL_SAFE_EQUAL("<=>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="), GREATER_THAN(">"),
        GREATER_THAN_OR_EQUAL(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator with its operands swapped: {@code a < b} ⇔ {@code b > a}. */
        public Op flip() {
            switch (this) {
                case LESS_THAN:
                    return GREATER_THAN;
                case LESS_THAN_OR_EQUAL:
                    return GREATER_THAN_OR_EQUAL;
                case GREATER_THAN:
                    return LESS_THAN;
                case GREATER_THAN_OR_EQUAL:
                    return LESS_THAN_OR_EQUAL;
                default:
                    return this;
            }
        }
    }

    public Comparison {
        Objects.requireNonNull(op, "op is null");
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(right, "right is null");
    }

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new Comparison(op, children.get(0), children.get(1));
    }

    @Override
    public DataType dataType() {
        return BooleanType.INSTANCE;
    }

    /**
     * Resolved only once the analyzer coerced the operands to one type (as Spark's checkInputDataTypes), so a
     * comparison of columns a DataFrame bound early ({@code df.col("i").equalTo(df.col("l"))}) is still coerced.
     */
    @Override
    public boolean resolved() {
        return Expression.super.resolved() && left.dataType().equals(right.dataType());
    }

    @Override
    public boolean nullable() {
        return op != Op.NULL_SAFE_EQUAL && (left.nullable() || right.nullable());
    }

    @Override
    public String sql() {
        return "(" + left.sql() + " " + op.symbol() + " " + right.sql() + ")";
    }
}
