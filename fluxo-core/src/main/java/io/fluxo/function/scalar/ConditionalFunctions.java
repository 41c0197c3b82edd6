package io.fluxo.function.scalar;

import io.fluxo.function.FunctionRegistry;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.MapType;
import io.fluxo.vector.BooleanVector;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * NULL helpers and conditionals: coalesce, ifnull/nvl, nvl2, nullif, if, isnan, nanvl, isnull, isnotnull. Branches
 * share one type (Spark's ANSI common type), and the result is built by picking rows from the branch vectors.
 */
public final class ConditionalFunctions {
    private static final DataType BOOLEAN = BooleanType.INSTANCE;
    private static final DataType DOUBLE = DoubleType.INSTANCE;

    private ConditionalFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(FunctionDefinition.of("coalesce", 1, FunctionDefinition.VARARGS,
                ConditionalFunctions::bindCoalesce));
        registry.register(FunctionDefinition.of("ifnull", 2, 2, ConditionalFunctions::bindCoalesce)
                .withAliases("nvl"));
        registry.register(FunctionDefinition.of("nvl2", 3, 3, ConditionalFunctions::bindNvl2));
        registry.register(FunctionDefinition.of("nullif", 2, 2, ConditionalFunctions::bindNullIf));
        registry.register(FunctionDefinition.of("if", 3, 3, ConditionalFunctions::bindIf));
        registry.register(FunctionDefinition.of("isnan", 1, 1, b -> BoundFunction.of(BOOLEAN,
                List.of(b.expect(0, DOUBLE)), (a, n, c) -> isNaN((DoubleVector) a[0], n))
                .withNullability(Nullability.NEVER)));
        registry.register(FunctionDefinition.of("nanvl", 2, 2, ConditionalFunctions::bindNanvl));
        registry.register(FunctionDefinition.of("isnull", 1, 1, b -> bindIsNull(b, true)));
        registry.register(FunctionDefinition.of("isnotnull", 1, 1, b -> bindIsNull(b, false)));
    }

    private static BoundFunction bindCoalesce(Binding b) {
        DataType common = b.commonTypeOfRange(0, b.count());
        List<DataType> inputs = new ArrayList<>(Collections.nCopies(b.count(), common));
        return BoundFunction.of(common, inputs, (a, n, c) -> {
            if (!a[0].hasNulls()) {
                return a[0];
            }
            int[] which = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                int k = 0;
                while (k < a.length && a[k].isNull(i)) {
                    k++;
                }
                which[i] = k < a.length ? k : -1;
            }
            return RowSelection.select(common, a, which, n);
        }).withNullability(Nullability.ALL_ARGS);
    }

    private static BoundFunction bindNvl2(Binding b) {
        DataType common = b.commonType(1, 2);
        return BoundFunction.of(common, List.of(b.type(0), common, common), (a, n, c) -> {
            int[] which = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                which[i] = a[0].isNull(i) ? 1 : 0;
            }
            return RowSelection.select(common, new ColumnVector[] {a[1], a[2]}, which, n);
        }).withNullability(args -> args[1] || args[2]);
    }

    /** Spark's nullif(a, b): NULL when {@code a = b}, else {@code a}; both compared at their common type. */
    private static BoundFunction bindNullIf(Binding b) {
        DataType common = b.commonType(0, 1);
        if (common instanceof MapType) {
            throw FunctionErrors.typeMismatch(b.function(), "INVALID_ORDERING_TYPE", "The `" + b.function()
                    + "` does not support ordering on type " + FunctionErrors.quote(common) + ".");
        }
        return BoundFunction.of(common, List.of(common, common), (a, n, c) -> {
            int[] which = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                boolean equal = !a[0].isNull(i) && !a[1].isNull(i) && ValueOrdering.equal(a[0], i, a[1], i);
                which[i] = equal ? -1 : 0;
            }
            return RowSelection.select(common, new ColumnVector[] {a[0]}, which, n);
        }).withNullability(Nullability.ALWAYS);
    }

    private static BoundFunction bindIf(Binding b) {
        DataType cond = b.expect(0, BOOLEAN);
        DataType common = b.commonType(1, 2);
        return BoundFunction.of(common, List.of(cond, common, common), (a, n, c) -> {
            BooleanVector predicate = (BooleanVector) a[0];
            boolean[] values = predicate.values();
            boolean[] nulls = predicate.nulls();
            int[] which = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                which[i] = values[i] && (nulls == null || !nulls[i]) ? 0 : 1;
            }
            return RowSelection.select(common, new ColumnVector[] {a[1], a[2]}, which, n);
        }).withNullability(args -> args[1] || args[2]);
    }

    private static ColumnVector isNaN(DoubleVector in, int n) {
        double[] x = in.values();
        boolean[] nulls = in.nulls();
        boolean[] out = new boolean[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            out[i] = Double.isNaN(x[i]) && (nulls == null || !nulls[i]);
        }
        return BooleanVector.wrap(out, n, null);
    }

    private static BoundFunction bindNanvl(Binding b) {
        return BoundFunction.of(DOUBLE, List.of(b.expect(0, DOUBLE), b.expect(1, DOUBLE)), (a, n, c) -> {
            double[] x = ((DoubleVector) a[0]).values();
            int[] which = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                which[i] = a[0].isNull(i) ? -1 : (Double.isNaN(x[i]) ? 1 : 0);
            }
            return RowSelection.select(DOUBLE, a, which, n);
        });
    }

    private static BoundFunction bindIsNull(Binding b, boolean wantNull) {
        return BoundFunction.of(BOOLEAN, List.of(b.type(0)), (a, n, c) -> {
            boolean[] out = new boolean[Math.max(n, 1)];
            boolean[] nulls = a[0].nulls();
            if (nulls != null) {
                System.arraycopy(nulls, 0, out, 0, n);
            }
            if (!wantNull) {
                for (int i = 0; i < n; i++) {
                    out[i] = !out[i];
                }
            }
            Arrays.fill(out, n, out.length, false);
            return BooleanVector.wrap(out, n, null);
        }).withNullability(Nullability.NEVER);
    }
}
