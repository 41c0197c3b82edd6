package io.fluxo.types;

public record BooleanType() implements DataType {
    public static final BooleanType INSTANCE = new BooleanType();

    @Override
    public String simpleString() {
        return "boolean";
    }

    @Override
    public String typeName() {
        return "boolean";
    }

    @Override
    public String toString() {
        return "BooleanType";
    }
}
