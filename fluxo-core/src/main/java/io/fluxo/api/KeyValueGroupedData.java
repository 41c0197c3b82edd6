package io.fluxo.api;

import io.fluxo.function.GroupsWithStateFunction;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.logical.FlatMapGroupsWithState;
import io.fluxo.state.KeyedState;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code df.groupByKey(columns)}: rows grouped by key for arbitrary stateful processing with
 * {@link #mapGroupsWithState} and {@link #flatMapGroupsWithState}, Spark's {@code KeyValueGroupedDataset} in a form
 * for DataFrames: the key is a {@link Row} of the key columns, the values are the input's rows.
 */
public final class KeyValueGroupedData {
    private final DataFrame df;
    private final List<Expression> keys;
    /** The key row's columns: names and types of the keys. */
    private final List<AttributeReference> keyColumns;

    KeyValueGroupedData(DataFrame df, List<Expression> keys, List<AttributeReference> keyColumns) {
        this.df = df;
        this.keys = List.copyOf(keys);
        this.keyColumns = List.copyOf(keyColumns);
    }

    /** Without timeouts. */
    public <S, U> DataFrame mapGroupsWithState(MapGroupsWithStateFunction<S, U> function, Encoder<S> stateEncoder,
            Encoder<U> outputEncoder) {
        return mapGroupsWithState(function, stateEncoder, outputEncoder, GroupStateTimeout.NoTimeout());
    }

    /**
     * Calls {@code function} once per key with new rows (and once per key whose timeout expired) and produces one row
     * per call; on a stream, in update output mode.
     */
    public <S, U> DataFrame mapGroupsWithState(MapGroupsWithStateFunction<S, U> function, Encoder<S> stateEncoder,
            Encoder<U> outputEncoder, GroupStateTimeout timeout) {
        Objects.requireNonNull(function, "function is null");
        return build(adapt((key, values, state, out) -> out.add(function.call(key, values, state)), stateEncoder,
                outputEncoder), stateEncoder, outputEncoder, true, false, timeout);
    }

    /**
     * Calls {@code function} once per key with new rows (and once per key whose timeout expired) and produces the rows
     * it returns. {@code outputMode} says how the results are meant: {@code Append} (final rows; the query may run in
     * append mode and aggregate them further) or {@code Update}.
     */
    public <S, U> DataFrame flatMapGroupsWithState(FlatMapGroupsWithStateFunction<S, U> function,
            OutputMode outputMode, Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeout) {
        Objects.requireNonNull(function, "function is null");
        if (outputMode == OutputMode.COMPLETE) {
            throw new IllegalArgumentException("The output mode of function should be append or update");
        }
        return build(adapt((key, values, state, out) -> {
            Iterator<U> results = function.call(key, values, state);
            if (results != null) {
                results.forEachRemaining(out::add);
            }
        }, stateEncoder, outputEncoder), stateEncoder, outputEncoder, false, outputMode == OutputMode.APPEND,
                timeout);
    }

    private DataFrame build(GroupsWithStateFunction function, Encoder<?> stateEncoder, Encoder<?> outputEncoder,
            boolean mapGroups, boolean appendMode, GroupStateTimeout timeout) {
        List<AttributeReference> output = new ArrayList<>();
        for (StructField f : outputEncoder.schema().fields()) {
            output.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
        }
        return df.with(new FlatMapGroupsWithState(function, keys, output, stateEncoder.schema(), mapGroups,
                appendMode, timeout.kind(), df.logicalPlan(), null));
    }

    /** A user function over Java values, called with the engine's internal values. */
    private interface JavaCall<S, U> {
        void call(Row key, Iterator<Row> values, GroupState<S> state, List<U> out) throws Exception;
    }

    private <S, U> GroupsWithStateFunction adapt(JavaCall<S, U> call, Encoder<S> stateEncoder,
            Encoder<U> outputEncoder) {
        StructType keySchema = schemaOf(keyColumns);
        StructType valueSchema = schemaOf(df.logicalPlan().output());
        return (key, values, state, output) -> {
            Object[] externalKey = new Object[key.length];
            for (int i = 0; i < key.length; i++) {
                externalKey[i] = RowConverter.toExternal(key[i], keySchema.field(i).dataType());
            }
            Iterator<Row> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return values.hasNext();
                }

                @Override
                public Row next() {
                    Object[] v = values.next();
                    Object[] external = new Object[v.length];
                    for (int i = 0; i < v.length; i++) {
                        external[i] = RowConverter.toExternal(v[i], valueSchema.field(i).dataType());
                    }
                    return Row.withSchema(valueSchema, external);
                }
            };
            List<U> results = new ArrayList<>();
            try {
                call.call(Row.withSchema(keySchema, externalKey), rows, new JavaGroupState<>(state, stateEncoder),
                        results);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeException(e.getMessage(), e);
            }
            for (U r : results) {
                output.accept(outputEncoder.toInternal(r));
            }
        };
    }

    private static StructType schemaOf(List<AttributeReference> attributes) {
        StructType s = StructType.empty();
        for (AttributeReference a : attributes) {
            s = s.add(a.name(), a.dataType(), a.nullable());
        }
        return s;
    }

    /** {@link GroupState} over the engine's {@link KeyedState}, converting the state with its encoder. */
    private static final class JavaGroupState<S> implements GroupState<S> {
        private final KeyedState state;
        private final Encoder<S> encoder;

        JavaGroupState(KeyedState state, Encoder<S> encoder) {
            this.state = state;
            this.encoder = encoder;
        }

        @Override
        public boolean exists() {
            return state.exists();
        }

        @Override
        public S get() {
            return encoder.fromInternal(state.get());
        }

        @Override
        public Optional<S> getOption() {
            return state.exists() ? Optional.ofNullable(get()) : Optional.empty();
        }

        @Override
        public void update(S newState) {
            state.update(newState == null ? null : encoder.toInternal(newState));
        }

        @Override
        public void remove() {
            state.remove();
        }

        @Override
        public boolean hasTimedOut() {
            return state.hasTimedOut();
        }

        @Override
        public void setTimeoutDuration(long durationMs) {
            state.setTimeoutDuration(durationMs);
        }

        @Override
        public void setTimeoutDuration(String duration) {
            state.setTimeoutDuration(durationMs(duration));
        }

        @Override
        public void setTimeoutTimestamp(long timestampMs) {
            state.setTimeoutTimestamp(timestampMs);
        }

        @Override
        public void setTimeoutTimestamp(long timestampMs, String additionalDuration) {
            state.setTimeoutTimestamp(timestampMs + durationMs(additionalDuration));
        }

        @Override
        public long getCurrentWatermarkMs() {
            return state.getCurrentWatermarkMs();
        }

        @Override
        public long getCurrentProcessingTimeMs() {
            return state.getCurrentProcessingTimeMs();
        }

        private static long durationMs(String duration) {
            long micros = DateTimeUtils.parseIntervalMicros(duration);
            if (micros < 0) {
                throw new IllegalArgumentException("Provided duration (" + duration + ") is negative");
            }
            return micros / DateTimeUtils.MICROS_PER_MILLI;
        }

        @Override
        public String toString() {
            return state.exists() ? "GroupState(" + get() + ")" : "GroupState(<undefined>)";
        }
    }
}
