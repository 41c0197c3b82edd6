package io.fluxo.api;

import io.fluxo.plan.expr.WindowExpression;
import java.util.List;

/** Starts a {@link WindowSpec}, as Spark's {@code Window}: {@code Window.partitionBy("user").orderBy("ts")}. */
public final class Window {
    public static final long unboundedPreceding = WindowExpression.Frame.UNBOUNDED_PRECEDING;
    public static final long unboundedFollowing = WindowExpression.Frame.UNBOUNDED_FOLLOWING;
    public static final long currentRow = 0;

    private Window() {
    }

    private static WindowSpec empty() {
        return new WindowSpec(List.of(), List.of(), null);
    }

    public static WindowSpec partitionBy(String... columns) {
        return empty().partitionBy(columns);
    }

    public static WindowSpec partitionBy(Column... columns) {
        return empty().partitionBy(columns);
    }

    public static WindowSpec orderBy(String... columns) {
        return empty().orderBy(columns);
    }

    public static WindowSpec orderBy(Column... columns) {
        return empty().orderBy(columns);
    }
}
