package io.fluxo.types;

public record DateType() implements DataType {
    public static final DateType INSTANCE = new DateType();

    @Override
    public String simpleString() {
        return "date";
    }

    @Override
    public String typeName() {
        return "date";
    }

    @Override
    public String toString() {
        return "DateType";
    }
}
