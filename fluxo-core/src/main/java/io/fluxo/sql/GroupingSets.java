package io.fluxo.sql;

import io.fluxo.function.FunctionRegistry;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.UnresolvedFunction;
import io.fluxo.sql.parser.SqlBaseParser.AggregationClauseContext;
import io.fluxo.sql.parser.SqlBaseParser.GroupByClauseContext;
import io.fluxo.sql.parser.SqlBaseParser.GroupingAnalyticsContext;
import io.fluxo.sql.parser.SqlBaseParser.GroupingElementContext;
import io.fluxo.sql.parser.SqlBaseParser.GroupingSetContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GROUP BY} with {@code ROLLUP}, {@code CUBE} and {@code GROUPING SETS}: the grouping sets a clause stands for
 * (several clauses multiply: {@code a, ROLLUP(b, c)} is {@code (a, b, c), (a, b), (a)}), and for each set the SELECT
 * (or HAVING) expressions with the columns left out of the set as NULL, {@code grouping(col)} as 0 or 1 and
 * {@code grouping_id()} as its bits. The query becomes a UNION ALL of one aggregation per set — what Spark's Expand
 * computes.
 */
final class GroupingSets {
    private final List<List<Expression>> sets;
    private final List<Expression> columns;
    private final boolean analytic;

    private GroupingSets(List<List<Expression>> sets, List<Expression> columns, boolean analytic) {
        this.sets = sets;
        this.columns = columns;
        this.analytic = analytic;
    }

    static GroupingSets of(AggregationClauseContext ctx, AstBuilder expressions) {
        List<List<Expression>> sets = List.of(List.of());
        boolean analytic = false;
        for (GroupByClauseContext clause : ctx.groupByClause()) {
            List<List<Expression>> these;
            if (clause.groupingAnalytics() != null) {
                analytic = true;
                these = analytics(clause.groupingAnalytics(), expressions);
            } else {
                these = List.of(List.of(expressions.expression(clause.expression())));
            }
            List<List<Expression>> product = new ArrayList<>();
            for (List<Expression> left : sets) {
                for (List<Expression> right : these) {
                    List<Expression> both = new ArrayList<>(left);
                    right.stream().filter(e -> !both.contains(e)).forEach(both::add);
                    product.add(both);
                }
            }
            sets = product;
        }
        List<Expression> columns = new ArrayList<>();
        for (List<Expression> set : sets) {
            set.stream().filter(e -> !columns.contains(e)).forEach(columns::add);
        }
        return new GroupingSets(sets, columns, analytic);
    }

    private static List<List<Expression>> analytics(GroupingAnalyticsContext ctx, AstBuilder expressions) {
        if (ctx.SETS() != null) {
            List<List<Expression>> out = new ArrayList<>();
            for (GroupingElementContext e : ctx.groupingElement()) {
                if (e.groupingAnalytics() != null) {
                    out.addAll(analytics(e.groupingAnalytics(), expressions));
                } else {
                    out.add(set(e.groupingSet(), expressions));
                }
            }
            return out;
        }
        List<List<Expression>> parts = new ArrayList<>();
        for (GroupingSetContext s : ctx.groupingSet()) {
            parts.add(set(s, expressions));
        }
        List<List<Expression>> out = new ArrayList<>();
        if (ctx.ROLLUP() != null) {
            for (int n = parts.size(); n >= 0; n--) {
                out.add(flatten(parts.subList(0, n)));
            }
        } else {
            // CUBE: every subset, largest first (Spark's order).
            int k = parts.size();
            for (int mask = (1 << k) - 1; mask >= 0; mask--) {
                List<List<Expression>> chosen = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    if ((mask & (1 << (k - 1 - i))) != 0) {
                        chosen.add(parts.get(i));
                    }
                }
                out.add(flatten(chosen));
            }
        }
        return out;
    }

    private static List<Expression> set(GroupingSetContext ctx, AstBuilder expressions) {
        return ctx.expression().size() == 1 && ctx.LEFT_PAREN() == null
                ? List.of(expressions.expression(ctx.expression(0))) : expressions.expressions(ctx.expression());
    }

    private static List<Expression> flatten(List<List<Expression>> parts) {
        List<Expression> out = new ArrayList<>();
        parts.forEach(p -> p.stream().filter(e -> !out.contains(e)).forEach(out::add));
        return out;
    }

    /** Whether the clause uses ROLLUP, CUBE or GROUPING SETS (else it is one plain grouping). */
    boolean analytic() {
        return analytic;
    }

    List<List<Expression>> sets() {
        return sets;
    }

    /** The plain grouping expressions (when not analytic). */
    List<Expression> single() {
        return sets.get(0);
    }

    /**
     * {@code e} as the aggregation of {@code set} computes it: grouping columns outside the set are NULL (except inside
     * aggregate function calls), {@code grouping(c)} is 1 when {@code c} is left out, {@code grouping_id()} the bits of
     * the left-out columns in GROUP BY order.
     */
    Expression forSet(Expression e, List<Expression> set) {
        if (e instanceof UnresolvedFunction f) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (name.equals("grouping") && f.arguments().size() == 1) {
                return Literal.of(set.contains(f.arguments().get(0)) ? 0 : 1);
            }
            if (name.equals("grouping_id") && f.arguments().isEmpty()) {
                long bits = 0;
                for (Expression c : columns) {
                    bits = bits << 1 | (set.contains(c) ? 0 : 1);
                }
                return Literal.of(bits);
            }
            if (FunctionRegistry.builtin().aggregate(name).isPresent()) {
                return e;
            }
        }
        if (columns.contains(e) && !set.contains(e)) {
            return Literal.NULL;
        }
        List<Expression> children = e.children();
        if (children.isEmpty()) {
            return e;
        }
        List<Expression> mapped = new ArrayList<>(children.size());
        for (Expression c : children) {
            mapped.add(forSet(c, set));
        }
        return mapped.equals(children) ? e : e.withNewChildren(mapped);
    }
}
