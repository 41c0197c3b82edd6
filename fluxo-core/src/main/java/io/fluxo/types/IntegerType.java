package io.fluxo.types;

public record IntegerType() implements DataType {
    public static final IntegerType INSTANCE = new IntegerType();

    @Override
    public String simpleString() {
        return "int";
    }

    @Override
    public String typeName() {
        return "integer";
    }

    @Override
    public String toString() {
        return "IntegerType";
    }
}
