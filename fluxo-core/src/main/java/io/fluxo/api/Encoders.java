package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@link Encoder}s: single values (a column named {@code value}, as Spark's primitive encoders) and rows of a
 * schema.
 */
public final class Encoders {
    private Encoders() {
    }

    public static Encoder<Long> LONG() {
        return single(DataTypes.LongType);
    }

    public static Encoder<Integer> INT() {
        return single(DataTypes.IntegerType);
    }

    public static Encoder<Double> DOUBLE() {
        return single(DataTypes.DoubleType);
    }

    public static Encoder<String> STRING() {
        return single(DataTypes.StringType);
    }

    public static Encoder<Boolean> BOOLEAN() {
        return single(DataTypes.BooleanType);
    }

    public static Encoder<Instant> INSTANT() {
        return single(DataTypes.TimestampType);
    }

    public static Encoder<LocalDate> LOCALDATE() {
        return single(DataTypes.DateType);
    }

    /** Rows of a DDL schema: {@code Encoders.row("user STRING, total BIGINT")}. */
    public static Encoder<Row> row(String ddl) {
        return row(SqlParser.parseTableSchema(ddl));
    }

    public static Encoder<Row> row(StructType schema) {
        return new Encoder<>(schema, row -> {
            if (row == null) {
                throw new AnalysisException("INVALID_ROW", "A null row cannot be encoded as " + schema.toDDL()
                        + "; return a Row of nulls instead.");
            }
            if (row.size() != schema.size()) {
                throw new AnalysisException("INVALID_ROW", "Row " + row + " has " + row.size()
                        + " values but the schema " + schema.toDDL() + " has " + schema.size() + " columns.");
            }
            Object[] out = new Object[schema.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = internal(row.get(i), schema, i);
            }
            return out;
        }, values -> {
            Object[] out = new Object[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = RowConverter.toExternal(values[i], schema.field(i).dataType());
            }
            return Row.withSchema(schema, out);
        });
    }

    private static <T> Encoder<T> single(DataType type) {
        StructType schema = StructType.empty().add("value", type, true);
        return new Encoder<>(schema, value -> new Object[] {internal(value, schema, 0)},
                values -> {
                    @SuppressWarnings("unchecked")
                    T value = (T) RowConverter.toExternal(values[0], type);
                    return value;
                });
    }

    private static Object internal(Object value, StructType schema, int field) {
        try {
            return RowConverter.toInternal(value, schema.field(field).dataType());
        } catch (ClassCastException e) {
            throw new AnalysisException("INVALID_ROW", "The value " + value + " (" + value.getClass().getSimpleName()
                    + ") does not fit column " + schema.field(field).name() + " "
                    + schema.field(field).dataType().sql() + ".");
        }
    }
}
