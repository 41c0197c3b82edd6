package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.TimestampType;
import io.fluxo.types.YearMonthIntervalType;
import java.util.List;
import java.util.Objects;

/**
 * Arithmetic on timestamps, dates and ANSI intervals, which the analyzer makes out of {@code +}, {@code -}, {@code *}
 * and {@code /} once it sees an interval or two datetimes: shifting a timestamp or date by an interval, the interval
 * between two timestamps or dates, the sum or difference of two intervals of one kind, an interval scaled by a number.
 * Operands arrive in canonical order: the datetime or interval on the left.
 */
public record DateTimeArithmetic(Kind kind, Expression left, Expression right) implements Expression {
    public enum Kind {
        /** TIMESTAMP ± day-time interval: exact microseconds. */
        TIMESTAMP_PLUS_DAY_TIME("+"), TIMESTAMP_MINUS_DAY_TIME("-"),
        /** TIMESTAMP ± year-month interval: months added to the local date in the session time zone. */
        TIMESTAMP_PLUS_YEAR_MONTH("+"), TIMESTAMP_MINUS_YEAR_MONTH("-"),
        /** DATE ± year-month interval. */
        DATE_PLUS_YEAR_MONTH("+"), DATE_MINUS_YEAR_MONTH("-"),
        /** DATE ± an interval of whole days ({@code INTERVAL DAY}): a DATE. */
        DATE_PLUS_DAYS("+"), DATE_MINUS_DAYS("-"),
        /** TIMESTAMP - TIMESTAMP: {@code INTERVAL DAY TO SECOND}. */
        TIMESTAMP_DIFF("-"),
        /** DATE - DATE: {@code INTERVAL DAY}. */
        DATE_DIFF("-"),
        /** interval ± interval of the same kind. */
        INTERVAL_PLUS("+"), INTERVAL_MINUS("-"),
        /** interval × number, interval ÷ number (rounded half up, as Spark). */
        INTERVAL_TIMES("*"), INTERVAL_DIVIDED_BY("/");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean shiftsDatetime() {
            return ordinal() <= DATE_MINUS_DAYS.ordinal();
        }
    }

    public DateTimeArithmetic {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(right, "right is null");
    }

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new DateTimeArithmetic(kind, children.get(0), children.get(1));
    }

    @Override
    public DataType dataType() {
        switch (kind) {
            case TIMESTAMP_PLUS_DAY_TIME:
            case TIMESTAMP_MINUS_DAY_TIME:
            case TIMESTAMP_PLUS_YEAR_MONTH:
            case TIMESTAMP_MINUS_YEAR_MONTH:
                return TimestampType.INSTANCE;
            case DATE_PLUS_YEAR_MONTH:
            case DATE_MINUS_YEAR_MONTH:
            case DATE_PLUS_DAYS:
            case DATE_MINUS_DAYS:
                return DateType.INSTANCE;
            case TIMESTAMP_DIFF:
                return DayTimeIntervalType.DEFAULT;
            case DATE_DIFF:
                return new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY);
            case INTERVAL_PLUS:
            case INTERVAL_MINUS:
                if (left.dataType() instanceof DayTimeIntervalType l && right.dataType() instanceof DayTimeIntervalType r) {
                    return l.widen(r);
                }
                return ((YearMonthIntervalType) left.dataType()).widen((YearMonthIntervalType) right.dataType());
            default:
                return left.dataType() instanceof DayTimeIntervalType ? DayTimeIntervalType.DEFAULT
                        : YearMonthIntervalType.DEFAULT;
        }
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable();
    }

    /** Spark's names: a shifted datetime reads {@code ts + INTERVAL '01' HOUR}, the rest are parenthesized. */
    @Override
    public String sql() {
        if (kind == Kind.DATE_PLUS_DAYS || kind == Kind.DATE_MINUS_DAYS) {
            String days = "extractansiintervaldays(" + right.sql() + ")";
            return "date_add(" + left.sql() + ", " + (kind == Kind.DATE_PLUS_DAYS ? days : "(- " + days + ")") + ")";
        }
        String text = left.sql() + " " + kind.symbol() + " " + right.sql();
        return kind.shiftsDatetime() ? text : "(" + text + ")";
    }
}
