package io.fluxo.types;

public record NullType() implements DataType {
    public static final NullType INSTANCE = new NullType();

    @Override
    public String simpleString() {
        return "void";
    }

    @Override
    public String typeName() {
        return "void";
    }

    @Override
    public String toString() {
        return "NullType";
    }
}
