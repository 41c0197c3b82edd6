package io.fluxo.function.aggregate;

import io.fluxo.errors.AnalysisException;
import io.fluxo.function.AggregateFunction;
import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.function.aggregate.CentralMomentAggregator.Kind;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BinaryType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.LongType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Spark's built-in aggregate functions: count, count_if, sum, try_sum, avg, min, max, max_by, min_by, first, last,
 * collect_list, collect_set, approx_count_distinct, the variance and standard-deviation family, and bool_and/bool_or.
 * Binding checks the arguments as Spark's analyzer does (ANSI mode) and picks an aggregator specialised for the types.
 */
public final class AggregateFunctions {
    private static final DoubleType DOUBLE = DoubleType.INSTANCE;
    private static final LongType BIGINT = LongType.INSTANCE;
    private static final BooleanType BOOLEAN = BooleanType.INSTANCE;

    private AggregateFunctions() {
    }

    /** Registers every aggregate function (and its aliases) in {@code registry}. */
    public static void register(FunctionRegistry registry) {
        for (AggregateFunction f : all()) {
            registry.register(f);
        }
    }

    /** Every aggregate function this family provides. */
    public static List<AggregateFunction> all() {
        List<AggregateFunction> out = new ArrayList<>();
        out.add(named("count", List.of(), AggregateFunctions::bindCount));
        out.add(named("count_if", List.of(), AggregateFunctions::bindCountIf));
        out.add(named("sum", List.of(), (args, distinct) -> bindSum("sum", args, distinct, false)));
        out.add(named("try_sum", List.of(), (args, distinct) -> bindSum("try_sum", args, distinct, true)));
        out.add(named("avg", List.of("mean"), AggregateFunctions::bindAvg));
        out.add(named("min", List.of(), (args, distinct) -> bindExtremum("min", args, false)));
        out.add(named("max", List.of(), (args, distinct) -> bindExtremum("max", args, true)));
        out.add(named("max_by", List.of(), (args, distinct) -> bindExtremumBy("max_by", args, true)));
        out.add(named("min_by", List.of(), (args, distinct) -> bindExtremumBy("min_by", args, false)));
        out.add(named("first", List.of("first_value", "any_value"), (args, distinct) -> bindFirstLast("first", args, false)));
        out.add(named("last", List.of("last_value"), (args, distinct) -> bindFirstLast("last", args, true)));
        out.add(named("collect_list", List.of("array_agg"), AggregateFunctions::bindCollectList));
        out.add(named("collect_set", List.of(), (args, distinct) -> bindCollectSet(args)));
        out.add(named("approx_count_distinct", List.of(), (args, distinct) -> bindApproxCountDistinct(args)));
        out.add(named("stddev_samp", List.of("stddev", "std"),
                (args, distinct) -> bindMoment("stddev_samp", args, distinct, Kind.STDDEV_SAMP)));
        out.add(named("stddev_pop", List.of(),
                (args, distinct) -> bindMoment("stddev_pop", args, distinct, Kind.STDDEV_POP)));
        out.add(named("var_samp", List.of("variance"),
                (args, distinct) -> bindMoment("var_samp", args, distinct, Kind.VAR_SAMP)));
        out.add(named("var_pop", List.of(),
                (args, distinct) -> bindMoment("var_pop", args, distinct, Kind.VAR_POP)));
        out.add(named("bool_or", List.of("any", "some"), (args, distinct) -> bindBoolean("bool_or", args, true)));
        out.add(named("bool_and", List.of("every"), (args, distinct) -> bindBoolean("bool_and", args, false)));
        return out;
    }

    /** How a function binds its arguments. */
    @FunctionalInterface
    private interface Binder {
        BoundAggregateFunction bind(List<FunctionArg> args, boolean distinct);
    }

    private record Named(String name, List<String> aliases, Binder binder) implements AggregateFunction {
        Named {
            Objects.requireNonNull(name, "name is null");
            aliases = List.copyOf(aliases);
        }

        @Override
        public BoundAggregateFunction bind(List<FunctionArg> args, boolean distinct) {
            return binder.bind(List.copyOf(args), distinct);
        }
    }

    private static AggregateFunction named(String name, List<String> aliases, Binder binder) {
        return new Named(name, aliases, binder);
    }

    private static BoundAggregateFunction distinctIf(boolean distinct, BoundAggregateFunction bound) {
        return distinct ? DistinctAggregator.bind(bound) : bound;
    }

    private static void requireArgs(String function, List<FunctionArg> args, int min, int max) {
        int n = args.size();
        if (n < min || n > max) {
            String expected = min == max ? Integer.toString(min) : "[" + min + ", " + max + "]";
            throw AggregateErrors.wrongNumArgs(function, expected, n);
        }
    }

    private static List<DataType> types(List<FunctionArg> args) {
        List<DataType> out = new ArrayList<>(args.size());
        for (FunctionArg a : args) {
            out.add(a.type());
        }
        return out;
    }

    private static BoundAggregateFunction bindCount(List<FunctionArg> args, boolean distinct) {
        if (args.isEmpty()) {
            throw AggregateErrors.wrongNumArgs("count", ">= 1", 0);
        }
        BoundAggregate bound = new BoundAggregate(BIGINT, types(args), List.of(BIGINT), false,
                () -> new CountAggregator(false));
        return distinctIf(distinct, bound);
    }

    private static BoundAggregateFunction bindCountIf(List<FunctionArg> args, boolean distinct) {
        requireArgs("count_if", args, 1, 1);
        DataType t = args.get(0).type();
        if (!(t instanceof BooleanType || t instanceof NullType)) {
            throw AggregateErrors.unexpectedInputType("count_if", 0, "\"BOOLEAN\"", t);
        }
        BoundAggregate bound = new BoundAggregate(BIGINT, List.of(BOOLEAN), List.of(BIGINT), false,
                () -> new CountAggregator(true));
        return distinctIf(distinct, bound);
    }

    /** The type an argument of sum/avg must have: a number, or an untyped NULL (taken as DOUBLE). */
    private static DataType numericInput(String function, List<FunctionArg> args) {
        requireArgs(function, args, 1, 1);
        DataType t = args.get(0).type();
        if (!(t.isNumeric() || t instanceof NullType)) {
            throw AggregateErrors.unexpectedInputType(function, 0, AggregateErrors.NUMERIC_OR_INTERVAL, t);
        }
        return t;
    }

    /** sum, or try_sum ({@code nullOnOverflow}) whose overflowing integral and decimal sums are NULL. */
    private static BoundAggregateFunction bindSum(String function, List<FunctionArg> args, boolean distinct,
            boolean nullOnOverflow) {
        DataType t = numericInput(function, args);
        BoundAggregate bound;
        if (t.isIntegral() && nullOnOverflow) {
            bound = new BoundAggregate(BIGINT, List.of(BIGINT), List.of(BIGINT, BOOLEAN), true,
                    LongTrySumAggregator::new);
        } else if (t.isIntegral()) {
            bound = new BoundAggregate(BIGINT, List.of(BIGINT), List.of(BIGINT), true, LongSumAggregator::new);
        } else if (t instanceof DecimalType d) {
            DecimalType result = new DecimalType(Math.min(DecimalType.MAX_PRECISION, d.precision() + 10), d.scale());
            List<DataType> states = nullOnOverflow ? List.of(result, BOOLEAN) : List.of(result);
            bound = new BoundAggregate(result, List.of(d), states, true,
                    () -> new DecimalSumAggregator(nullOnOverflow));
        } else {
            bound = new BoundAggregate(DOUBLE, List.of(DOUBLE), List.of(DOUBLE), true, DoubleSumAggregator::new);
        }
        return distinctIf(distinct, bound);
    }

    private static BoundAggregateFunction bindAvg(List<FunctionArg> args, boolean distinct) {
        DataType t = numericInput("avg", args);
        BoundAggregate bound;
        if (t instanceof DecimalType d) {
            int max = DecimalType.MAX_PRECISION;
            DecimalType sumType = new DecimalType(Math.min(max, d.precision() + 10), d.scale());
            DecimalType result = new DecimalType(Math.min(max, d.precision() + 4), Math.min(max, d.scale() + 4));
            bound = new BoundAggregate(result, List.of(d), List.of(sumType, BIGINT), true,
                    () -> new DecimalAvgAggregator(sumType, result));
        } else {
            bound = new BoundAggregate(DOUBLE, List.of(DOUBLE), List.of(DOUBLE, BIGINT), true,
                    DoubleAvgAggregator::new);
        }
        return distinctIf(distinct, bound);
    }

    /** min/max ignore DISTINCT: the extreme of the distinct values is the extreme of all of them. */
    private static BoundAggregateFunction bindExtremum(String function, List<FunctionArg> args, boolean max) {
        requireArgs(function, args, 1, 1);
        DataType t = args.get(0).type();
        Supplier<GroupedAggregator> factory;
        if (t.isIntBacked() || t.isLongBacked() || t instanceof DecimalType d && d.isCompact()) {
            factory = () -> new LongExtremumAggregator(max);
        } else if (t instanceof DoubleType) {
            factory = () -> new DoubleExtremumAggregator(max);
        } else if (t instanceof BooleanType) {
            factory = () -> new BooleanAggregator(max);
        } else if (t instanceof StringType || t instanceof BinaryType) {
            factory = () -> new BytesExtremumAggregator(max);
        } else if (t.isOrderable()) {
            factory = () -> new ComparedExtremumAggregator(t, max);
        } else {
            throw AggregateErrors.invalidOrderingType(function, t);
        }
        return new BoundAggregate(t, List.of(t), List.of(t), true, factory);
    }

    private static BoundAggregateFunction bindExtremumBy(String function, List<FunctionArg> args, boolean max) {
        requireArgs(function, args, 2, 2);
        DataType value = args.get(0).type();
        DataType ordering = args.get(1).type();
        if (!ordering.isOrderable()) {
            throw AggregateErrors.invalidOrderingType(function, ordering);
        }
        return new BoundAggregate(value, List.of(value, ordering), List.of(value, ordering), true,
                () -> new ExtremumByAggregator(value, ordering, max));
    }

    /** first/last ignore DISTINCT: the first distinct value is the first value. */
    private static BoundAggregateFunction bindFirstLast(String function, List<FunctionArg> args, boolean last) {
        requireArgs(function, args, 1, 2);
        DataType t = args.get(0).type();
        boolean ignoreNulls = false;
        List<DataType> inputs = new ArrayList<>(List.of(t));
        if (args.size() == 2) {
            FunctionArg flag = args.get(1);
            if (!(flag.type() instanceof BooleanType)) {
                throw AggregateErrors.unexpectedInputType(function, 1, "\"BOOLEAN\"", flag.type());
            }
            if (!flag.constant() || flag.value() == null) {
                throw AggregateErrors.nonFoldableInput(function, "`ignoreNulls`", flag.type());
            }
            ignoreNulls = (Boolean) flag.value();
            inputs.add(BOOLEAN);
        }
        boolean ignore = ignoreNulls;
        return new BoundAggregate(t, inputs, List.of(t, BOOLEAN), true,
                () -> new FirstLastAggregator(t, last, ignore));
    }

    private static BoundAggregateFunction bindCollectList(List<FunctionArg> args, boolean distinct) {
        if (distinct) {
            return bindCollectSet(args);
        }
        requireArgs("collect_list", args, 1, 1);
        DataType t = args.get(0).type();
        ArrayType result = new ArrayType(t, false);
        return new BoundAggregate(result, List.of(t), List.of(result), false, () -> new CollectListAggregator(t));
    }

    private static BoundAggregateFunction bindCollectSet(List<FunctionArg> args) {
        requireArgs("collect_set", args, 1, 1);
        DataType t = args.get(0).type();
        if (t instanceof MapType) {
            throw AggregateErrors.unsupportedInputType("collect_set", t);
        }
        ArrayType result = new ArrayType(t, false);
        BoundAggregate list = new BoundAggregate(result, List.of(t), List.of(result), false,
                () -> new CollectListAggregator(t));
        return DistinctAggregator.bind(list);
    }

    private static BoundAggregateFunction bindApproxCountDistinct(List<FunctionArg> args) {
        requireArgs("approx_count_distinct", args, 1, 2);
        DataType t = args.get(0).type();
        double rsd = 0.05;
        List<DataType> inputs = new ArrayList<>(List.of(t));
        if (args.size() == 2) {
            FunctionArg arg = args.get(1);
            if (!arg.type().isNumeric()) {
                throw AggregateErrors.unexpectedInputType("approx_count_distinct", 1, "\"DOUBLE\"", arg.type());
            }
            if (!arg.constant() || arg.value() == null) {
                throw AggregateErrors.nonFoldableInput("approx_count_distinct", "`relativeSD`", arg.type());
            }
            rsd = ((Number) arg.value()).doubleValue();
            inputs.add(arg.type());
        }
        int precision = HyperLogLogPlusPlusAggregator.precisionFor(rsd);
        if (precision < 4 || Double.isNaN(rsd)) {
            throw new AnalysisException("INVALID_PARAMETER_VALUE.RELATIVE_SD",
                    "The value of parameter(s) `relativeSD` in `approx_count_distinct` is invalid: HLL++ requires at"
                            + " least 4 bits for addressing. Use a lower error, at most 39%.");
        }
        if (precision > 24) {
            throw new AnalysisException("INVALID_PARAMETER_VALUE.RELATIVE_SD",
                    "The value of parameter(s) `relativeSD` in `approx_count_distinct` is invalid: " + rsd
                            + " needs more than 2^24 registers per group.");
        }
        return new BoundAggregate(BIGINT, inputs, List.of(BinaryType.INSTANCE), false,
                () -> new HyperLogLogPlusPlusAggregator(t, precision));
    }

    private static BoundAggregateFunction bindMoment(String function, List<FunctionArg> args, boolean distinct,
            Kind kind) {
        requireArgs(function, args, 1, 1);
        DataType t = args.get(0).type();
        if (!(t.isNumeric() || t instanceof NullType)) {
            throw AggregateErrors.unexpectedInputType(function, 0, "\"DOUBLE\"", t);
        }
        BoundAggregate bound = new BoundAggregate(DOUBLE, List.of(DOUBLE), List.of(DOUBLE, DOUBLE, DOUBLE), true,
                () -> new CentralMomentAggregator(kind));
        return distinctIf(distinct, bound);
    }

    /** bool_and/bool_or ignore DISTINCT: AND and OR do not count repetitions. */
    private static BoundAggregateFunction bindBoolean(String function, List<FunctionArg> args, boolean or) {
        requireArgs(function, args, 1, 1);
        DataType t = args.get(0).type();
        if (!(t instanceof BooleanType || t instanceof NullType)) {
            throw AggregateErrors.unexpectedInputType(function, 0, "\"BOOLEAN\"", t);
        }
        return new BoundAggregate(BOOLEAN, List.of(BOOLEAN), List.of(BOOLEAN), true, () -> new BooleanAggregator(or));
    }
}
