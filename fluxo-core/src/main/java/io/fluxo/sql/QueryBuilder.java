package io.fluxo.sql;

import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Distinct;
import io.fluxo.plan.logical.EventTimeWatermark;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.JoinType;
import io.fluxo.plan.logical.Limit;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.PredicateSubquery;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.Range;
import io.fluxo.plan.logical.SetOperation;
import io.fluxo.plan.logical.Sort;
import io.fluxo.plan.logical.StreamingRead;
import io.fluxo.plan.logical.SubqueryAlias;
import io.fluxo.plan.logical.Union;
import io.fluxo.plan.logical.UnresolvedFileRead;
import io.fluxo.plan.logical.UnresolvedRelation;
import io.fluxo.sql.parser.SqlBaseParser.AliasedQueryContext;
import io.fluxo.sql.parser.SqlBaseParser.AliasedRelationContext;
import io.fluxo.sql.parser.SqlBaseParser.BooleanExpressionContext;
import io.fluxo.sql.parser.SqlBaseParser.ExistsContext;
import io.fluxo.sql.parser.SqlBaseParser.LogicalBinaryContext;
import io.fluxo.sql.parser.SqlBaseParser.LogicalNotContext;
import io.fluxo.sql.parser.SqlBaseParser.ParenthesizedExpressionContext;
import io.fluxo.sql.parser.SqlBaseParser.PredicatedContext;
import io.fluxo.sql.parser.SqlBaseParser.ValueExpressionDefaultContext;
import io.fluxo.sql.parser.SqlBaseParser.FunctionTableArgumentContext;
import io.fluxo.sql.parser.SqlBaseParser.InlineTableContext;
import io.fluxo.sql.parser.SqlBaseParser.InlineTableDefault1Context;
import io.fluxo.sql.parser.SqlBaseParser.InlineTableDefault2Context;
import io.fluxo.sql.parser.SqlBaseParser.JoinRelationContext;
import io.fluxo.sql.parser.SqlBaseParser.NamedQueryContext;
import io.fluxo.sql.parser.SqlBaseParser.QueryContext;
import io.fluxo.sql.parser.SqlBaseParser.QueryPrimaryContext;
import io.fluxo.sql.parser.SqlBaseParser.QueryPrimaryDefaultContext;
import io.fluxo.sql.parser.SqlBaseParser.QuerySpecificationContext;
import io.fluxo.sql.parser.SqlBaseParser.QueryTermContext;
import io.fluxo.sql.parser.SqlBaseParser.QueryTermDefaultContext;
import io.fluxo.sql.parser.SqlBaseParser.RelationContext;
import io.fluxo.sql.parser.SqlBaseParser.RelationPrimaryContext;
import io.fluxo.sql.parser.SqlBaseParser.RowConstructorContext;
import io.fluxo.sql.parser.SqlBaseParser.SetOperationContext;
import io.fluxo.sql.parser.SqlBaseParser.SortItemContext;
import io.fluxo.sql.parser.SqlBaseParser.StreamTableNameContext;
import io.fluxo.sql.parser.SqlBaseParser.SubqueryContext;
import io.fluxo.sql.parser.SqlBaseParser.TableAliasContext;
import io.fluxo.sql.parser.SqlBaseParser.TableContext;
import io.fluxo.sql.parser.SqlBaseParser.TableNameContext;
import io.fluxo.sql.parser.SqlBaseParser.TableValuedFunctionContext;
import io.fluxo.sql.parser.SqlBaseParser.WatermarkClauseContext;
import io.fluxo.types.DayTimeIntervalType;
import io.fluxo.types.LongType;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds unresolved logical plans from parsed queries, the same nodes the DataFrame API makes: FROM is relations and
 * joins, WHERE a Filter, GROUP BY an Aggregate (HAVING a Filter over it), the SELECT list a Project (which the analyzer
 * turns into a global Aggregate when it holds aggregate functions), DISTINCT a Distinct, ORDER BY a Sort, LIMIT a
 * Limit, UNION a Union, INTERSECT and EXCEPT set operations, WITH named subqueries in scope. Expressions are built
 * by the {@link AstBuilder}.
 */
final class QueryBuilder {
    private final AstBuilder expressions;
    private final ParseErrors errors;
    /** The WITH clauses in scope, innermost first. */
    private final Deque<Map<String, LogicalPlan>> ctes = new ArrayDeque<>();

    QueryBuilder(AstBuilder expressions, ParseErrors errors) {
        this.expressions = expressions;
        this.errors = errors;
    }

    LogicalPlan query(QueryContext ctx) {
        boolean scoped = ctx.ctes() != null;
        if (scoped) {
            Map<String, LogicalPlan> scope = new HashMap<>();
            ctes.push(scope);
            for (NamedQueryContext named : ctx.ctes().namedQuery()) {
                String name = Names.identifier(named.name);
                if (named.columnAliases != null) {
                    throw notYet(named.columnAliases, "column aliases on a WITH query");
                }
                if (scope.containsKey(name.toLowerCase(Locale.ROOT))) {
                    throw errors.at(named, "DUPLICATED_CTE_NAMES", "42602", "CTE definition can't have duplicate "
                            + "names: `" + name + "`.");
                }
                scope.put(name.toLowerCase(Locale.ROOT), new SubqueryAlias(name, query(named.query())));
            }
        }
        try {
            LogicalPlan plan = queryTerm(ctx.queryTerm());
            var org = ctx.queryOrganization();
            if (!org.order.isEmpty()) {
                List<Expression> order = new ArrayList<>();
                for (SortItemContext item : org.order) {
                    order.add(sortItem(item));
                }
                plan = new Sort(order, true, plan);
            }
            if (org.offset != null) {
                throw notYet(org.offset, "OFFSET");
            }
            if (org.limit != null) {
                plan = new Limit(limit(org.limit), plan);
            }
            return plan;
        } finally {
            if (scoped) {
                ctes.pop();
            }
        }
    }

    private Expression sortItem(SortItemContext item) {
        Expression e = expressions.expression(item.expression());
        boolean ascending = item.DESC() == null;
        boolean nullsFirst = item.nullOrder == null ? ascending : item.FIRST() != null;
        return new SortOrder(e, ascending, nullsFirst);
    }

    private int limit(ParserRuleContext ctx) {
        Expression e = expressions.expression(ctx);
        if (e instanceof Literal l && l.value() instanceof Number n && !(n instanceof Double)
                && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw errors.at(ctx, "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E", "The limit like expression \""
                + ctx.getText() + "\" is invalid: the limit must be a non-negative integer constant.");
    }

    // ---- set operations and query primaries ------------------------------------------------------------------

    private LogicalPlan queryTerm(QueryTermContext ctx) {
        if (ctx instanceof QueryTermDefaultContext d) {
            return queryPrimary(d.queryPrimary());
        }
        SetOperationContext s = (SetOperationContext) ctx;
        LogicalPlan left = queryTerm(s.left);
        LogicalPlan right = queryTerm(s.right);
        boolean all = s.setQuantifier() != null && s.setQuantifier().ALL() != null;
        switch (s.operator.getType()) {
            case io.fluxo.sql.parser.SqlBaseLexer.UNION: {
                LogicalPlan union = new Union(List.of(left, right), false, false);
                return all ? union : new Distinct(union);
            }
            case io.fluxo.sql.parser.SqlBaseLexer.INTERSECT:
                if (all) {
                    throw notYet(s, "INTERSECT ALL");
                }
                return new SetOperation(SetOperation.Kind.INTERSECT, left, right);
            default:
                if (all) {
                    throw notYet(s, "EXCEPT ALL");
                }
                return new SetOperation(SetOperation.Kind.EXCEPT, left, right);
        }
    }

    private LogicalPlan queryPrimary(QueryPrimaryContext ctx) {
        if (ctx instanceof QueryPrimaryDefaultContext d) {
            return querySpecification(d.querySpecification());
        }
        if (ctx instanceof TableContext t) {
            return table(Names.identifiers(t.multipartIdentifier().parts), t);
        }
        if (ctx instanceof InlineTableDefault1Context i) {
            return inlineTable(i.inlineTable());
        }
        return query(((SubqueryContext) ctx).query());
    }

    private LogicalPlan querySpecification(QuerySpecificationContext ctx) {
        // A subquery builds its own specification: keep this one's scalar subquery columns across it.
        List<Expression> outer = List.copyOf(scalarColumns);
        try {
            return specification(ctx);
        } finally {
            scalarColumns.clear();
            scalarColumns.addAll(outer);
        }
    }

    private LogicalPlan specification(QuerySpecificationContext ctx) {
        LogicalPlan plan = ctx.fromClause() == null ? oneRow() : from(ctx.fromClause().relation());
        plan = withScalarSubqueries(ctx, plan);
        if (ctx.whereClause() != null) {
            plan = where(ctx.whereClause().booleanExpression(), plan);
        }
        List<Expression> select = new ArrayList<>();
        for (var named : ctx.namedExpressionSeq().namedExpression()) {
            select.add(expressions.namedExpression(named));
        }
        boolean aggregated = ctx.aggregationClause() != null || ctx.havingClause() != null
                || select.stream().anyMatch(e -> e.anyMatch(x -> x instanceof io.fluxo.plan.expr.UnresolvedFunction f
                        && io.fluxo.function.FunctionRegistry.builtin().aggregate(f.name().toLowerCase(Locale.ROOT))
                                .isPresent()));
        if (aggregated && !scalarColumns.isEmpty()) {
            select.replaceAll(this::scalarsAsGroupConstants);
        }
        if (ctx.aggregationClause() != null) {
            GroupingSets grouping = GroupingSets.of(ctx.aggregationClause(), expressions);
            if (grouping.analytic()) {
                plan = groupingSets(grouping, select, ctx.havingClause(), plan);
                if (ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null) {
                    plan = new Distinct(plan);
                }
                return plan;
            }
            plan = new Aggregate(grouping.single(), select, plan);
        } else if (ctx.havingClause() != null) {
            // HAVING without GROUP BY: one global group, as Spark.
            plan = new Aggregate(List.of(), select, plan);
        } else {
            plan = new Project(select, plan);
        }
        if (ctx.havingClause() != null) {
            plan = new Filter(scalarsAsGroupConstants(expressions.expression(ctx.havingClause().booleanExpression())),
                    plan);
        }
        if (ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null) {
            plan = new Distinct(plan);
        }
        return plan;
    }

    /** The columns of the scalar subqueries of the query specification being built. */
    private final List<Expression> scalarColumns = new ArrayList<>();
    private int scalarCount;

    /**
     * Scalar subqueries, {@code (SELECT max(x) FROM t)}, in the SELECT list, WHERE or HAVING: each is a one-row
     * {@link io.fluxo.plan.logical.ScalarSubquery} the FROM relation is joined with, and stands for its column.
     */
    private LogicalPlan withScalarSubqueries(QuerySpecificationContext ctx, LogicalPlan plan) {
        List<Expression> columns = new ArrayList<>();
        List<io.fluxo.sql.parser.SqlBaseParser.SubqueryExpressionContext> found = new ArrayList<>();
        collectScalarSubqueries(ctx.namedExpressionSeq(), found);
        if (ctx.whereClause() != null) {
            collectScalarSubqueries(ctx.whereClause(), found);
        }
        if (ctx.havingClause() != null) {
            collectScalarSubqueries(ctx.havingClause(), found);
        }
        for (var sub : found) {
            String name = "__scalar_subquery_" + scalarCount++;
            LogicalPlan value = new SubqueryAlias(name, new io.fluxo.plan.logical.ScalarSubquery(query(sub.query()),
                    null));
            plan = new Join(plan, value, JoinType.INNER, Optional.empty(), List.of());
            Expression column = UnresolvedAttribute.of(name, "value");
            columns.add(column);
            expressions.scalarSubquery(sub, column);
        }
        scalarColumns.clear();
        scalarColumns.addAll(columns);
        return plan;
    }

    private static void collectScalarSubqueries(org.antlr.v4.runtime.tree.ParseTree tree,
            List<io.fluxo.sql.parser.SqlBaseParser.SubqueryExpressionContext> out) {
        if (tree instanceof io.fluxo.sql.parser.SqlBaseParser.SubqueryExpressionContext s) {
            out.add(s);
            return;
        }
        if (tree instanceof QueryContext) {
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            collectScalarSubqueries(tree.getChild(i), out);
        }
    }

    /**
     * In an aggregation a scalar subquery's value is one constant for every group: outside aggregate calls it is read
     * through {@code first(…)}, so it needs no GROUP BY entry.
     */
    private Expression scalarsAsGroupConstants(Expression e) {
        if (scalarColumns.isEmpty()) {
            return e;
        }
        if (e instanceof io.fluxo.plan.expr.UnresolvedFunction f
                && io.fluxo.function.FunctionRegistry.builtin().aggregate(f.name().toLowerCase(Locale.ROOT))
                        .isPresent()) {
            return e;
        }
        if (scalarColumns.contains(e)) {
            return new io.fluxo.plan.expr.UnresolvedFunction("first", List.of(e), false);
        }
        List<Expression> children = e.children();
        List<Expression> mapped = new ArrayList<>(children.size());
        for (Expression c : children) {
            mapped.add(scalarsAsGroupConstants(c));
        }
        return mapped.equals(children) ? e : e.withNewChildren(mapped);
    }

    /**
     * WHERE: conjuncts with a subquery ({@code x [NOT] IN (SELECT …)}, {@code [NOT] EXISTS (SELECT …)}) become
     * {@link PredicateSubquery} nodes over a Filter of the others.
     */
    private LogicalPlan where(BooleanExpressionContext condition, LogicalPlan plan) {
        List<BooleanExpressionContext> conjuncts = new ArrayList<>();
        splitConjuncts(condition, conjuncts);
        List<Expression> plain = new ArrayList<>();
        List<BooleanExpressionContext> subqueries = new ArrayList<>();
        for (BooleanExpressionContext c : conjuncts) {
            if (subqueryPredicate(c, false, plan) != null) {
                subqueries.add(c);
            } else {
                plain.add(expressions.expression(c));
            }
        }
        if (!plain.isEmpty()) {
            Expression all = plain.get(0);
            for (int i = 1; i < plain.size(); i++) {
                all = new io.fluxo.plan.expr.And(all, plain.get(i));
            }
            plan = new Filter(all, plan);
        }
        for (BooleanExpressionContext c : subqueries) {
            plan = subqueryPredicate(c, false, plan);
        }
        return plan;
    }

    private static void splitConjuncts(BooleanExpressionContext ctx, List<BooleanExpressionContext> out) {
        if (ctx instanceof LogicalBinaryContext b && b.operator.getType() == io.fluxo.sql.parser.SqlBaseLexer.AND) {
            splitConjuncts(b.left, out);
            splitConjuncts(b.right, out);
        } else if (ctx instanceof PredicatedContext p && p.predicate() == null
                && p.valueExpression() instanceof ValueExpressionDefaultContext v
                && v.primaryExpression() instanceof ParenthesizedExpressionContext paren
                && paren.expression().booleanExpression() instanceof LogicalBinaryContext inner
                && inner.operator.getType() == io.fluxo.sql.parser.SqlBaseLexer.AND) {
            splitConjuncts(inner, out);
        } else {
            out.add(ctx);
        }
    }

    /** The conjunct as a subquery predicate over {@code plan}, or null when it is an ordinary condition. */
    private LogicalPlan subqueryPredicate(BooleanExpressionContext ctx, boolean negated, LogicalPlan plan) {
        if (ctx instanceof LogicalNotContext n) {
            return subqueryPredicate(n.booleanExpression(), !negated, plan);
        }
        if (!(ctx instanceof PredicatedContext p)) {
            return null;
        }
        if (p.predicate() == null && p.valueExpression() instanceof ValueExpressionDefaultContext v
                && v.primaryExpression() instanceof ParenthesizedExpressionContext paren) {
            return subqueryPredicate(paren.expression().booleanExpression(), negated, plan);
        }
        if (p.predicate() != null && p.predicate().query() != null) {
            boolean not = negated != (p.predicate().NOT() != null);
            return new PredicateSubquery(plan, query(p.predicate().query()),
                    not ? PredicateSubquery.Kind.NOT_IN : PredicateSubquery.Kind.IN,
                    Optional.of(expressions.expression(p.valueExpression())));
        }
        if (p.predicate() == null && p.valueExpression() instanceof ValueExpressionDefaultContext v
                && v.primaryExpression() instanceof ExistsContext e) {
            return new PredicateSubquery(plan, query(e.query()),
                    negated ? PredicateSubquery.Kind.NOT_EXISTS : PredicateSubquery.Kind.EXISTS, Optional.empty());
        }
        return null;
    }

    /** One aggregation (and HAVING filter) per grouping set, all of them a UNION ALL. */
    private LogicalPlan groupingSets(GroupingSets grouping, List<Expression> select,
            io.fluxo.sql.parser.SqlBaseParser.HavingClauseContext having, LogicalPlan input) {
        Expression condition = having == null ? null : expressions.expression(having.booleanExpression());
        List<LogicalPlan> branches = new ArrayList<>();
        for (List<Expression> set : grouping.sets()) {
            List<Expression> list = new ArrayList<>();
            for (Expression e : select) {
                Expression mapped = grouping.forSet(e, set);
                // Keep each column's name as the SELECT list gives it, whatever the set replaced inside it.
                list.add(mapped == e || mapped instanceof Alias ? mapped : Alias.of(mapped,
                        e instanceof UnresolvedAttribute u ? u.nameParts().get(u.nameParts().size() - 1) : e.sql()));
            }
            LogicalPlan branch = new Aggregate(set, list, input);
            if (condition != null) {
                branch = new Filter(grouping.forSet(condition, set), branch);
            }
            branches.add(branch);
        }
        return branches.size() == 1 ? branches.get(0) : new Union(branches, false, false);
    }

    /** The single row with no columns that {@code SELECT 1} reads. */
    private static LogicalPlan oneRow() {
        return new LocalRelation(List.of(), List.of(ColumnBatch.ofRowCount(1)));
    }

    // ---- FROM ----------------------------------------------------------------------------------------------------

    private LogicalPlan from(List<RelationContext> relations) {
        LogicalPlan plan = null;
        for (RelationContext r : relations) {
            LogicalPlan next = relation(r);
            plan = plan == null ? next : new Join(plan, next, JoinType.INNER, Optional.empty(), List.of());
        }
        return plan;
    }

    private LogicalPlan relation(RelationContext ctx) {
        LogicalPlan plan = relationPrimary(ctx.relationPrimary());
        for (JoinRelationContext join : ctx.joinRelation()) {
            if (join.NATURAL() != null) {
                throw notYet(join, "NATURAL JOIN");
            }
            var type = join.joinType();
            JoinType joinType;
            if (type.CROSS() != null) {
                joinType = JoinType.CROSS;
            } else if (type.SEMI() != null) {
                joinType = JoinType.LEFT_SEMI;
            } else if (type.ANTI() != null) {
                joinType = JoinType.LEFT_ANTI;
            } else if (type.LEFT() != null) {
                joinType = JoinType.LEFT_OUTER;
            } else if (type.RIGHT() != null) {
                joinType = JoinType.RIGHT_OUTER;
            } else if (type.FULL() != null) {
                joinType = JoinType.FULL_OUTER;
            } else {
                joinType = JoinType.INNER;
            }
            LogicalPlan right = relationPrimary(join.right);
            var criteria = join.joinCriteria();
            if (criteria == null) {
                plan = new Join(plan, right, joinType, Optional.empty(), List.of());
            } else if (criteria.USING() != null) {
                plan = new Join(plan, right, joinType, Optional.empty(),
                        Names.identifiers(criteria.identifierList().identifier()));
            } else {
                plan = new Join(plan, right, joinType,
                        Optional.of(expressions.expression(criteria.booleanExpression())), List.of());
            }
        }
        return plan;
    }

    private LogicalPlan relationPrimary(RelationPrimaryContext ctx) {
        if (ctx instanceof TableNameContext t) {
            LogicalPlan plan = table(Names.identifiers(t.multipartIdentifier().parts), t);
            if (t.STREAM() != null) {
                plan = new StreamingRead(plan);
            }
            return aliased(watermarked(plan, t.watermarkClause()), t.tableAlias(), t);
        }
        if (ctx instanceof StreamTableNameContext t) {
            LogicalPlan plan = new StreamingRead(table(Names.identifiers(t.multipartIdentifier().parts), t));
            return aliased(watermarked(plan, t.watermarkClause()), t.tableAlias(), t);
        }
        if (ctx instanceof AliasedQueryContext q) {
            return aliased(watermarked(query(q.query()), q.watermarkClause()), q.tableAlias(), q);
        }
        if (ctx instanceof AliasedRelationContext r) {
            return aliased(relation(r.relation()), r.tableAlias(), r);
        }
        if (ctx instanceof InlineTableDefault2Context i) {
            return inlineTable(i.inlineTable());
        }
        TableValuedFunctionContext f = (TableValuedFunctionContext) ctx;
        LogicalPlan plan = tableFunction(f);
        if (f.STREAM() != null) {
            plan = new StreamingRead(plan);
        }
        return aliased(watermarked(plan, f.watermarkClause()), f.tableAlias(), f);
    }

    /** A table or view by name, or a query of the WITH clauses in scope. */
    private LogicalPlan table(List<String> name, ParserRuleContext ctx) {
        if (name.size() == 1) {
            for (Map<String, LogicalPlan> scope : ctes) {
                LogicalPlan cte = scope.get(name.get(0).toLowerCase(Locale.ROOT));
                if (cte != null) {
                    return cte;
                }
            }
        }
        return new UnresolvedRelation(name);
    }

    private LogicalPlan watermarked(LogicalPlan plan, WatermarkClauseContext ctx) {
        if (ctx == null) {
            return plan;
        }
        Expression delay = expressions.interval(ctx.delay);
        if (!(delay instanceof Literal l && l.dataType() instanceof DayTimeIntervalType && (Long) l.value() >= 0)) {
            throw errors.at(ctx.delay, "INVALID_WATERMARK_DELAY", "42000", "The watermark delay must be a "
                    + "non-negative day-time interval such as INTERVAL 10 MINUTES, not " + ctx.delay.getText() + ".");
        }
        return new EventTimeWatermark(UnresolvedAttribute.of(Names.identifier(ctx.column)), (Long) l.value(), plan,
                null);
    }

    private LogicalPlan aliased(LogicalPlan plan, TableAliasContext alias, ParserRuleContext ctx) {
        if (alias == null || alias.strictIdentifier() == null) {
            return plan;
        }
        if (alias.identifierList() != null) {
            throw notYet(alias.identifierList(), "column aliases on a table");
        }
        return new SubqueryAlias(Names.identifier(alias.strictIdentifier()), plan);
    }

    /**
     * {@code VALUES (1, 'a'), (2, 'b') AS t(x, y)}: each row a projection of constants over one row, the rows a
     * UNION ALL (which also finds their common types); columns are {@code col1, col2, …} unless named.
     */
    private LogicalPlan inlineTable(InlineTableContext ctx) {
        List<String> names = null;
        TableAliasContext alias = ctx.tableAlias();
        if (alias != null && alias.identifierList() != null) {
            names = Names.identifiers(alias.identifierList().identifier());
        }
        List<LogicalPlan> rows = new ArrayList<>();
        int width = -1;
        for (var row : ctx.expression()) {
            List<Expression> values = row.booleanExpression() instanceof io.fluxo.sql.parser.SqlBaseParser
                    .PredicatedContext p && p.predicate() == null
                    && p.valueExpression() instanceof io.fluxo.sql.parser.SqlBaseParser.ValueExpressionDefaultContext v
                    && v.primaryExpression() instanceof RowConstructorContext r
                    ? expressions.namedExpressions(r.namedExpression()) : List.of(expressions.expression(row));
            if (width >= 0 && values.size() != width) {
                throw errors.at(row, "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", "42000", "Invalid inline table. "
                        + "Inline table expected " + width + " columns but found " + values.size()
                        + " columns in row " + rows.size() + ".");
            }
            width = values.size();
            if (names != null && names.size() != width) {
                throw errors.at(alias, "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", "42000", "Invalid inline "
                        + "table. Inline table expected " + names.size() + " columns but found " + width
                        + " columns in row " + rows.size() + ".");
            }
            List<Expression> project = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                project.add(Alias.of(values.get(c), names != null ? names.get(c) : "col" + (c + 1)));
            }
            rows.add(new Project(project, oneRow()));
        }
        LogicalPlan plan = rows.size() == 1 ? rows.get(0) : new Union(rows, false, false);
        if (alias != null && alias.strictIdentifier() != null) {
            plan = new SubqueryAlias(Names.identifier(alias.strictIdentifier()), plan);
        }
        return plan;
    }

    /** Table-valued functions: {@code range(…)}, {@code read_files(…)}. */
    private LogicalPlan tableFunction(TableValuedFunctionContext ctx) {
        String name = String.join(".", Names.identifiers(ctx.functionName().qualifiedName().identifier()))
                .toLowerCase(Locale.ROOT);
        if (name.equals("read_files")) {
            return readFiles(ctx);
        }
        List<Expression> args = new ArrayList<>();
        for (FunctionTableArgumentContext a : ctx.functionTableArgument()) {
            if (a.name != null) {
                throw errors.at(a, "UNEXPECTED_NAMED_ARGUMENT", "4274K", "The function `" + name + "` takes no "
                        + "named argument `" + Names.identifier(a.name) + "`.");
            }
            args.add(expressions.expression(a.expression()));
        }
        if (name.equals("range")) {
            long[] v = new long[args.size()];
            for (int i = 0; i < v.length; i++) {
                if (!(args.get(i) instanceof Literal l && l.value() instanceof Number n && !(n instanceof Double))) {
                    throw errors.at(ctx.functionTableArgument(i), "INVALID_SQL_ARGUMENT", "42K0E", "range() "
                            + "takes integer constants.");
                }
                v[i] = ((Number) ((Literal) args.get(i)).value()).longValue();
            }
            switch (v.length) {
                case 1:
                    return range(0, v[0], 1, 0);
                case 2:
                    return range(v[0], v[1], 1, 0);
                case 3:
                    return range(v[0], v[1], v[2], 0);
                case 4:
                    return range(v[0], v[1], v[2], (int) v[3]);
                default:
                    throw errors.at(ctx, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605", "The `range` requires "
                            + "[1, 2, 3, 4] parameters but the actual number is " + v.length + ".");
            }
        }
        throw errors.at(ctx.functionName(), "UNRESOLVABLE_TABLE_VALUED_FUNCTION", "42883", "Could not resolve `"
                + name + "` to a table-valued function.");
    }

    /**
     * {@code read_files('path', format => 'csv', header => true, schema => 'a INT, b STRING')}: the path, then reader
     * options by name, each a constant.
     */
    private LogicalPlan readFiles(TableValuedFunctionContext ctx) {
        String path = null;
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (FunctionTableArgumentContext a : ctx.functionTableArgument()) {
            Expression value = expressions.expression(a.expression());
            if (!(value instanceof Literal l) || l.value() == null) {
                throw errors.at(a, "INVALID_SQL_ARGUMENT", "42K0E", "read_files takes constant arguments.");
            }
            String text = l.value() instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                    : l.value().toString();
            if (a.name == null) {
                if (path != null) {
                    throw errors.at(a, "INVALID_SQL_ARGUMENT", "42K0E", "read_files takes one path, then options "
                            + "by name (format => 'csv').");
                }
                path = text;
            } else {
                options.put(Names.identifier(a.name), text);
            }
        }
        if (path == null) {
            throw errors.at(ctx, "INVALID_SQL_ARGUMENT", "42K0E", "read_files needs a path: read_files('data/in', "
                    + "format => 'json').");
        }
        return new UnresolvedFileRead(path, options);
    }

    private static LogicalPlan range(long start, long end, long step, int partitions) {
        return new Range(start, end, step, partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors(),
                io.fluxo.plan.expr.AttributeReference.create("id", LongType.INSTANCE, false));
    }

    private RuntimeException notYet(ParserRuleContext ctx, String what) {
        return errors.at(ctx, "UNSUPPORTED_FEATURE", "0A000", "Fluxo's SQL does not support " + what + " yet.");
    }
}
