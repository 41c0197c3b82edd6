package io.fluxo.exec.expr;

import io.fluxo.errors.InternalError;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.DateType;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.Intervals;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.types.YearMonthIntervalType;
import io.fluxo.vector.ArrayVector;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.BytesVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DecimalVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.IntVector;
import io.fluxo.vector.LongVector;
import io.fluxo.vector.MapVector;
import io.fluxo.vector.StructVector;
import java.time.ZoneId;

/**
 * Spark's text of a non-null value, as {@code CAST(x AS STRING)} writes it: doubles as Java prints them
 * ({@code 1.0}, {@code 1.0E10}), decimals plainly, dates and timestamps through {@link DateTimeUtils} in the session
 * zone, intervals in Spark's ANSI form ({@code INTERVAL '01:30' HOUR TO MINUTE}), binary as its raw bytes, and nested values as {@code [1, 2]}, {@code {a -> 1}}, {@code {1, x}} with
 * {@code null} for null elements.
 */
interface ValueFormatter {
    void append(Utf8Builder out, ColumnVector vector, int row);

    static ValueFormatter forType(DataType type, ZoneId zone) {
        if (type instanceof BooleanType) {
            return (out, v, i) -> out.append(((BooleanVector) v).get(i) ? "true" : "false");
        }
        if (type instanceof IntegerType) {
            return (out, v, i) -> out.append(((IntVector) v).get(i));
        }
        if (type instanceof LongType) {
            return (out, v, i) -> out.append(((LongVector) v).get(i));
        }
        if (type instanceof DoubleType) {
            return (out, v, i) -> out.append(Double.toString(((DoubleVector) v).get(i)));
        }
        if (type instanceof DecimalType d) {
            return (out, v, i) -> {
                DecimalVector dv = (DecimalVector) v;
                if (dv.isCompact()) {
                    out.appendDecimal(dv.unscaledValues()[i], d.scale());
                } else {
                    out.append(dv.getDecimal(i).toPlainString());
                }
            };
        }
        if (type instanceof StringType || type instanceof BinaryType) {
            return (out, v, i) -> {
                BytesVector b = (BytesVector) v;
                out.append(b.data(), b.start(i), b.length(i));
            };
        }
        if (type instanceof DateType) {
            return (out, v, i) -> out.append(DateTimeUtils.formatDate(((IntVector) v).get(i)));
        }
        if (type instanceof TimestampType) {
            return (out, v, i) -> out.append(DateTimeUtils.formatTimestamp(((LongVector) v).get(i), zone));
        }
        if (type instanceof DayTimeIntervalType dt) {
            return (out, v, i) -> out.append(Intervals.format(((LongVector) v).get(i), dt));
        }
        if (type instanceof YearMonthIntervalType ym) {
            return (out, v, i) -> out.append(Intervals.format(((IntVector) v).get(i), ym));
        }
        if (type instanceof NullType) {
            return (out, v, i) -> out.append("null");
        }
        if (type instanceof ArrayType a) {
            ValueFormatter element = forType(a.elementType(), zone);
            return (out, v, i) -> {
                ArrayVector av = (ArrayVector) v;
                ColumnVector elements = av.elements();
                out.append('[');
                for (int k = av.start(i); k < av.start(i) + av.length(i); k++) {
                    if (k > av.start(i)) {
                        out.append(", ");
                    }
                    appendOrNull(element, out, elements, k);
                }
                out.append(']');
            };
        }
        if (type instanceof MapType m) {
            ValueFormatter key = forType(m.keyType(), zone);
            ValueFormatter value = forType(m.valueType(), zone);
            return (out, v, i) -> {
                MapVector mv = (MapVector) v;
                out.append('{');
                for (int k = mv.start(i); k < mv.start(i) + mv.length(i); k++) {
                    if (k > mv.start(i)) {
                        out.append(", ");
                    }
                    appendOrNull(key, out, mv.keys(), k);
                    out.append(" -> ");
                    appendOrNull(value, out, mv.values(), k);
                }
                out.append('}');
            };
        }
        if (type instanceof StructType s) {
            ValueFormatter[] fields = new ValueFormatter[s.size()];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = forType(s.field(f).dataType(), zone);
            }
            return (out, v, i) -> {
                StructVector sv = (StructVector) v;
                out.append('{');
                for (int f = 0; f < fields.length; f++) {
                    if (f > 0) {
                        out.append(", ");
                    }
                    appendOrNull(fields[f], out, sv.field(f), i);
                }
                out.append('}');
            };
        }
        throw new InternalError("no text form for " + type.simpleString());
    }

    private static void appendOrNull(ValueFormatter f, Utf8Builder out, ColumnVector v, int row) {
        if (v.isNull(row)) {
            out.append("null");
        } else {
            f.append(out, v, row);
        }
    }
}
