package io.fluxo.types;

import java.util.Objects;

public record ArrayType(DataType elementType, boolean containsNull) implements DataType {
    public ArrayType {
        Objects.requireNonNull(elementType, "elementType is null");
    }

    public ArrayType(DataType elementType) {
        this(elementType, true);
    }

    @Override
    public String simpleString() {
        return "array<" + elementType.simpleString() + ">";
    }

    @Override
    public String typeName() {
        return "array";
    }

    /** Upper-cases type names but keeps nested struct field names as they are. */
    @Override
    public String sql() {
        return "ARRAY<" + elementType.sql() + ">";
    }
}
