package io.fluxo.api;

import io.fluxo.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a result, with Java values: Boolean, Integer, Long, Double, BigDecimal, String, byte[], LocalDate (DATE),
 * Instant (TIMESTAMP), List (ARRAY), Map (MAP) and Row (STRUCT); null for SQL NULL. Rows are what actions return;
 * the engine itself works on column batches, never on rows.
 */
public final class Row {
    private final Object[] values;
    private final StructType schema;

    private Row(Object[] values, StructType schema) {
        this.values = values;
        this.schema = schema;
    }

    /** A row without a schema, as {@code RowFactory.create} in Spark; fields are addressed by position. */
    public static Row of(Object... values) {
        return new Row(values.clone(), null);
    }

    public static Row withSchema(StructType schema, Object... values) {
        if (schema.size() != values.length) {
            throw new IllegalArgumentException("schema has " + schema.size() + " fields, row has " + values.length);
        }
        return new Row(values.clone(), schema);
    }

    /** The schema, if the row came from a DataFrame; {@code null} for rows made with {@link #of}. */
    public StructType schema() {
        return schema;
    }

    public int size() {
        return values.length;
    }

    public int length() {
        return values.length;
    }

    public Object get(int i) {
        return values[i];
    }

    public boolean isNullAt(int i) {
        return values[i] == null;
    }

    public int fieldIndex(String name) {
        if (schema == null) {
            throw new UnsupportedOperationException("fieldIndex on a Row without schema is undefined");
        }
        int i = schema.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("Field \"" + name + "\" does not exist. Available fields: "
                    + schema.fieldNames());
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    public <T> T getAs(int i) {
        return (T) values[i];
    }

    @SuppressWarnings("unchecked")
    public <T> T getAs(String name) {
        return (T) values[fieldIndex(name)];
    }

    public boolean getBoolean(int i) {
        return (Boolean) nonNull(i);
    }

    public int getInt(int i) {
        return ((Number) nonNull(i)).intValue();
    }

    public long getLong(int i) {
        return ((Number) nonNull(i)).longValue();
    }

    public double getDouble(int i) {
        return ((Number) nonNull(i)).doubleValue();
    }

    public String getString(int i) {
        return (String) values[i];
    }

    public BigDecimal getDecimal(int i) {
        return (BigDecimal) values[i];
    }

    public LocalDate getLocalDate(int i) {
        return (LocalDate) values[i];
    }

    public Instant getInstant(int i) {
        return (Instant) values[i];
    }

    public <T> List<T> getList(int i) {
        return getAs(i);
    }

    public <K, V> Map<K, V> getJavaMap(int i) {
        return getAs(i);
    }

    public Row getStruct(int i) {
        return (Row) values[i];
    }

    private Object nonNull(int i) {
        Object v = values[i];
        if (v == null) {
            throw new NullPointerException("Value at index " + i + " is null");
        }
        return v;
    }

    /** The values as a list (a copy). */
    public List<Object> toList() {
        return Arrays.asList(values.clone());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Row other) || other.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = other.values[i];
            if (a instanceof byte[] x && b instanceof byte[] y) {
                if (!Arrays.equals(x, y)) {
                    return false;
                }
            } else if (!Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    /** Spark's form: {@code [1,alice,null]}. */
    @Override
    public String toString() {
        return Arrays.stream(values).map(v -> v == null ? "null" : v instanceof byte[] b ? Arrays.toString(b)
                : v.toString()).collect(Collectors.joining(",", "[", "]"));
    }
}
