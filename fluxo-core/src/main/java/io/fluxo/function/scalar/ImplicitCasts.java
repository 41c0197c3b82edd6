package io.fluxo.function.scalar;

import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's ANSI implicit-cast rules as functions apply them to their arguments: which type an argument is cast to for a
 * parameter of a given type, and the common type of several arguments (Spark's {@code findWiderCommonType}).
 *
 * <p>Implicitly allowed: the same type; NULL to anything; STRING to any atomic type; numeric to numeric; any atomic
 * type to STRING; DATE to TIMESTAMP; arrays, maps and structs element by element.
 */
public final class ImplicitCasts {
    private ImplicitCasts() {
    }

    /** The type an argument of type {@code from} is cast to for a parameter of type {@code to}, or null if none. */
    public static DataType implicitCast(DataType from, DataType to) {
        if (sameType(from, to)) {
            return from;
        }
        if (from instanceof NullType) {
            return to;
        }
        if (from instanceof StringType && isAtomic(to)) {
            return to;
        }
        if (from instanceof ArrayType fa && to instanceof ArrayType ta) {
            DataType element = implicitCast(fa.elementType(), ta.elementType());
            return element == null ? null : new ArrayType(element, true);
        }
        return canStoreAssign(from, to) ? to : null;
    }

    /** Spark's {@code Cast.canANSIStoreAssign}: conversions that ANSI store assignment allows. */
    public static boolean canStoreAssign(DataType from, DataType to) {
        if (sameType(from, to) || from instanceof NullType) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if (isAtomic(from) && to instanceof StringType) {
            return true;
        }
        if (from instanceof DateType && to instanceof TimestampType) {
            return true;
        }
        if (from instanceof ArrayType fa && to instanceof ArrayType ta) {
            return canStoreAssign(fa.elementType(), ta.elementType());
        }
        if (from instanceof MapType fm && to instanceof MapType tm) {
            return canStoreAssign(fm.keyType(), tm.keyType()) && canStoreAssign(fm.valueType(), tm.valueType());
        }
        if (from instanceof StructType fs && to instanceof StructType ts && fs.size() == ts.size()) {
            for (int i = 0; i < fs.size(); i++) {
                if (!canStoreAssign(fs.field(i).dataType(), ts.field(i).dataType())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Scalar types: everything but NULL, arrays, maps and structs. */
    public static boolean isAtomic(DataType type) {
        return type instanceof BooleanType || type.isNumeric() || type instanceof StringType
                || type instanceof BinaryType || type instanceof DateType || type instanceof TimestampType;
    }

    /** Equal types, ignoring the nullability flags of nested elements, values and fields. */
    public static boolean sameType(DataType a, DataType b) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return sameType(x.elementType(), y.elementType());
        }
        if (a instanceof MapType x && b instanceof MapType y) {
            return sameType(x.keyType(), y.keyType()) && sameType(x.valueType(), y.valueType());
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.field(i).name().equals(y.field(i).name())
                        || !sameType(x.field(i).dataType(), y.field(i).dataType())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The common type of all {@code types} (Spark's ANSI {@code findWiderCommonType}), or null if there is none. */
    public static DataType widerCommonType(List<DataType> types) {
        DataType result = NullType.INSTANCE;
        for (DataType t : types) {
            result = widerType(result, t);
            if (result == null) {
                return null;
            }
        }
        return result;
    }

    /** The common type of two types, or null: tightest numeric/datetime widening, decimals, then string promotion. */
    public static DataType widerType(DataType a, DataType b) {
        DataType t = tightestCommonType(a, b);
        if (t != null) {
            return t;
        }
        t = widerDecimalType(a, b);
        if (t != null) {
            return t;
        }
        t = stringPromotion(a, b);
        if (t != null) {
            return t;
        }
        return complexType(a, b, false);
    }

    private static DataType tightestCommonType(DataType a, DataType b) {
        if (sameType(a, b)) {
            return mergeNullability(a, b);
        }
        if (a instanceof NullType) {
            return b;
        }
        if (b instanceof NullType) {
            return a;
        }
        if (a.isIntegral() && b instanceof DecimalType d && isWiderThan(d, DecimalType.forType(a))) {
            return d;
        }
        if (b.isIntegral() && a instanceof DecimalType d && isWiderThan(d, DecimalType.forType(b))) {
            return d;
        }
        if (a.isNumeric() && b.isNumeric() && !(a instanceof DecimalType) && !(b instanceof DecimalType)) {
            return numericRank(a) >= numericRank(b) ? a : b;
        }
        if (isDatetime(a) && isDatetime(b)) {
            return TimestampType.INSTANCE;
        }
        return complexType(a, b, true);
    }

    private static DataType widerDecimalType(DataType a, DataType b) {
        if (a instanceof DecimalType x && b instanceof DecimalType y) {
            return widerDecimal(x, y);
        }
        if (a.isIntegral() && b instanceof DecimalType y) {
            return widerDecimal(DecimalType.forType(a), y);
        }
        if (a instanceof DecimalType x && b.isIntegral()) {
            return widerDecimal(x, DecimalType.forType(b));
        }
        if ((a instanceof DecimalType && b instanceof DoubleType)
                || (a instanceof DoubleType && b instanceof DecimalType)) {
            return DoubleType.INSTANCE;
        }
        return null;
    }

    /** Spark's {@code widerDecimalType}: room for the larger integral part and the larger scale. */
    public static DecimalType widerDecimal(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        return DecimalType.bounded(range + scale, scale);
    }

    private static boolean isWiderThan(DecimalType wide, DecimalType narrow) {
        return wide.precision() - wide.scale() >= narrow.precision() - narrow.scale() && wide.scale() >= narrow.scale();
    }

    private static DataType stringPromotion(DataType a, DataType b) {
        if (b instanceof StringType && !(a instanceof StringType)) {
            return stringPromotion(b, a);
        }
        if (!(a instanceof StringType)) {
            return null;
        }
        if (b.isIntegral()) {
            return LongType.INSTANCE;
        }
        if (b instanceof DoubleType || b instanceof DecimalType) {
            return DoubleType.INSTANCE;
        }
        if (b instanceof NullType || isAtomic(b)) {
            return b instanceof NullType ? a : b;
        }
        return null;
    }

    private static DataType complexType(DataType a, DataType b, boolean tightest) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            DataType e = common(x.elementType(), y.elementType(), tightest);
            return e == null ? null : new ArrayType(e, x.containsNull() || y.containsNull());
        }
        if (a instanceof MapType x && b instanceof MapType y) {
            DataType k = common(x.keyType(), y.keyType(), tightest);
            DataType v = common(x.valueType(), y.valueType(), tightest);
            return k == null || v == null ? null : new MapType(k, v, x.valueContainsNull() || y.valueContainsNull());
        }
        if (a instanceof StructType x && b instanceof StructType y && x.size() == y.size()) {
            List<StructField> fields = new ArrayList<>(x.size());
            for (int i = 0; i < x.size(); i++) {
                StructField fx = x.field(i);
                StructField fy = y.field(i);
                if (!fx.name().equalsIgnoreCase(fy.name())) {
                    return null;
                }
                DataType f = common(fx.dataType(), fy.dataType(), tightest);
                if (f == null) {
                    return null;
                }
                fields.add(new StructField(fx.name(), f, fx.nullable() || fy.nullable()));
            }
            return new StructType(fields);
        }
        return null;
    }

    private static DataType common(DataType a, DataType b, boolean tightest) {
        return tightest ? tightestCommonType(a, b) : widerType(a, b);
    }

    private static DataType mergeNullability(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        DataType merged = complexType(a, b, true);
        return merged == null ? a : merged;
    }

    private static boolean isDatetime(DataType t) {
        return t instanceof DateType || t instanceof TimestampType;
    }

    private static int numericRank(DataType t) {
        if (t instanceof IntegerType) {
            return 0;
        }
        if (t instanceof LongType) {
            return 1;
        }
        return 2;
    }
}
