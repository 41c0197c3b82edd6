package io.fluxo.types;

public record LongType() implements DataType {
    public static final LongType INSTANCE = new LongType();

    @Override
    public String simpleString() {
        return "bigint";
    }

    @Override
    public String typeName() {
        return "long";
    }

    @Override
    public String toString() {
        return "LongType";
    }
}
