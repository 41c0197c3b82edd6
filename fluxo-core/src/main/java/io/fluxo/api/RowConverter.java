package io.fluxo.api;

import io.fluxo.types.ArrayType;
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
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import io.fluxo.types.YearMonthIntervalType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Moves values between rows (Java types users see) and column vectors (internal forms); only at the API's edge. */
final class RowConverter {
    private RowConverter() {
    }

    static List<Row> toRows(List<ColumnBatch> batches, StructType schema) {
        List<Row> rows = new ArrayList<>();
        for (ColumnBatch b : batches) {
            for (int r = 0; r < b.numRows(); r++) {
                Object[] values = new Object[schema.size()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = toExternal(b.column(c).getObject(r), schema.field(c).dataType());
                }
                rows.add(Row.withSchema(schema, values));
            }
        }
        return rows;
    }

    static Object toExternal(Object internal, DataType type) {
        if (internal == null) {
            return null;
        }
        if (type instanceof DateType) {
            return DateTimeUtils.toLocalDate((Integer) internal);
        }
        if (type instanceof TimestampType) {
            return DateTimeUtils.toInstant((Long) internal);
        }
        if (type instanceof DayTimeIntervalType) {
            return Intervals.toDuration((Long) internal);
        }
        if (type instanceof YearMonthIntervalType) {
            return Intervals.toPeriod((Integer) internal);
        }
        if (type instanceof ArrayType a) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) internal) {
                out.add(toExternal(e, a.elementType()));
            }
            return out;
        }
        if (type instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) internal).entrySet()) {
                out.put(toExternal(e.getKey(), m.keyType()), toExternal(e.getValue(), m.valueType()));
            }
            return out;
        }
        if (type instanceof StructType s) {
            Object[] fields = (Object[]) internal;
            Object[] out = new Object[fields.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = toExternal(fields[i], s.field(i).dataType());
            }
            return Row.withSchema(s, out);
        }
        return internal;
    }

    static Object toInternal(Object external, DataType type) {
        if (external == null) {
            return null;
        }
        if (type instanceof DateType) {
            if (external instanceof LocalDate d) {
                return DateTimeUtils.toDays(d);
            }
            if (external instanceof java.sql.Date d) {
                return DateTimeUtils.toDays(d.toLocalDate());
            }
            return ((Number) external).intValue();
        }
        if (type instanceof TimestampType) {
            if (external instanceof Instant i) {
                return DateTimeUtils.toMicros(i);
            }
            if (external instanceof java.sql.Timestamp t) {
                return DateTimeUtils.toMicros(t.toInstant());
            }
            return ((Number) external).longValue();
        }
        if (type instanceof DayTimeIntervalType) {
            return external instanceof java.time.Duration d ? Intervals.toMicros(d) : ((Number) external).longValue();
        }
        if (type instanceof YearMonthIntervalType) {
            return external instanceof java.time.Period p ? Intervals.toMonths(p) : ((Number) external).intValue();
        }
        if (type instanceof IntegerType) {
            return ((Number) external).intValue();
        }
        if (type instanceof LongType) {
            return ((Number) external).longValue();
        }
        if (type instanceof DoubleType) {
            return ((Number) external).doubleValue();
        }
        if (type instanceof DecimalType) {
            return external instanceof BigDecimal b ? b : new BigDecimal(external.toString());
        }
        if (type instanceof ArrayType a) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) external) {
                out.add(toInternal(e, a.elementType()));
            }
            return out;
        }
        if (type instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) external).entrySet()) {
                out.put(toInternal(e.getKey(), m.keyType()), toInternal(e.getValue(), m.valueType()));
            }
            return out;
        }
        if (type instanceof StructType s) {
            Object[] out = new Object[s.size()];
            for (int i = 0; i < out.length; i++) {
                Object field = external instanceof Row r ? r.get(i) : ((Object[]) external)[i];
                out[i] = toInternal(field, s.field(i).dataType());
            }
            return out;
        }
        return external;
    }

    static List<ColumnBatch> toBatches(List<Row> rows, StructType schema) {
        List<ColumnBatch> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ColumnBatch.DEFAULT_SIZE) {
            int n = Math.min(ColumnBatch.DEFAULT_SIZE, rows.size() - from);
            ColumnVector[] cols = new ColumnVector[schema.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = ColumnVector.allocate(schema.field(c).dataType(), n);
            }
            for (int r = 0; r < n; r++) {
                Row row = rows.get(from + r);
                if (row.size() != cols.length) {
                    throw new io.fluxo.errors.AnalysisException("INVALID_ROW", "Row " + row + " has " + row.size()
                            + " values but the schema " + schema.toDDL() + " has " + cols.length + " columns.");
                }
                for (int c = 0; c < cols.length; c++) {
                    cols[c].appendObject(toInternal(row.get(c), schema.field(c).dataType()));
                }
            }
            batches.add(new ColumnBatch(cols, n));
        }
        return batches;
    }
}
