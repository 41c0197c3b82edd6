package io.fluxo.function.scalar;

/** How a function's result nullability follows from its arguments' nullability. */
@FunctionalInterface
interface Nullability {
    /** Null when any argument may be (the default: nulls propagate). */
    Nullability ANY_ARG = args -> {
        for (boolean n : args) {
            if (n) {
                return true;
            }
        }
        return false;
    };
    /** Null only when every argument may be (coalesce). */
    Nullability ALL_ARGS = args -> {
        for (boolean n : args) {
            if (!n) {
                return false;
            }
        }
        return args.length > 0;
    };
    /** The function can return null for non-null input (an invalid value, a missing key). */
    Nullability ALWAYS = args -> true;
    /** The function never returns null (isnan, typeof, current_date). */
    Nullability NEVER = args -> false;

    boolean nullable(boolean[] argNullable);
}
