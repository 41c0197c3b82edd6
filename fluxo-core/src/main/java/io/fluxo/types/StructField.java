package io.fluxo.types;

import java.util.Objects;

public record StructField(String name, DataType dataType, boolean nullable) {
    public StructField {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(dataType, "dataType is null");
    }

    public StructField(String name, DataType dataType) {
        this(name, dataType, true);
    }

    /** DDL form with the name quoted only when it needs to be, e.g. {@code amount DOUBLE} or {@code `a b` INT}. */
    public String toDDL() {
        return StructType.quoteIfNeeded(name) + " " + dataType.sql() + (nullable ? "" : " NOT NULL");
    }
}
