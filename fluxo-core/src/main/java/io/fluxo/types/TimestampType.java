package io.fluxo.types;

public record TimestampType() implements DataType {
    public static final TimestampType INSTANCE = new TimestampType();

    @Override
    public String simpleString() {
        return "timestamp";
    }

    @Override
    public String typeName() {
        return "timestamp";
    }

    @Override
    public String toString() {
        return "TimestampType";
    }
}
