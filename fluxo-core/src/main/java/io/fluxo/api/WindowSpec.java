package io.fluxo.api;

import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.plan.expr.WindowExpression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A window for {@link Column#over}, built as in Spark: {@code Window.partitionBy("a").orderBy("x")
 * .rowsBetween(Window.unboundedPreceding, Window.currentRow)}. Immutable: each call returns a new spec.
 */
public final class WindowSpec {
    private final List<Expression> partitionBy;
    private final List<Expression> orderBy;
    private final WindowExpression.Frame frame;

    WindowSpec(List<Expression> partitionBy, List<Expression> orderBy, WindowExpression.Frame frame) {
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
        this.frame = frame;
    }

    public WindowSpec partitionBy(String... columns) {
        return partitionBy(Arrays.stream(columns).map(functions::col).toArray(Column[]::new));
    }

    public WindowSpec partitionBy(Column... columns) {
        return new WindowSpec(Arrays.stream(columns).map(Column::expr).toList(), orderBy, frame);
    }

    public WindowSpec orderBy(String... columns) {
        return orderBy(Arrays.stream(columns).map(functions::col).toArray(Column[]::new));
    }

    /** Sort keys; a plain column sorts ascending, nulls first. */
    public WindowSpec orderBy(Column... columns) {
        List<Expression> order = new ArrayList<>();
        for (Column c : columns) {
            order.add(c.expr() instanceof SortOrder s ? s : SortOrder.asc(c.expr()));
        }
        return new WindowSpec(partitionBy, order, frame);
    }

    /** A frame of rows around the current one: {@code rowsBetween(-1, 1)}, {@code Window.unboundedPreceding}, … */
    public WindowSpec rowsBetween(long start, long end) {
        return new WindowSpec(partitionBy, orderBy, new WindowExpression.Frame(true, start, end));
    }

    /** A frame of peer groups; bounds are {@link Window#unboundedPreceding}, {@link Window#currentRow} or … following. */
    public WindowSpec rangeBetween(long start, long end) {
        if ((start != Window.unboundedPreceding && start != 0) || (end != Window.unboundedFollowing && end != 0)) {
            throw new io.fluxo.errors.AnalysisException("UNSUPPORTED_FEATURE", "RANGE frames with offsets are not "
                    + "supported yet: use rowsBetween, or unbounded and current-row bounds.");
        }
        return new WindowSpec(partitionBy, orderBy, new WindowExpression.Frame(false, start, end));
    }

    WindowExpression over(Expression function) {
        return new WindowExpression(function, partitionBy, orderBy,
                frame != null ? frame : WindowExpression.Frame.defaultFor(!orderBy.isEmpty()));
    }
}
