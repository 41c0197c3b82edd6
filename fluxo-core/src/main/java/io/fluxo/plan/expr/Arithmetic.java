package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import io.fluxo.types.DecimalType;
import java.util.List;
import java.util.Objects;

/**
 * Binary arithmetic. The analyzer coerces both sides to one type first (two decimals may keep their own precision
 * and scale); the result type follows Spark: the operand type, except decimals, whose result precision and scale
 * follow Spark's rules, and {@code /}, which the analyzer only lets through on DOUBLE or DECIMAL.
 */
public record Arithmetic(Op op, Expression left, Expression right) implements Expression {
    public enum Op {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%"), INTEGRAL_DIVIDE("div");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public Arithmetic {
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
        return new Arithmetic(op, children.get(0), children.get(1));
    }

    @Override
    public DataType dataType() {
        DataType l = left.dataType();
        if (op == Op.INTEGRAL_DIVIDE) {
            return io.fluxo.types.LongType.INSTANCE;
        }
        if (l instanceof DecimalType a && right.dataType() instanceof DecimalType b) {
            return decimalResult(op, a, b);
        }
        return l;
    }

    /** Spark's result type for decimal arithmetic (DecimalPrecision), bounded to 38 digits. */
    public static DecimalType decimalResult(Op op, DecimalType a, DecimalType b) {
        int p1 = a.precision();
        int s1 = a.scale();
        int p2 = b.precision();
        int s2 = b.scale();
        switch (op) {
            case ADD:
            case SUBTRACT: {
                int scale = Math.max(s1, s2);
                return DecimalType.bounded(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
            }
            case MULTIPLY:
                return DecimalType.bounded(p1 + p2 + 1, s1 + s2);
            case DIVIDE: {
                int scale = Math.max(6, s1 + p2 + 1);
                return DecimalType.bounded(p1 - s1 + s2 + scale, scale);
            }
            case REMAINDER: {
                int scale = Math.max(s1, s2);
                return DecimalType.bounded(Math.min(p1 - s1, p2 - s2) + scale, scale);
            }
            default:
                throw new IllegalArgumentException("no decimal result for " + op);
        }
    }

    @Override
    public boolean nullable() {
        // Division and remainder by zero give null under try_ semantics; under ANSI they fail, but stay nullable.
        return left.nullable() || right.nullable() || op == Op.DIVIDE || op == Op.REMAINDER
                || op == Op.INTEGRAL_DIVIDE;
    }

    @Override
    public String sql() {
        return "(" + left.sql() + " " + op.symbol() + " " + right.sql() + ")";
    }
}
