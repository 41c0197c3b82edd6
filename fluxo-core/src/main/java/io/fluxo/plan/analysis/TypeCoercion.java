package io.fluxo.plan.analysis;

import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.CaseWhen;
import io.fluxo.plan.expr.Cast;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.DateTimeArithmetic;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.In;
import io.fluxo.plan.expr.Literal;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.types.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spark's ANSI type coercion: which common type two operands meet at, and the implicit casts that get them there.
 * Implicit casts widen numerics (INT → BIGINT → DECIMAL → DOUBLE), DATE → TIMESTAMP, NULL → anything, and turn a
 * STRING operand into the other side's type where Spark does (comparisons and arithmetic with a non-string).
 */
public final class TypeCoercion {
    private TypeCoercion() {
    }

    /** The narrowest type both can widen to without losing values, if any. */
    public static Optional<DataType> widerType(DataType a, DataType b) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (a instanceof NullType) {
            return Optional.of(b);
        }
        if (b instanceof NullType) {
            return Optional.of(a);
        }
        if (a.isNumeric() && b.isNumeric()) {
            return Optional.of(widerNumeric(a, b));
        }
        if ((a instanceof DateType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof DateType)) {
            return Optional.of(TimestampType.INSTANCE);
        }
        if (a instanceof DayTimeIntervalType x && b instanceof DayTimeIntervalType y) {
            return Optional.of(x.widen(y));
        }
        if (a instanceof YearMonthIntervalType x && b instanceof YearMonthIntervalType y) {
            return Optional.of(x.widen(y));
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return widerType(x.elementType(), y.elementType())
                    .map(t -> new ArrayType(t, x.containsNull() || y.containsNull()));
        }
        if (a instanceof MapType x && b instanceof MapType y) {
            Optional<DataType> k = widerType(x.keyType(), y.keyType());
            Optional<DataType> v = widerType(x.valueType(), y.valueType());
            if (k.isPresent() && v.isPresent()) {
                return Optional.of(new MapType(k.get(), v.get(), x.valueContainsNull() || y.valueContainsNull()));
            }
            return Optional.empty();
        }
        if (a instanceof StructType x && b instanceof StructType y && x.size() == y.size()) {
            List<StructField> fields = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                if (!x.field(i).name().equalsIgnoreCase(y.field(i).name())) {
                    return Optional.empty();
                }
                Optional<DataType> t = widerType(x.field(i).dataType(), y.field(i).dataType());
                if (t.isEmpty()) {
                    return Optional.empty();
                }
                fields.add(new StructField(x.field(i).name(), t.get(), x.field(i).nullable() || y.field(i).nullable()));
            }
            return Optional.of(new StructType(fields));
        }
        return Optional.empty();
    }

    /** Like {@link #widerType}, and a STRING meets any atomic type at STRING (for CASE, COALESCE, UNION). */
    public static Optional<DataType> widerTypeWithString(DataType a, DataType b) {
        Optional<DataType> w = widerType(a, b);
        if (w.isPresent()) {
            return w;
        }
        if ((a instanceof StringType && isAtomic(b)) || (b instanceof StringType && isAtomic(a))) {
            return Optional.of(StringType.INSTANCE);
        }
        return Optional.empty();
    }

    private static boolean isAtomic(DataType t) {
        return !(t instanceof ArrayType || t instanceof MapType || t instanceof StructType);
    }

    static DataType widerNumeric(DataType a, DataType b) {
        if (a instanceof DoubleType || b instanceof DoubleType) {
            return DoubleType.INSTANCE;
        }
        if (a instanceof DecimalType || b instanceof DecimalType) {
            DecimalType x = DecimalType.forType(a);
            DecimalType y = DecimalType.forType(b);
            int scale = Math.max(x.scale(), y.scale());
            int intDigits = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
            return DecimalType.bounded(intDigits + scale, scale);
        }
        if (a instanceof LongType || b instanceof LongType) {
            return LongType.INSTANCE;
        }
        return IntegerType.INSTANCE;
    }

    /** {@code e} as type {@code to}, adding an implicit cast only when the type differs. */
    public static Expression castTo(Expression e, DataType to) {
        if (e.dataType().equals(to)) {
            return e;
        }
        if (e instanceof Literal l && l.value() == null) {
            return new Literal(null, to);
        }
        return Cast.implicit(e, to);
    }

    static Expression coerceArithmetic(Arithmetic a) {
        DataType l = a.left().dataType();
        DataType r = a.right().dataType();
        if (l.isInterval() || r.isInterval() || (isDatetime(l) && isDatetime(r))) {
            return dateTimeArithmetic(a);
        }
        Expression left = a.left();
        Expression right = a.right();
        // A string operand takes the other side's numeric type (or DOUBLE), as Spark's ANSI coercion does.
        if (l instanceof StringType && r.isNumeric()) {
            left = castTo(left, r instanceof DecimalType ? DoubleType.INSTANCE : r);
            l = left.dataType();
        } else if (r instanceof StringType && l.isNumeric()) {
            right = castTo(right, l instanceof DecimalType ? DoubleType.INSTANCE : l);
            r = right.dataType();
        } else if (l instanceof StringType && r instanceof StringType) {
            left = castTo(left, DoubleType.INSTANCE);
            right = castTo(right, DoubleType.INSTANCE);
            l = r = DoubleType.INSTANCE;
        }
        if (l instanceof NullType && r instanceof NullType) {
            left = castTo(left, DoubleType.INSTANCE);
            right = castTo(right, DoubleType.INSTANCE);
            l = r = DoubleType.INSTANCE;
        } else if (l instanceof NullType) {
            left = castTo(left, r);
            l = r;
        } else if (r instanceof NullType) {
            right = castTo(right, l);
            r = l;
        }
        if (!l.isNumeric() || !r.isNumeric()) {
            throw mismatch(a, l, r);
        }
        Arithmetic.Op op = a.op();
        if (op == Arithmetic.Op.DIVIDE) {
            if (l instanceof DecimalType || r instanceof DecimalType) {
                if (!(l instanceof DoubleType) && !(r instanceof DoubleType)) {
                    return new Arithmetic(op, castTo(left, DecimalType.forType(l)), castTo(right, DecimalType.forType(r)));
                }
            }
            return new Arithmetic(op, castTo(left, DoubleType.INSTANCE), castTo(right, DoubleType.INSTANCE));
        }
        if (op == Arithmetic.Op.INTEGRAL_DIVIDE) {
            if (!l.isIntegral() || !r.isIntegral()) {
                throw mismatch(a, l, r);
            }
            return new Arithmetic(op, castTo(left, LongType.INSTANCE), castTo(right, LongType.INSTANCE));
        }
        DataType common = widerNumeric(l, r);
        if (common instanceof DecimalType) {
            // Decimal operands keep their own precision and scale; integral ones become exact decimals.
            return new Arithmetic(op, castTo(left, DecimalType.forType(l)), castTo(right, DecimalType.forType(r)));
        }
        return new Arithmetic(op, castTo(left, common), castTo(right, common));
    }

    private static boolean isDatetime(DataType t) {
        return t instanceof DateType || t instanceof TimestampType;
    }

    /**
     * {@code +}, {@code -}, {@code *}, {@code /} with an interval or two datetimes, as Spark 4 resolves them: a
     * datetime shifted by an interval (either order for {@code +}; a DATE with a non-whole-day interval becomes a
     * TIMESTAMP, a STRING is read as a TIMESTAMP and the result written back as a STRING), the interval between two
     * datetimes, two intervals of one kind added or subtracted, an interval multiplied or divided by a number.
     */
    private static Expression dateTimeArithmetic(Arithmetic a) {
        Expression left = a.left();
        Expression right = a.right();
        DataType l = left.dataType();
        DataType r = right.dataType();
        switch (a.op()) {
            case ADD:
                if (l.isInterval() && r.isInterval()) {
                    return sameKindIntervals(a, DateTimeArithmetic.Kind.INTERVAL_PLUS);
                }
                return l.isInterval() ? shift(a, right, left, true) : shift(a, left, right, true);
            case SUBTRACT:
                if (l.isInterval() && r.isInterval()) {
                    return sameKindIntervals(a, DateTimeArithmetic.Kind.INTERVAL_MINUS);
                }
                if (r.isInterval()) {
                    return shift(a, left, right, false);
                }
                if (isDatetime(l) && isDatetime(r)) {
                    if (l instanceof DateType && r instanceof DateType) {
                        return new DateTimeArithmetic(DateTimeArithmetic.Kind.DATE_DIFF, left, right);
                    }
                    return new DateTimeArithmetic(DateTimeArithmetic.Kind.TIMESTAMP_DIFF,
                            castTo(left, TimestampType.INSTANCE), castTo(right, TimestampType.INSTANCE));
                }
                break;
            case MULTIPLY:
                if (l.isInterval() && (r.isNumeric() || r instanceof NullType)) {
                    return new DateTimeArithmetic(DateTimeArithmetic.Kind.INTERVAL_TIMES, left, numeric(right));
                }
                if (r.isInterval() && (l.isNumeric() || l instanceof NullType)) {
                    return new DateTimeArithmetic(DateTimeArithmetic.Kind.INTERVAL_TIMES, right, numeric(left));
                }
                break;
            case DIVIDE:
                if (l.isInterval() && (r.isNumeric() || r instanceof NullType)) {
                    return new DateTimeArithmetic(DateTimeArithmetic.Kind.INTERVAL_DIVIDED_BY, left, numeric(right));
                }
                break;
            default:
                break;
        }
        throw mismatch(a, l, r);
    }

    private static Expression numeric(Expression e) {
        return e.dataType() instanceof NullType ? castTo(e, LongType.INSTANCE) : e;
    }

    private static Expression sameKindIntervals(Arithmetic a, DateTimeArithmetic.Kind kind) {
        if (a.left().dataType().getClass() != a.right().dataType().getClass()) {
            throw mismatch(a, a.left().dataType(), a.right().dataType());
        }
        return new DateTimeArithmetic(kind, a.left(), a.right());
    }

    private static Expression shift(Arithmetic a, Expression datetime, Expression interval, boolean plus) {
        DataType t = datetime.dataType();
        DataType i = interval.dataType();
        boolean yearMonth = i instanceof YearMonthIntervalType;
        if (t instanceof StringType) {
            return castTo(shift(a, castTo(datetime, TimestampType.INSTANCE), interval, plus), StringType.INSTANCE);
        }
        if (t instanceof NullType) {
            datetime = castTo(datetime, TimestampType.INSTANCE);
            t = TimestampType.INSTANCE;
        }
        if (t instanceof DateType) {
            if (yearMonth) {
                return new DateTimeArithmetic(plus ? DateTimeArithmetic.Kind.DATE_PLUS_YEAR_MONTH
                        : DateTimeArithmetic.Kind.DATE_MINUS_YEAR_MONTH, datetime, interval);
            }
            DayTimeIntervalType dt = (DayTimeIntervalType) i;
            if (dt.startField() == DayTimeIntervalType.DAY && dt.endField() == DayTimeIntervalType.DAY) {
                return new DateTimeArithmetic(plus ? DateTimeArithmetic.Kind.DATE_PLUS_DAYS
                        : DateTimeArithmetic.Kind.DATE_MINUS_DAYS, datetime, interval);
            }
            datetime = castTo(datetime, TimestampType.INSTANCE);
            t = TimestampType.INSTANCE;
        }
        if (t instanceof TimestampType) {
            DateTimeArithmetic.Kind kind = yearMonth
                    ? (plus ? DateTimeArithmetic.Kind.TIMESTAMP_PLUS_YEAR_MONTH
                            : DateTimeArithmetic.Kind.TIMESTAMP_MINUS_YEAR_MONTH)
                    : (plus ? DateTimeArithmetic.Kind.TIMESTAMP_PLUS_DAY_TIME
                            : DateTimeArithmetic.Kind.TIMESTAMP_MINUS_DAY_TIME);
            return new DateTimeArithmetic(kind, datetime, interval);
        }
        throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "Cannot resolve \"" + a.sql()
                + "\" due to data type mismatch: The first parameter requires the \"(TIMESTAMP OR DATE)\" type, "
                + "however \"" + datetime.sql() + "\" has the type \"" + t.sql() + "\".");
    }

    private static AnalysisException mismatch(Expression e, DataType l, DataType r) {
        return new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
                "Cannot resolve \"" + e.sql() + "\" due to data type mismatch: the left and right operands of the binary "
                        + "operator have incompatible types (\"" + l.sql() + "\" and \"" + r.sql() + "\").");
    }

    static Expression coerceComparison(Comparison c) {
        Expression left = c.left();
        Expression right = c.right();
        DataType l = left.dataType();
        DataType r = right.dataType();
        if (l.equals(r)) {
            return c;
        }
        Optional<DataType> common = widerType(l, r);
        if (common.isEmpty()) {
            // Spark's ANSI rule: a string compared with a date, timestamp, number or boolean is cast to that type.
            if (l instanceof StringType && isStringPromotable(r)) {
                common = Optional.of(r instanceof DecimalType ? DoubleType.INSTANCE : r);
            } else if (r instanceof StringType && isStringPromotable(l)) {
                common = Optional.of(l instanceof DecimalType ? DoubleType.INSTANCE : l);
            }
        }
        if (common.isEmpty()) {
            throw mismatch(c, l, r);
        }
        return new Comparison(c.op(), castTo(left, common.get()), castTo(right, common.get()));
    }

    private static boolean isStringPromotable(DataType t) {
        return t.isNumeric() || t instanceof DateType || t instanceof TimestampType || t instanceof BooleanType;
    }

    static Expression coerceIn(In in) {
        DataType common = in.value().dataType();
        for (Expression e : in.list()) {
            Optional<DataType> w = widerType(common, e.dataType());
            if (w.isEmpty() && common instanceof StringType == false && e.dataType() instanceof StringType) {
                w = Optional.of(common);
            } else if (w.isEmpty() && common instanceof StringType && isStringPromotable(e.dataType())) {
                w = Optional.of(e.dataType());
            }
            if (w.isEmpty()) {
                throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", "Cannot resolve \"" + in.sql()
                        + "\" due to data type mismatch: Input to `in` should all be the same type, but it's ["
                        + in.children().stream().map(x -> "\"" + x.dataType().sql() + "\"")
                                .collect(java.util.stream.Collectors.joining(", ")) + "].");
            }
            common = w.get();
        }
        List<Expression> list = new ArrayList<>();
        for (Expression e : in.list()) {
            list.add(castTo(e, common));
        }
        return new In(castTo(in.value(), common), list);
    }

    /** One type for several values (CASE branches, COALESCE, array elements, union columns), or an error. */
    public static DataType commonType(List<DataType> types, String what) {
        DataType common = NullType.INSTANCE;
        for (DataType t : types) {
            Optional<DataType> w = widerTypeWithString(common, t);
            if (w.isEmpty()) {
                throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", "Cannot resolve \"" + what
                        + "\" due to data type mismatch: Input to `" + what + "` should all be the same type, but it's "
                        + types.stream().map(x -> "\"" + x.sql() + "\"")
                                .collect(java.util.stream.Collectors.joining(", ", "[", "]")) + ".");
            }
            common = w.get();
        }
        return common;
    }

    static Expression coerceCaseWhen(CaseWhen c) {
        List<DataType> types = new ArrayList<>();
        for (CaseWhen.Branch b : c.branches()) {
            types.add(b.value().dataType());
        }
        c.elseValue().ifPresent(e -> types.add(e.dataType()));
        DataType common = commonType(types, "CASE WHEN");
        List<CaseWhen.Branch> branches = new ArrayList<>();
        for (CaseWhen.Branch b : c.branches()) {
            branches.add(new CaseWhen.Branch(castTo(b.condition(), BooleanType.INSTANCE), castTo(b.value(), common)));
        }
        return new CaseWhen(branches, c.elseValue().map(e -> castTo(e, common)));
    }
}
