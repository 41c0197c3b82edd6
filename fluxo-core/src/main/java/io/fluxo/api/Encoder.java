package io.fluxo.api;

import io.fluxo.types.StructType;
import java.util.function.Function;

/**
 * How values of a Java type become rows of a schema and back: the state and the results of
 * {@code [flat]mapGroupsWithState}. Made by {@link Encoders}.
 *
 * @param <T> the Java type
 */
public final class Encoder<T> {
    private final StructType schema;
    private final Function<T, Object[]> toInternal;
    private final Function<Object[], T> fromInternal;

    Encoder(StructType schema, Function<T, Object[]> toInternal, Function<Object[], T> fromInternal) {
        this.schema = schema;
        this.toInternal = toInternal;
        this.fromInternal = fromInternal;
    }

    /** The columns a value becomes: {@code value} for a single value, the row's schema for rows. */
    public StructType schema() {
        return schema;
    }

    Object[] toInternal(T value) {
        return toInternal.apply(value);
    }

    T fromInternal(Object[] row) {
        return fromInternal.apply(row);
    }

    @Override
    public String toString() {
        return "Encoder<" + schema.toDDL() + ">";
    }
}
