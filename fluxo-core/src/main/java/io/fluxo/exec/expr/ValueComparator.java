package io.fluxo.exec.expr;

import io.fluxo.errors.InternalError;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.StructVector;

/**
 * Spark's ordering of two non-null values of one type, row against row: NaN above every double and equal to
 * itself, -0.0 equal to 0.0, strings and binaries by unsigned bytes (code-point order for UTF-8), arrays and structs
 * lexicographically with null elements first. One virtual call per row: the kernels of primitive types do not use
 * it; complex types and the odd decimal mix do.
 */
public interface ValueComparator {
    int compare(ColumnVector left, int leftRow, ColumnVector right, int rightRow);

    static ValueComparator forType(DataType type) {
        if (type instanceof BooleanType) {
            return (l, i, r, j) -> Boolean.compare(((BooleanVector) l).get(i), ((BooleanVector) r).get(j));
        }
        if (type.isIntBacked()) {
            return (l, i, r, j) -> Integer.compare(((IntVector) l).get(i), ((IntVector) r).get(j));
        }
        if (type.isLongBacked()) {
            return (l, i, r, j) -> Long.compare(((LongVector) l).get(i), ((LongVector) r).get(j));
        }
        if (type instanceof DoubleType) {
            return (l, i, r, j) -> compareDoubles(((DoubleVector) l).get(i), ((DoubleVector) r).get(j));
        }
        if (type instanceof StringType || type instanceof BinaryType) {
            return (l, i, r, j) -> ((BytesVector) l).compare(i, (BytesVector) r, j);
        }
        if (type instanceof DecimalType) {
            return ValueComparator::compareDecimals;
        }
        if (type instanceof NullType) {
            return (l, i, r, j) -> 0;
        }
        if (type instanceof ArrayType a) {
            return arrays(forType(a.elementType()));
        }
        if (type instanceof StructType s) {
            ValueComparator[] fields = new ValueComparator[s.size()];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = forType(s.field(f).dataType());
            }
            return structs(fields);
        }
        throw new InternalError("values of type " + type.simpleString() + " are not comparable");
    }

    /** Spark's double order: equal when {@code ==} (so -0.0 = 0.0), else NaN greatest and equal to itself. */
    static int compareDoubles(double x, double y) {
        return x == y ? 0 : Double.compare(x, y);
    }

    private static int compareDecimals(ColumnVector l, int i, ColumnVector r, int j) {
        DecimalVector a = (DecimalVector) l;
        DecimalVector b = (DecimalVector) r;
        if (a.isCompact() && b.isCompact() && a.decimalType().scale() == b.decimalType().scale()) {
            return Long.compare(a.unscaledValues()[i], b.unscaledValues()[j]);
        }
        return a.getDecimal(i).compareTo(b.getDecimal(j));
    }

    private static ValueComparator arrays(ValueComparator element) {
        return (l, i, r, j) -> {
            ArrayVector a = (ArrayVector) l;
            ArrayVector b = (ArrayVector) r;
            int la = a.length(i);
            int lb = b.length(j);
            int sa = a.start(i);
            int sb = b.start(j);
            ColumnVector ea = a.elements();
            ColumnVector eb = b.elements();
            for (int k = 0; k < Math.min(la, lb); k++) {
                int c = compareNullsFirst(element, ea, sa + k, eb, sb + k);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(la, lb);
        };
    }

    private static ValueComparator structs(ValueComparator[] fields) {
        return (l, i, r, j) -> {
            StructVector a = (StructVector) l;
            StructVector b = (StructVector) r;
            for (int f = 0; f < fields.length; f++) {
                int c = compareNullsFirst(fields[f], a.field(f), i, b.field(f), j);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static int compareNullsFirst(ValueComparator c, ColumnVector a, int i, ColumnVector b, int j) {
        boolean na = a.isNull(i);
        boolean nb = b.isNull(j);
        if (na || nb) {
            return na == nb ? 0 : na ? -1 : 1;
        }
        return c.compare(a, i, b, j);
    }
}
