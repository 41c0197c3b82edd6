package io.fluxo.plan.expr;

import io.fluxo.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code function OVER (PARTITION BY … ORDER BY … frame)}: a value per row computed over the rows of its partition,
 * in order, within its frame. {@code function} is an aggregate call or a {@link WindowFunction}.
 */
public record WindowExpression(Expression function, List<Expression> partitionBy, List<Expression> orderBy,
        Frame frame) implements Expression {

    /**
     * Rows (or, {@code rows == false}, peer groups of equal ORDER BY values) from {@code start} to {@code end} relative
     * to the current row: negative is preceding, 0 the current row, {@link #UNBOUNDED_PRECEDING} and
     * {@link #UNBOUNDED_FOLLOWING} the partition's ends.
     */
    public record Frame(boolean rows, long start, long end) {
        public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
        public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;

        /** Spark's default: with ORDER BY, from the start to the current row and its peers; else the partition. */
        public static Frame defaultFor(boolean ordered) {
            return ordered ? new Frame(false, UNBOUNDED_PRECEDING, 0)
                    : new Frame(true, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
        }

        String sql() {
            return (rows ? "ROWS" : "RANGE") + " BETWEEN " + bound(start) + " AND " + bound(end);
        }

        private static String bound(long b) {
            if (b == UNBOUNDED_PRECEDING) {
                return "UNBOUNDED PRECEDING";
            }
            if (b == UNBOUNDED_FOLLOWING) {
                return "UNBOUNDED FOLLOWING";
            }
            if (b == 0) {
                return "CURRENT ROW";
            }
            return b < 0 ? -b + " PRECEDING" : b + " FOLLOWING";
        }
    }

    public WindowExpression {
        Objects.requireNonNull(function, "function is null");
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(frame, "frame is null");
    }

    @Override
    public List<Expression> children() {
        List<Expression> out = new ArrayList<>();
        out.add(function);
        out.addAll(partitionBy);
        out.addAll(orderBy);
        return out;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        int p = partitionBy.size();
        return new WindowExpression(children.get(0), children.subList(1, 1 + p), children.subList(1 + p,
                children.size()), frame);
    }

    @Override
    public DataType dataType() {
        return function.dataType();
    }

    /** Computed per row over other rows: never a constant. */
    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    /** Spark's name: {@code rank() OVER (PARTITION BY a ORDER BY b ASC NULLS FIRST ROWS BETWEEN …)}. */
    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder(function.sql()).append(" OVER (");
        if (!partitionBy.isEmpty()) {
            sb.append("PARTITION BY ").append(partitionBy.stream().map(Expression::sql)
                    .collect(Collectors.joining(", "))).append(' ');
        }
        if (!orderBy.isEmpty()) {
            sb.append("ORDER BY ").append(orderBy.stream().map(Expression::sql).collect(Collectors.joining(", ")))
                    .append(' ');
        }
        return sb.append(frame.sql()).append(')').toString();
    }
}
