package io.fluxo.function.scalar;

import io.fluxo.errors.AnalysisException;
import io.fluxo.function.FunctionArg;
import io.fluxo.types.DataType;
import io.fluxo.types.DateType;
import io.fluxo.types.DecimalType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.TimestampType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One call being bound: the function's name and its arguments, with the checks binders share — implicit casts to a
 * parameter type (or an {@code UNEXPECTED_INPUT_TYPE} error naming the position), common types, and access to
 * constant argument values for preparation at bind time.
 */
final class Binding {
    private final String function;
    private final List<FunctionArg> args;

    Binding(String function, List<FunctionArg> args) {
        this.function = function;
        this.args = List.copyOf(args);
    }

    String function() {
        return function;
    }

    int count() {
        return args.size();
    }

    FunctionArg arg(int i) {
        return args.get(i);
    }

    DataType type(int i) {
        return args.get(i).type();
    }

    /** The argument types as given, for functions that take any type. */
    List<DataType> types() {
        List<DataType> out = new ArrayList<>(args.size());
        for (FunctionArg a : args) {
            out.add(a.type());
        }
        return out;
    }

    /** The type argument {@code i} is cast to for a parameter of type {@code target}; an error if it cannot be. */
    DataType expect(int i, DataType target) {
        DataType cast = ImplicitCasts.implicitCast(type(i), target);
        if (cast == null) {
            throw unexpectedType(i, FunctionErrors.quote(target));
        }
        return cast;
    }

    /** {@link #expect(int, DataType)} with the accepted types spelled out for the error message. */
    DataType expect(int i, DataType target, String requiredType) {
        DataType cast = ImplicitCasts.implicitCast(type(i), target);
        if (cast == null) {
            throw unexpectedType(i, requiredType);
        }
        return cast;
    }

    /** Like Spark's TypeCollection: the argument's own type if listed, else the first listed type it casts to. */
    DataType expectOneOf(int i, DataType... targets) {
        DataType t = type(i);
        for (DataType target : targets) {
            if (ImplicitCasts.sameType(t, target)) {
                return t;
            }
        }
        if (!(t instanceof NullType)) {
            for (DataType target : targets) {
                DataType cast = ImplicitCasts.implicitCast(t, target);
                if (cast != null) {
                    return cast;
                }
            }
        } else {
            return targets[0];
        }
        throw unexpectedType(i, Arrays.stream(targets).map(FunctionErrors::quote)
                .collect(Collectors.joining(" or ", "(", ")")));
    }

    /** Any numeric type as is; STRING and NULL become DOUBLE (Spark's NumericType parameter). */
    DataType expectNumeric(int i) {
        DataType t = type(i);
        if (t.isNumeric()) {
            return t;
        }
        if (t instanceof StringType || t instanceof NullType) {
            return DoubleType.INSTANCE;
        }
        throw unexpectedType(i, "\"NUMERIC\"");
    }

    /** Any decimal as is; integral types to their exact decimal; STRING and DOUBLE to DECIMAL(38,18). */
    DataType expectDecimal(int i) {
        DataType t = type(i);
        if (t instanceof DecimalType) {
            return t;
        }
        if (t.isIntegral()) {
            return DecimalType.forType(t);
        }
        if (t instanceof StringType || t instanceof NullType || t instanceof DoubleType) {
            return DecimalType.SYSTEM_DEFAULT;
        }
        throw unexpectedType(i, "\"DECIMAL\"");
    }

    /** DATE; a TIMESTAMP is cast to its date in the session zone, as Spark does for date-field functions. */
    DataType expectDate(int i) {
        return type(i) instanceof TimestampType ? DateType.INSTANCE : expect(i, DateType.INSTANCE);
    }

    /** The common type of the given arguments, or a {@code DATA_DIFF_TYPES} error listing them. */
    DataType commonType(int... indexes) {
        List<DataType> ts = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            ts.add(type(i));
        }
        DataType common = ImplicitCasts.widerCommonType(ts);
        if (common == null) {
            throw FunctionErrors.dataDiffTypes(function, ts);
        }
        return common;
    }

    /** The common type of arguments {@code [from, to)}. */
    DataType commonTypeOfRange(int from, int to) {
        int[] idx = new int[to - from];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = from + k;
        }
        return commonType(idx);
    }

    boolean isConstant(int i) {
        return args.get(i).constant();
    }

    /** The constant value (internal form, of the argument's own type), or null when not constant or NULL. */
    Object constant(int i) {
        FunctionArg a = args.get(i);
        return a.constant() ? a.value() : null;
    }

    /**
     * A constant argument's value as text when it is a non-null STRING, BINARY or integral constant; null otherwise,
     * so the caller falls back to per-row handling.
     */
    String constantString(int i) {
        Object v = constant(i);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    /** A constant integral argument (or numeric text) as an int; null when not constant, NULL or out of range. */
    Integer constantInt(int i) {
        Object v = constant(i);
        if (v instanceof Integer n) {
            return n;
        }
        if (v instanceof Long n && n == (int) n.longValue()) {
            return (int) n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    AnalysisException unexpectedType(int i, String requiredType) {
        return FunctionErrors.unexpectedInputType(function, i, requiredType, type(i));
    }
}
