package io.fluxo.types;

public record BinaryType() implements DataType {
    public static final BinaryType INSTANCE = new BinaryType();

    @Override
    public String simpleString() {
        return "binary";
    }

    @Override
    public String typeName() {
        return "binary";
    }

    @Override
    public String toString() {
        return "BinaryType";
    }
}
