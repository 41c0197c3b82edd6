package io.fluxo.types;

public record DoubleType() implements DataType {
    public static final DoubleType INSTANCE = new DoubleType();

    @Override
    public String simpleString() {
        return "double";
    }

    @Override
    public String typeName() {
        return "double";
    }

    @Override
    public String toString() {
        return "DoubleType";
    }
}
