package io.fluxo.types;

import java.util.Objects;

public record MapType(DataType keyType, DataType valueType, boolean valueContainsNull) implements DataType {
    public MapType {
        Objects.requireNonNull(keyType, "keyType is null");
        Objects.requireNonNull(valueType, "valueType is null");
    }

    public MapType(DataType keyType, DataType valueType) {
        this(keyType, valueType, true);
    }

    @Override
    public String simpleString() {
        return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
    }

    @Override
    public String typeName() {
        return "map";
    }

    /** Upper-cases type names but keeps nested struct field names as they are. */
    @Override
    public String sql() {
        return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">";
    }
}
