package io.fluxo.api;

import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.plan.expr.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code df.groupBy(...)}: the aggregations to run per group. The result has the grouping columns, then the aggregates. */
public final class GroupedData {
    private final DataFrame df;
    private final List<Expression> grouping;

    GroupedData(DataFrame df, List<Expression> grouping) {
        this.df = df;
        this.grouping = List.copyOf(grouping);
    }

    public DataFrame agg(Column first, Column... rest) {
        List<Expression> aggs = new ArrayList<>();
        aggs.add(first.expr());
        for (Column c : rest) {
            aggs.add(c.expr());
        }
        return df.aggregate(grouping, aggs);
    }

    /** {@code agg(Map.of("amount", "sum", "*", "count"))}: column name to aggregate function name. */
    public DataFrame agg(Map<String, String> exprs) {
        List<Expression> aggs = new ArrayList<>();
        exprs.forEach((column, fn) -> aggs.add(call(fn, column)));
        return df.aggregate(grouping, aggs);
    }

    private static Expression call(String fn, String column) {
        Expression arg = column.equals("*") ? Literal.of(1) : UnresolvedAttribute.quoted(column);
        return new UnresolvedFunction(fn, List.of(arg), false);
    }

    /** Rows per group, in a column named {@code count}. */
    public DataFrame count() {
        return df.aggregate(grouping, List.of(Alias.of(new UnresolvedFunction("count", List.of(Literal.of(1)), false),
                "count")));
    }

    public DataFrame sum(String... columns) {
        return each("sum", columns);
    }

    public DataFrame avg(String... columns) {
        return each("avg", columns);
    }

    public DataFrame mean(String... columns) {
        return each("avg", columns);
    }

    public DataFrame min(String... columns) {
        return each("min", columns);
    }

    public DataFrame max(String... columns) {
        return each("max", columns);
    }

    private DataFrame each(String fn, String... columns) {
        List<Expression> aggs = new ArrayList<>();
        for (String c : columns) {
            aggs.add(call(fn, c));
        }
        return df.aggregate(grouping, aggs);
    }
}
