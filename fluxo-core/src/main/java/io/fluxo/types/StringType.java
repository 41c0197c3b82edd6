package io.fluxo.types;

public record StringType() implements DataType {
    public static final StringType INSTANCE = new StringType();

    @Override
    public String simpleString() {
        return "string";
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public String toString() {
        return "StringType";
    }
}
