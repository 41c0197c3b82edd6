package io.fluxo.plan.analysis;

import io.fluxo.errors.AnalysisException;
import io.fluxo.function.AggregateFunction;
import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.BoundScalarFunction;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.function.ScalarFunction;
import io.fluxo.function.scalar.TimeWindowFunctions;
import io.fluxo.plan.expr.AggregateCall;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.And;
import io.fluxo.plan.expr.Arithmetic;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.CaseWhen;
import io.fluxo.plan.expr.Comparison;
import io.fluxo.plan.expr.Explode;
import io.fluxo.plan.expr.ExprId;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.GetStructField;
import io.fluxo.plan.expr.In;
import io.fluxo.plan.expr.Like;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.NamedExpression;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.IsNull;
import io.fluxo.plan.expr.Or;
import io.fluxo.plan.expr.RLike;
import io.fluxo.plan.expr.ScalarFunctionCall;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.plan.expr.UnaryMinus;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.plan.expr.UnresolvedExtractValue;
import io.fluxo.plan.expr.UnresolvedFunction;
import io.fluxo.plan.expr.UnresolvedStar;
import io.fluxo.plan.expr.WindowExpression;
import io.fluxo.plan.expr.WindowFunction;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Distinct;
import io.fluxo.plan.logical.JoinType;
import io.fluxo.plan.logical.PredicateSubquery;
import io.fluxo.plan.logical.ScalarSubquery;
import io.fluxo.plan.logical.SetOperation;
import io.fluxo.plan.logical.StreamingRead;
import io.fluxo.plan.logical.UnresolvedFileRead;
import io.fluxo.plan.logical.Window;
import io.fluxo.plan.logical.DataSourceRelation;
import io.fluxo.plan.logical.Deduplicate;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.EventTimeWatermark;
import io.fluxo.plan.logical.Generate;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.Range;
import io.fluxo.plan.logical.Sort;
import io.fluxo.plan.logical.SubqueryAlias;
import io.fluxo.plan.logical.Union;
import io.fluxo.plan.logical.UnresolvedRelation;
import io.fluxo.types.ArrayType;
import io.fluxo.types.BooleanType;
import io.fluxo.types.DataType;
import io.fluxo.types.DoubleType;
import io.fluxo.types.IntegerType;
import io.fluxo.types.MapType;
import io.fluxo.types.NullType;
import io.fluxo.types.StringType;
import io.fluxo.types.StructType;
import io.fluxo.types.TimestampType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Turns an unresolved plan into a resolved, type-checked one: looks up relations and columns, expands stars, binds
 * functions, inserts implicit casts, names computed columns, lifts generators, rewrites USING joins and by-name
 * unions. Works bottom-up in one pass, so each node is resolved against children that already are. Every mistake is
 * an {@link AnalysisException} that names the column, function or type at fault.
 */
public final class Analyzer {
    private final Catalog catalog;
    private final FunctionRegistry functions;

    public Analyzer(Catalog catalog, FunctionRegistry functions) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.functions = Objects.requireNonNull(functions, "functions is null");
    }

    public LogicalPlan analyze(LogicalPlan plan) {
        // The DataFrame API puts new nodes on analyzed children; a node built from early-bound columns
        // (df.col("i").plus(1)) looks resolved but still needs naming and type coercion, so the top is always visited.
        LogicalPlan resolved = plan.resolved() && !(plan instanceof UnresolvedRelation) && !plan.children().isEmpty()
                ? resolveNode(plan) : resolvePlan(plan);
        CheckAnalysis.check(resolved);
        // Qualifiers only serve name resolution; without them, equal expressions compare equal (t.a + 1 vs a + 1).
        return resolved.transformAllExpressions(Analyzer::dropQualifier);
    }

    private LogicalPlan resolvePlan(LogicalPlan plan) {
        if (plan.resolved()) {
            return plan;
        }
        if (plan instanceof StreamingRead read && read.child() instanceof UnresolvedFileRead files) {
            return resolvePlan(catalog.readFiles(files.path(), files.options(), true));
        }
        if (plan instanceof UnresolvedFileRead files) {
            return resolvePlan(catalog.readFiles(files.path(), files.options(), false));
        }
        if (plan instanceof StreamingRead read && read.child() instanceof UnresolvedRelation r) {
            Optional<LogicalPlan> stream = catalog.lookupStream(r.nameParts());
            if (stream.isPresent()) {
                return new SubqueryAlias(r.nameParts().get(r.nameParts().size() - 1), resolvePlan(stream.get()));
            }
        }
        if (plan instanceof UnresolvedRelation r) {
            LogicalPlan target = catalog.lookupRelation(r.nameParts()).orElseThrow(() -> new AnalysisException(
                    "TABLE_OR_VIEW_NOT_FOUND", "The table or view `" + r.name() + "` cannot be found. Verify the "
                            + "spelling and correctness of the schema and catalog."));
            return new SubqueryAlias(r.nameParts().get(r.nameParts().size() - 1), resolvePlan(target));
        }
        List<LogicalPlan> children = new ArrayList<>();
        for (LogicalPlan c : plan.children()) {
            children.add(resolvePlan(c));
        }
        LogicalPlan node = children.equals(plan.children()) ? plan : plan.withNewChildren(children);
        return resolveNode(node);
    }

    private LogicalPlan resolveNode(LogicalPlan node) {
        if (node instanceof Project p) {
            return resolveProject(p);
        }
        if (node instanceof Filter f) {
            if (f.child() instanceof Aggregate a && needsAggregateInput(f.condition(), a)) {
                return resolveHaving(f.condition(), a);
            }
            Expression condition = resolveExpression(f.condition(), f.child().output());
            requireBoolean(condition, "filter");
            return new Filter(condition, f.child());
        }
        if (node instanceof Distinct d && d.child().isStreaming()) {
            // As Spark, which replaces DISTINCT by an aggregate over every column: on a stream it follows the
            // output mode (update emits the values a batch saw; append needs a watermarked column), unlike
            // dropDuplicates().
            List<Expression> columns = new ArrayList<>(d.child().output());
            return new Aggregate(columns, columns, d.child());
        }
        if (node instanceof SetOperation op) {
            return resolveSetOperation(op);
        }
        if (node instanceof PredicateSubquery p) {
            return resolvePredicateSubquery(p);
        }
        if (node instanceof ScalarSubquery s) {
            if (s.child().output().size() != 1) {
                throw new AnalysisException("INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_"
                        + "COLUMN", "Scalar subquery must return only one column, but got "
                        + s.child().output().size() + ".");
            }
            AttributeReference only = s.child().output().get(0);
            return new ScalarSubquery(s.child(), AttributeReference.create("value", only.dataType(), true));
        }
        if (node instanceof StreamingRead r) {
            if (!r.child().isStreaming()) {
                throw new AnalysisException("NOT_A_STREAMING_SOURCE", "STREAM(...) reads a stream, but `"
                        + (r.child() instanceof SubqueryAlias a ? a.alias() : r.child().nodeString())
                        + "` is a static table or view: register a streaming DataFrame as the view.");
            }
            return r.child();
        }
        if (node instanceof Aggregate a) {
            return resolveAggregate(a);
        }
        if (node instanceof Sort s) {
            return resolveSort(s);
        }
        if (node instanceof Join j) {
            return resolveJoin(j);
        }
        if (node instanceof Union u) {
            return resolveUnion(u);
        }
        if (node instanceof Deduplicate d) {
            List<Expression> keys = new ArrayList<>();
            for (Expression k : d.keys()) {
                Expression r = resolveExpression(k, d.child().output());
                if (!(r instanceof AttributeReference)) {
                    throw new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION",
                            "Cannot resolve column name \"" + k.sql() + "\" among ("
                                    + d.child().output().stream().map(AttributeReference::name)
                                            .collect(Collectors.joining(", ")) + ").");
                }
                keys.add(r);
            }
            return new Deduplicate(keys, d.child(), d.withinWatermark());
        }
        if (node instanceof Generate g) {
            return g.mapExpressions(e -> resolveExpression(e, g.child().output()));
        }
        if (node instanceof EventTimeWatermark w) {
            Expression eventTime = resolveExpression(w.eventTime(), w.child().output());
            if (!(eventTime instanceof AttributeReference a) || !(a.dataType() instanceof TimestampType)) {
                String name = w.eventTime() instanceof UnresolvedAttribute u ? String.join(".", u.nameParts())
                        : w.eventTime().sql();
                throw new AnalysisException("EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE", "The event time `" + name
                        + "` has the invalid type \"" + eventTime.dataType().sql() + "\", but expected \"TIMESTAMP\".");
            }
            return new EventTimeWatermark(eventTime, w.delayMicros(), w.child(), w.maxEventTime());
        }
        return node.mapExpressions(e -> resolveExpression(e, inputOf(node)));
    }

    private static List<AttributeReference> inputOf(LogicalPlan node) {
        List<AttributeReference> in = new ArrayList<>();
        for (LogicalPlan c : node.children()) {
            in.addAll(c.output());
        }
        return in;
    }

    // ---- Project, with star expansion, generators and global aggregates -------------------------------------

    private LogicalPlan resolveProject(Project p) {
        List<AttributeReference> input = p.child().output();
        List<Expression> list = new ArrayList<>();
        for (Expression e : expandStars(p.projectList(), input)) {
            list.add(named(resolveExpression(e, input), e));
        }
        Optional<Expression> generator = list.stream().filter(e -> stripAlias(e) instanceof Explode).findFirst();
        if (generator.isPresent()) {
            return liftGenerator(list, generator.get(), p.child());
        }
        if (list.stream().anyMatch(e -> e.anyMatch(x -> x instanceof WindowExpression))) {
            return extractWindows(list, p.child());
        }
        checkNoWindowFunctions(list);
        if (list.stream().anyMatch(e -> e.anyMatch(x -> x instanceof AggregateCall))) {
            checkAggregates(List.of(), list);
            return new Aggregate(List.of(), list, p.child());
        }
        return new Project(list, p.child());
    }

    /**
     * Spark's ExtractWindowExpressions: the window expressions of a SELECT list are computed by a {@link Window} below
     * it (an entry that is one keeps its alias, a nested one gets a hidden name), and the list reads their columns.
     */
    private LogicalPlan extractWindows(List<Expression> list, LogicalPlan child) {
        if (child.isStreaming()) {
            throw new AnalysisException("NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING", "Window function is not "
                    + "supported on streaming DataFrames/Datasets.");
        }
        List<Expression> windows = new ArrayList<>();
        List<Expression> projection = new ArrayList<>();
        for (Expression entry : list) {
            if (entry instanceof Alias a && a.child() instanceof WindowExpression w) {
                checkWindow(w);
                windows.add(a);
                projection.add(a.toAttribute());
                continue;
            }
            projection.add(entry.transformUp(x -> {
                if (x instanceof WindowExpression w) {
                    checkWindow(w);
                    Alias hidden = Alias.of(w, "_w" + windows.size());
                    windows.add(hidden);
                    return hidden.toAttribute();
                }
                return x;
            }));
        }
        for (Expression e : projection) {
            if (e.anyMatch(x -> x instanceof AggregateCall || x instanceof WindowFunction)) {
                throw new AnalysisException("MISSING_GROUP_BY", "An aggregate or window function outside OVER (…) "
                        + "cannot be mixed with window functions in one SELECT list: " + e.sql() + ".");
            }
        }
        return new Project(projection, new Window(windows, child));
    }

    private static void checkWindow(WindowExpression w) {
        Expression f = w.function();
        if (!(f instanceof AggregateCall || f instanceof WindowFunction)) {
            throw new AnalysisException("UNSUPPORTED_EXPR_FOR_WINDOW", "Expression " + f.sql() + " not supported "
                    + "within a window function.");
        }
        if (f instanceof AggregateCall c && c.distinct()) {
            throw new AnalysisException("DISTINCT_WINDOW_FUNCTION_UNSUPPORTED", "Distinct window functions are not "
                    + "supported: " + w.sql() + ".");
        }
        if (f instanceof WindowFunction wf && w.orderBy().isEmpty()) {
            throw new AnalysisException("WINDOW_FUNCTION_WITHOUT_ORDER", "Window function " + wf.sql() + " requires "
                    + "window to be ordered, please add ORDER BY clause.");
        }
        for (Expression e : w.children().subList(1, w.children().size())) {
            if (e.anyMatch(x -> x instanceof WindowExpression || x instanceof AggregateCall)) {
                throw new AnalysisException("UNSUPPORTED_FEATURE", "PARTITION BY and ORDER BY of a window take plain "
                        + "expressions of the input: " + e.sql() + ".");
            }
        }
    }

    /** A ranking or offset function is only valid as the function of an OVER clause. */
    private static void checkNoWindowFunctions(List<Expression> list) {
        for (Expression e : list) {
            e.anyMatch(x -> {
                if (x instanceof WindowFunction wf) {
                    throw new AnalysisException("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", "Window function "
                            + wf.sql() + " requires an OVER clause.");
                }
                return false;
            });
        }
    }

    private LogicalPlan liftGenerator(List<Expression> list, Expression generatorEntry, LogicalPlan child) {
        for (Expression e : list) {
            if (e != generatorEntry && e.anyMatch(x -> x instanceof Explode)) {
                throw new AnalysisException("UNSUPPORTED_GENERATOR.MULTI_GENERATOR",
                        "The generator is not supported: only one generator allowed per SELECT clause but found more.");
            }
        }
        Explode explode = (Explode) stripAlias(generatorEntry);
        StructType schema = explode.elementSchema();
        List<AttributeReference> out = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            String name = schema.field(i).name();
            if (generatorEntry instanceof Alias a && schema.size() - (explode.withPosition() ? 1 : 0) == 1
                    && !(explode.withPosition() && i == 0)) {
                name = a.name();
            }
            out.add(AttributeReference.create(name, schema.field(i).dataType(),
                    schema.field(i).nullable() || explode.outer()));
        }
        Generate generate = new Generate(explode, out, child);
        List<Expression> projection = new ArrayList<>();
        for (Expression e : list) {
            if (e == generatorEntry) {
                projection.addAll(out);
            } else {
                projection.add(e);
            }
        }
        return new Project(projection, generate);
    }

    private static Expression stripAlias(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }

    private List<Expression> expandStars(List<Expression> list, List<AttributeReference> input) {
        List<Expression> out = new ArrayList<>();
        for (Expression e : list) {
            if (e instanceof UnresolvedStar s) {
                if (s.target().isEmpty()) {
                    out.addAll(input);
                } else {
                    List<AttributeReference> matched = input.stream().filter(a -> !a.qualifier().isEmpty()
                            && a.qualifier().get(a.qualifier().size() - 1).equalsIgnoreCase(s.target().get(0))).toList();
                    if (matched.isEmpty()) {
                        Optional<Expression> struct = NameResolver.resolve(s.target(), input);
                        if (struct.isPresent() && struct.get().dataType() instanceof StructType st) {
                            for (int i = 0; i < st.size(); i++) {
                                out.add(Alias.of(new GetStructField(struct.get(), i), st.field(i).name()));
                            }
                            continue;
                        }
                        throw new AnalysisException("CANNOT_RESOLVE_STAR_EXPAND", "Cannot resolve `"
                                + String.join(".", s.target()) + ".*` given input columns "
                                + input.stream().map(a -> "`" + a.name() + "`").collect(Collectors.joining(", "))
                                + ".");
                    }
                    out.addAll(matched);
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** Gives a computed column its name: an alias, the column's own name, or Spark's SQL text of the expression. */
    private static Expression named(Expression resolved, Expression original) {
        if (resolved instanceof NamedExpression) {
            return resolved;
        }
        if (resolved instanceof GetStructField g) {
            return Alias.of(g, g.fieldName());
        }
        if (resolved instanceof Explode) {
            return resolved;
        }
        return Alias.of(resolved, resolved.sql());
    }

    // ---- Aggregate ---------------------------------------------------------------------------------------------

    private LogicalPlan resolveAggregate(Aggregate a) {
        List<AttributeReference> input = a.child().output();
        List<Expression> grouping = new ArrayList<>();
        for (Expression g : a.groupingExpressions()) {
            Expression r = resolveExpression(g, input);
            if (r.anyMatch(x -> x instanceof AggregateCall)) {
                throw new AnalysisException("GROUP_BY_AGGREGATE", "Aggregate functions are not allowed in GROUP BY, but "
                        + "found " + r.sql() + ".");
            }
            grouping.add(r instanceof Alias al ? al.child() : r);
        }
        List<Expression> aggs = new ArrayList<>();
        for (Expression e : expandStars(a.aggregateExpressions(), input)) {
            aggs.add(named(resolveExpression(windowNamesToGrouping(e, a, input), input), e));
        }
        if (aggs.stream().anyMatch(e -> e.anyMatch(x -> x instanceof WindowExpression))) {
            return windowsOverAggregate(grouping, aggs, a.child());
        }
        checkAggregates(grouping, aggs);
        return expandSlidingWindows(new Aggregate(grouping, aggs, a.child()));
    }

    /**
     * Window functions over an aggregation's results in one SELECT ({@code rank() OVER (ORDER BY sum(x) DESC)}), as
     * Spark plans them: the aggregate computes its plain columns plus every aggregate and grouping value the windows
     * read (hidden), a {@link Window} computes the windows over those, and a projection puts the SELECT list together.
     */
    private LogicalPlan windowsOverAggregate(List<Expression> grouping, List<Expression> aggs, LogicalPlan child) {
        List<Expression> hidden = new ArrayList<>();
        List<Expression> plain = new ArrayList<>();
        List<Expression> windows = new ArrayList<>();
        List<Expression> projection = new ArrayList<>();
        for (Expression entry : aggs) {
            if (!entry.anyMatch(x -> x instanceof WindowExpression)) {
                plain.add(entry);
                projection.add(((NamedExpression) entry).toAttribute());
                continue;
            }
            Expression body = entry instanceof Alias al ? al.child() : entry;
            Expression replaced = liftOverAggregate(body, grouping, hidden, windows);
            projection.add(entry instanceof Alias al ? new Alias(replaced, al.name(), al.exprId()) : replaced);
        }
        List<Expression> aggregateList = new ArrayList<>(plain);
        aggregateList.addAll(hidden);
        checkAggregates(grouping, aggregateList);
        windows.forEach(w -> checkWindow((WindowExpression) ((Alias) w).child()));
        return new Project(projection, new Window(windows, new Aggregate(grouping, aggregateList, child)));
    }

    /**
     * {@code e} as read above the aggregate: aggregate calls and grouping expressions become hidden aggregate columns,
     * window expressions (with their parts lifted the same way) columns of the window.
     */
    private static Expression liftOverAggregate(Expression e, List<Expression> grouping, List<Expression> hidden,
            List<Expression> windows) {
        if (e instanceof WindowExpression w) {
            Expression function = w.function() instanceof AggregateCall call
                    ? call.withNewChildren(call.children().stream()
                            .map(c -> liftOverAggregate(c, grouping, hidden, windows)).toList())
                    : w.function().withNewChildren(w.function().children().stream()
                            .map(c -> liftOverAggregate(c, grouping, hidden, windows)).toList());
            WindowExpression lifted = new WindowExpression(function,
                    w.partitionBy().stream().map(c -> liftOverAggregate(c, grouping, hidden, windows)).toList(),
                    w.orderBy().stream().map(c -> liftOverAggregate(c, grouping, hidden, windows)).toList(),
                    w.frame());
            Alias alias = Alias.of(lifted, "_w" + windows.size());
            windows.add(alias);
            return alias.toAttribute();
        }
        if (e instanceof AggregateCall || grouping.contains(e)) {
            for (Expression h : hidden) {
                if (((Alias) h).child().equals(e)) {
                    return ((Alias) h).toAttribute();
                }
            }
            Alias alias = Alias.of(e, "_agg" + hidden.size());
            hidden.add(alias);
            return alias.toAttribute();
        }
        if (e.children().isEmpty()) {
            return e;
        }
        return e.withNewChildren(e.children().stream().map(c -> liftOverAggregate(c, grouping, hidden, windows))
                .toList());
    }

    /**
     * As Spark's time windowing, which gives a {@code window()} or {@code session_window()} in GROUP BY the column name
     * {@code window} ({@code session_window}): in the SELECT list of such a query ({@code SELECT window.start …
     * GROUP BY window(ts, '5 minutes')}) that name, when no input column has it, is the grouping call itself.
     */
    private static Expression windowNamesToGrouping(Expression e, Aggregate a, List<AttributeReference> input) {
        Map<String, Expression> windows = new HashMap<>();
        for (Expression g : a.groupingExpressions()) {
            Expression call = g instanceof Alias al ? al.child() : g;
            String name = call instanceof UnresolvedFunction f ? f.name().toLowerCase(java.util.Locale.ROOT)
                    : call instanceof ScalarFunctionCall f ? f.function().name() : null;
            if (("window".equals(name) || "session_window".equals(name))
                    && input.stream().noneMatch(in -> in.name().equalsIgnoreCase(name))) {
                windows.putIfAbsent(name, call);
            }
        }
        if (windows.isEmpty()) {
            return e;
        }
        return e.transformUp(x -> {
            if (x instanceof UnresolvedAttribute u) {
                Expression call = windows.get(u.nameParts().get(0).toLowerCase(java.util.Locale.ROOT));
                if (call != null) {
                    Expression out = call;
                    for (String field : u.nameParts().subList(1, u.nameParts().size())) {
                        out = new UnresolvedExtractValue(out, Literal.of(field));
                    }
                    return out;
                }
            }
            return x;
        });
    }

    /**
     * Spark's time windowing: a sliding {@code window()} in GROUP BY puts each row in every window that covers it, so
     * the call becomes a generator below the aggregate ({@code explode} of all covering windows) and the grouping
     * uses the generated {@code window} column instead.
     */
    private LogicalPlan expandSlidingWindows(Aggregate a) {
        for (Expression g : a.groupingExpressions()) {
            if (!(g instanceof ScalarFunctionCall call) || !call.function().name().equals("window")
                    || !isSlidingWindow(call)) {
                continue;
            }
            List<Expression> args = new ArrayList<>(call.arguments());
            if (args.size() < 4) {
                args.add(Literal.of("0 seconds"));
            }
            Expression windows = resolveExpression(new UnresolvedFunction(TimeWindowFunctions.WINDOWS_FUNCTION, args,
                    false), a.child().output());
            AttributeReference window = AttributeReference.create("window", TimeWindowFunctions.WINDOW_TYPE, true);
            Generate generate = new Generate(new Explode(windows, false, false), List.of(window), a.child());
            Expression key = canonical(g);
            UnaryOperator<Expression> replace = e -> e.transformDown(x -> canonical(x).equals(key) ? window : x);
            Aggregate rewritten = new Aggregate(a.groupingExpressions().stream().map(replace).toList(),
                    a.aggregateExpressions().stream().map(replace).toList(), generate);
            return expandSlidingWindows(rewritten);
        }
        return a;
    }

    private static boolean isSlidingWindow(ScalarFunctionCall call) {
        List<String> durations = new ArrayList<>();
        for (int i = 1; i < call.arguments().size() && i < 3; i++) {
            if (!(call.arguments().get(i) instanceof Literal l) || l.value() == null) {
                return false;
            }
            Object v = l.value();
            durations.add(v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                    : v.toString());
        }
        return TimeWindowFunctions.isSliding(durations);
    }

    private static void checkAggregates(List<Expression> grouping, List<Expression> aggs) {
        List<Expression> groupKeys = grouping.stream().map(Analyzer::canonical).toList();
        for (Expression agg : aggs) {
            Expression body = stripAlias(agg);
            for (AggregateCall call : body.collect(AggregateCall.class)) {
                for (Expression arg : call.arguments()) {
                    if (arg.anyMatch(x -> x instanceof AggregateCall)) {
                        throw new AnalysisException("NESTED_AGGREGATE_FUNCTION", "It is not allowed to use an "
                                + "aggregate function in the argument of another aggregate function. Please use the "
                                + "inner aggregate function in a sub-query.");
                    }
                }
            }
            Expression remaining = canonical(body).transformDown(x -> {
                if (x instanceof AggregateCall || groupKeys.contains(x)) {
                    return Literal.NULL;
                }
                return x;
            });
            List<AttributeReference> loose = remaining.references();
            if (!loose.isEmpty()) {
                String name = loose.get(0).name();
                throw new AnalysisException("MISSING_AGGREGATION", "The non-aggregating expression \"" + name
                        + "\" is based on columns which are not participating in the GROUP BY clause. Add the columns "
                        + "or the expression to the GROUP BY, aggregate the expression, or use \"any_value(" + name
                        + ")\" if you do not care which of the values within a group is returned.");
            }
        }
    }

    /** The expression with qualifiers dropped, so {@code t.a} and {@code a} compare equal. */
    static Expression canonical(Expression e) {
        return e.transformUp(Analyzer::dropQualifier);
    }

    private static Expression dropQualifier(Expression x) {
        return x instanceof AttributeReference a && !a.qualifier().isEmpty() ? a.withQualifier(List.of()) : x;
    }

    // ---- HAVING --------------------------------------------------------------------------------------------------

    /** Whether a filter over an aggregate needs the aggregate's input: it calls aggregates or names dropped columns. */
    private boolean needsAggregateInput(Expression condition, Aggregate a) {
        try {
            Expression r = resolveExpression(condition, a.output());
            return r.anyMatch(x -> x instanceof AggregateCall);
        } catch (AnalysisException e) {
            return true;
        }
    }

    /**
     * {@code HAVING cond} over an aggregate, as Spark: the condition is computed by the aggregate as one more (hidden)
     * column, evaluated on the aggregate's input — a name of the SELECT list stands for its expression —, then the
     * rows are filtered on it and the hidden column projected away.
     */
    private LogicalPlan resolveHaving(Expression condition, Aggregate a) {
        List<AttributeReference> input = a.child().output();
        Expression withAliases = condition.transformUp(x -> {
            if (x instanceof UnresolvedAttribute u && u.nameParts().size() == 1
                    && input.stream().noneMatch(in -> in.name().equalsIgnoreCase(u.nameParts().get(0)))) {
                for (Expression e : a.aggregateExpressions()) {
                    if (e instanceof Alias alias && alias.name().equalsIgnoreCase(u.nameParts().get(0))) {
                        return alias.child();
                    }
                }
            }
            return x;
        });
        List<Expression> aggs = new ArrayList<>(a.aggregateExpressions());
        aggs.add(Alias.of(withAliases, "havingCondition"));
        Aggregate widened = (Aggregate) resolveAggregate(new Aggregate(a.groupingExpressions(), aggs, a.child()));
        AttributeReference flag = widened.output().get(widened.output().size() - 1);
        requireBoolean(flag, "having");
        return new Project(new ArrayList<>(a.output()), new Filter(flag, widened));
    }

    // ---- IN and EXISTS subqueries --------------------------------------------------------------------------------

    /**
     * {@code [NOT] EXISTS (q)}: a left semi (anti) join with the subquery's first row; {@code v IN (q)}: a left semi join
     * on {@code v = q.col}; {@code v NOT IN (q)}: a left anti join on {@code v = q.col OR (v = q.col) IS NULL}, so a
     * NULL on either side drops the row, as SQL's three-valued NOT IN does (and Spark's rewrite).
     */
    private LogicalPlan resolvePredicateSubquery(PredicateSubquery p) {
        LogicalPlan child = p.child();
        LogicalPlan subquery = dedupRight(child, p.subquery());
        switch (p.kind()) {
            case EXISTS:
            case NOT_EXISTS:
                return resolveNode(new Join(child, new io.fluxo.plan.logical.Limit(1, subquery),
                        p.kind() == PredicateSubquery.Kind.EXISTS ? JoinType.LEFT_SEMI : JoinType.LEFT_ANTI,
                        Optional.empty(), List.of()));
            default:
                break;
        }
        if (subquery.output().size() != 1) {
            throw new AnalysisException("INVALID_SUBQUERY_EXPRESSION.NUM_COLUMNS_MISMATCH", "The IN subquery returns "
                    + subquery.output().size() + " columns; it must return exactly one.");
        }
        Expression value = resolveExpression(p.value().get(), child.output());
        Expression equal = TypeCoercion.coerceComparison(new Comparison(Comparison.Op.EQUAL, value,
                subquery.output().get(0)));
        Expression condition = p.kind() == PredicateSubquery.Kind.IN ? equal : new Or(equal, new IsNull(equal));
        return resolveNode(new Join(child, subquery, p.kind() == PredicateSubquery.Kind.IN ? JoinType.LEFT_SEMI
                : JoinType.LEFT_ANTI, Optional.of(condition), List.of()));
    }

    // ---- INTERSECT and EXCEPT ------------------------------------------------------------------------------------

    /** A distinct left semi (INTERSECT) or anti (EXCEPT) join on null-safe equality of every column, by position. */
    private LogicalPlan resolveSetOperation(SetOperation op) {
        LogicalPlan left = op.left();
        LogicalPlan right = dedupRight(left, op.right());
        int width = left.output().size();
        if (right.output().size() != width) {
            throw new AnalysisException("NUM_COLUMNS_MISMATCH", op.kind() + " can only be performed on inputs with "
                    + "the same number of columns, but the first input has " + width + " columns and the second "
                    + "input has " + right.output().size() + " columns.");
        }
        Expression condition = null;
        for (int c = 0; c < width; c++) {
            Expression eq = new Comparison(Comparison.Op.NULL_SAFE_EQUAL, left.output().get(c),
                    right.output().get(c));
            condition = condition == null ? eq : new And(condition, eq);
        }
        Join join = new Join(left, right, op.kind() == SetOperation.Kind.INTERSECT ? JoinType.LEFT_SEMI
                : JoinType.LEFT_ANTI, Optional.ofNullable(condition), List.of());
        return new Distinct(resolveNode(join));
    }

    // ---- Sort ----------------------------------------------------------------------------------------------------

    private LogicalPlan resolveSort(Sort s) {
        List<AttributeReference> input = s.child().output();
        List<Expression> order = new ArrayList<>();
        List<Expression> unresolvedHere = new ArrayList<>();
        for (Expression o : s.order()) {
            SortOrder so = o instanceof SortOrder x ? x : SortOrder.asc(o);
            try {
                order.add(resolveExpression(so, input));
            } catch (AnalysisException e) {
                if (!(s.child() instanceof Project)) {
                    throw e;
                }
                unresolvedHere.add(so);
                order.add(so);
            }
        }
        if (unresolvedHere.isEmpty()) {
            return new Sort(order, s.global(), s.child());
        }
        // ORDER BY a column the projection dropped: sort below the projection's output, then project it away.
        Project p = (Project) s.child();
        List<AttributeReference> below = p.child().output();
        List<Expression> widened = new ArrayList<>(p.projectList());
        List<Expression> finalOrder = new ArrayList<>();
        for (Expression o : order) {
            if (unresolvedHere.contains(o)) {
                Expression r = resolveExpression(o, below);
                for (AttributeReference ref : r.references()) {
                    if (widened.stream().noneMatch(w -> w instanceof NamedExpression n && n.exprId().equals(ref.exprId()))) {
                        widened.add(ref);
                    }
                }
                finalOrder.add(r);
            } else {
                finalOrder.add(o);
            }
        }
        return new Project(new ArrayList<>(p.output()),
                new Sort(finalOrder, s.global(), new Project(widened, p.child())));
    }

    // ---- Join ----------------------------------------------------------------------------------------------------

    private LogicalPlan resolveJoin(Join j) {
        LogicalPlan left = j.left();
        LogicalPlan right = dedupRight(left, j.right());
        if (!j.usingColumns().isEmpty()) {
            return resolveUsingJoin(left, right, j);
        }
        List<AttributeReference> input = new ArrayList<>(left.output());
        input.addAll(right.output());
        Optional<Expression> condition = j.condition().map(c -> resolveExpression(c, input));
        condition.ifPresent(c -> requireBoolean(c, "join condition"));
        return new Join(left, right, j.joinType(), condition, List.of());
    }

    private LogicalPlan resolveUsingJoin(LogicalPlan left, LogicalPlan right, Join j) {
        List<AttributeReference> leftKeys = new ArrayList<>();
        List<AttributeReference> rightKeys = new ArrayList<>();
        Expression condition = null;
        for (String name : j.usingColumns()) {
            AttributeReference l = findUsing(name, left.output(), "left");
            AttributeReference r = findUsing(name, right.output(), "right");
            leftKeys.add(l);
            rightKeys.add(r);
            Expression eq = TypeCoercion.coerceComparison(new Comparison(Comparison.Op.EQUAL, l, r));
            condition = condition == null ? eq : new And(condition, eq);
        }
        Join join = new Join(left, right, j.joinType(), Optional.ofNullable(condition), List.of());
        List<AttributeReference> joined = join.output();
        List<Expression> projection = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            AttributeReference l = find(joined, leftKeys.get(i));
            switch (j.joinType()) {
                case RIGHT_OUTER:
                    projection.add(find(joined, rightKeys.get(i)));
                    break;
                case FULL_OUTER: {
                    AttributeReference r = find(joined, rightKeys.get(i));
                    DataType t = TypeCoercion.widerType(l.dataType(), r.dataType()).orElse(l.dataType());
                    projection.add(Alias.of(bindFunction("coalesce", List.of(TypeCoercion.castTo(l, t),
                            TypeCoercion.castTo(r, t))), l.name()));
                    break;
                }
                default:
                    projection.add(l);
            }
        }
        Set<ExprId> keyIds = new HashSet<>();
        leftKeys.forEach(k -> keyIds.add(k.exprId()));
        rightKeys.forEach(k -> keyIds.add(k.exprId()));
        for (AttributeReference a : joined) {
            if (!keyIds.contains(a.exprId())) {
                projection.add(a);
            }
        }
        return new Project(projection, join);
    }

    private static AttributeReference find(List<AttributeReference> attrs, AttributeReference a) {
        return attrs.stream().filter(x -> x.sameRef(a)).findFirst().orElse(a);
    }

    private static AttributeReference findUsing(String name, List<AttributeReference> side, String sideName) {
        return side.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst().orElseThrow(() ->
                new AnalysisException("UNRESOLVED_USING_COLUMN_FOR_JOIN", "USING column `" + name + "` cannot be "
                        + "resolved on the " + sideName + " side of the join. The " + sideName + "-side columns: ["
                        + side.stream().map(a -> "`" + a.name() + "`").collect(Collectors.joining(", ")) + "]."));
    }

    /** Gives the right side of a self-join fresh column ids, so {@code a = a} names two different columns. */
    private static LogicalPlan dedupRight(LogicalPlan left, LogicalPlan right) {
        Set<ExprId> leftIds = new HashSet<>();
        left.output().forEach(a -> leftIds.add(a.exprId()));
        if (right.output().stream().noneMatch(a -> leftIds.contains(a.exprId()))) {
            return right;
        }
        Map<ExprId, ExprId> renamed = new HashMap<>();
        LogicalPlan fresh = right.transformUp(node -> {
            LogicalPlan n = node.mapExpressions(e -> e.transformUp(x -> remap(x, renamed)));
            if (n instanceof DataSourceRelation d) {
                List<AttributeReference> full = d.fullOutput().stream().map(a -> renew(a, renamed)).toList();
                List<AttributeReference> out = d.output().stream().map(a -> renew(a, renamed)).toList();
                return new DataSourceRelation(d.scan(), full, out);
            }
            if (n instanceof LocalRelation l) {
                return new LocalRelation(l.output().stream().map(a -> renew(a, renamed)).toList(), l.batches());
            }
            if (n instanceof Range r) {
                return new Range(r.start(), r.end(), r.step(), r.numPartitions(), renew(r.id(), renamed));
            }
            if (n instanceof Generate g) {
                return new Generate(g.generator(), g.generatorOutput().stream().map(a -> renew(a, renamed)).toList(),
                        g.child());
            }
            if (n instanceof Project || n instanceof Aggregate) {
                return n.mapExpressions(e -> e instanceof Alias a ? renewAlias(a, renamed) : e);
            }
            return n;
        });
        return fresh;
    }

    private static AttributeReference renew(AttributeReference a, Map<ExprId, ExprId> renamed) {
        ExprId id = renamed.computeIfAbsent(a.exprId(), k -> ExprId.next());
        return new AttributeReference(a.name(), a.dataType(), a.nullable(), id, a.qualifier());
    }

    private static Expression renewAlias(Alias a, Map<ExprId, ExprId> renamed) {
        return new Alias(a.child(), a.name(), renamed.computeIfAbsent(a.exprId(), k -> ExprId.next()));
    }

    private static Expression remap(Expression e, Map<ExprId, ExprId> renamed) {
        if (e instanceof AttributeReference a && renamed.containsKey(a.exprId())) {
            return new AttributeReference(a.name(), a.dataType(), a.nullable(), renamed.get(a.exprId()), a.qualifier());
        }
        return e;
    }

    // ---- Union ---------------------------------------------------------------------------------------------------

    private LogicalPlan resolveUnion(Union u) {
        List<LogicalPlan> inputs = u.inputs();
        if (u.byName()) {
            inputs = alignByName(inputs, u.allowMissingColumns());
        }
        int width = inputs.get(0).output().size();
        for (int i = 1; i < inputs.size(); i++) {
            int w = inputs.get(i).output().size();
            if (w != width) {
                throw new AnalysisException("NUM_COLUMNS_MISMATCH", "UNION can only be performed on inputs with the "
                        + "same number of columns, but the first input has " + width + " columns and the "
                        + ordinal(i + 1) + " input has " + w + " columns.");
            }
        }
        List<DataType> common = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<DataType> types = new ArrayList<>();
            for (LogicalPlan in : inputs) {
                types.add(in.output().get(c).dataType());
            }
            common.add(TypeCoercion.commonType(types, "UNION"));
        }
        List<LogicalPlan> cast = new ArrayList<>();
        for (LogicalPlan in : inputs) {
            List<AttributeReference> out = in.output();
            boolean needs = false;
            List<Expression> projection = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                AttributeReference a = out.get(c);
                if (a.dataType().equals(common.get(c))) {
                    projection.add(a);
                } else {
                    needs = true;
                    projection.add(Alias.of(TypeCoercion.castTo(a, common.get(c)), a.name()));
                }
            }
            cast.add(needs ? new Project(projection, in) : in);
        }
        return new Union(cast, false, false);
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 2 -> "second";
            case 3 -> "third";
            default -> n + "th";
        };
    }

    private List<LogicalPlan> alignByName(List<LogicalPlan> inputs, boolean allowMissing) {
        List<String> names = new ArrayList<>();
        for (LogicalPlan in : inputs) {
            for (AttributeReference a : in.output()) {
                if (names.stream().noneMatch(n -> n.equalsIgnoreCase(a.name()))) {
                    if (in != inputs.get(0) && !allowMissing) {
                        throw new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "Cannot resolve column "
                                + "name \"" + a.name() + "\" among (" + inputs.get(0).output().stream()
                                        .map(AttributeReference::name).collect(Collectors.joining(", ")) + ").");
                    }
                    names.add(a.name());
                }
            }
        }
        List<LogicalPlan> out = new ArrayList<>();
        for (LogicalPlan in : inputs) {
            List<Expression> projection = new ArrayList<>();
            for (String n : names) {
                Optional<AttributeReference> a = in.output().stream().filter(x -> x.name().equalsIgnoreCase(n))
                        .findFirst();
                if (a.isPresent()) {
                    projection.add(a.get());
                } else if (allowMissing) {
                    projection.add(Alias.of(Literal.NULL, n));
                } else {
                    throw new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "Cannot resolve column name \""
                            + n + "\" among (" + in.output().stream().map(AttributeReference::name)
                                    .collect(Collectors.joining(", ")) + ").");
                }
            }
            out.add(new Project(projection, in));
        }
        return out;
    }

    // ---- Expressions ---------------------------------------------------------------------------------------------

    /** Resolves {@code e} against the columns {@code input}, bottom-up, then coerces types. */
    public Expression resolveExpression(Expression e, List<AttributeReference> input) {
        return e.transformUp(x -> resolveOne(x, input));
    }

    private Expression resolveOne(Expression e, List<AttributeReference> input) {
        if (e instanceof UnresolvedAttribute u) {
            return NameResolver.resolve(u.nameParts(), input)
                    .orElseThrow(() -> NameResolver.unresolvedColumn(u.name(), input));
        }
        if (e instanceof UnresolvedStar s) {
            throw new AnalysisException("INVALID_USAGE_OF_STAR_OR_REGEX", "Invalid usage of '" + s.sql()
                    + "' in expression.");
        }
        if (!e.children().stream().allMatch(Expression::resolved)) {
            return e;
        }
        if (e instanceof UnresolvedFunction f) {
            return resolveFunction(f);
        }
        if (e instanceof WindowExpression w && w.function() instanceof WindowFunction f
                && f.kind() != WindowFunction.Kind.LAG && f.kind() != WindowFunction.Kind.LEAD) {
            // Ranking functions count rows up to the current one whatever frame was written, as in Spark.
            return new WindowExpression(f, w.partitionBy(), w.orderBy(),
                    new WindowExpression.Frame(true, WindowExpression.Frame.UNBOUNDED_PRECEDING, 0));
        }
        if (e instanceof UnresolvedExtractValue x) {
            return resolveExtract(x);
        }
        if (e instanceof Arithmetic a) {
            return TypeCoercion.coerceArithmetic(a);
        }
        if (e instanceof Comparison c) {
            return TypeCoercion.coerceComparison(c);
        }
        if (e instanceof In in) {
            return TypeCoercion.coerceIn(in);
        }
        if (e instanceof CaseWhen c) {
            return TypeCoercion.coerceCaseWhen(c);
        }
        if (e instanceof And a) {
            return new And(toBoolean(a.left(), e), toBoolean(a.right(), e));
        }
        if (e instanceof Or o) {
            return new Or(toBoolean(o.left(), e), toBoolean(o.right(), e));
        }
        if (e instanceof Not n) {
            return new Not(toBoolean(n.child(), e));
        }
        if (e instanceof Like l) {
            return new Like(TypeCoercion.castTo(l.child(), StringType.INSTANCE),
                    TypeCoercion.castTo(l.pattern(), StringType.INSTANCE), l.escape());
        }
        if (e instanceof RLike r) {
            return new RLike(TypeCoercion.castTo(r.child(), StringType.INSTANCE),
                    TypeCoercion.castTo(r.pattern(), StringType.INSTANCE));
        }
        if (e instanceof UnaryMinus m && !m.child().dataType().isNumeric() && !m.child().dataType().isInterval()) {
            if (m.child().dataType() instanceof StringType || m.child().dataType() instanceof NullType) {
                return new UnaryMinus(TypeCoercion.castTo(m.child(), DoubleType.INSTANCE));
            }
            throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "Cannot resolve \"" + e.sql()
                    + "\" due to data type mismatch: The first parameter requires the \"NUMERIC\" type, however \""
                    + m.child().sql() + "\" has the type \"" + m.child().dataType().sql() + "\".");
        }
        return e;
    }

    private static Expression toBoolean(Expression e, Expression parent) {
        DataType t = e.dataType();
        if (t instanceof BooleanType) {
            return e;
        }
        if (t instanceof NullType) {
            return TypeCoercion.castTo(e, BooleanType.INSTANCE);
        }
        throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "Cannot resolve \"" + parent.sql()
                + "\" due to data type mismatch: The input \"" + e.sql() + "\" requires the \"BOOLEAN\" type, however it "
                + "has the type \"" + t.sql() + "\".");
    }

    private static void requireBoolean(Expression condition, String where) {
        DataType t = condition.dataType();
        if (!(t instanceof BooleanType) && !(t instanceof NullType)) {
            throw new AnalysisException("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", "Cannot resolve \"" + condition.sql()
                    + "\" due to data type mismatch: The " + where + " expression \"" + condition.sql()
                    + "\" of type \"" + t.sql() + "\" is not a boolean.");
        }
    }

    private Expression resolveExtract(UnresolvedExtractValue x) {
        DataType t = x.child().dataType();
        if (t instanceof StructType && x.extraction() instanceof Literal l && l.value() != null) {
            return NameResolver.extractField(x.child(), l.value().toString(), List.of());
        }
        if (t instanceof ArrayType) {
            // Spark's arr[i] is 0-based; element_at is 1-based.
            Expression index = TypeCoercion.castTo(x.extraction(), IntegerType.INSTANCE);
            return bindFunction("element_at", List.of(x.child(),
                    TypeCoercion.coerceArithmetic(new Arithmetic(Arithmetic.Op.ADD, index, Literal.of(1)))));
        }
        if (t instanceof MapType) {
            return bindFunction("element_at", List.of(x.child(), x.extraction()));
        }
        throw new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE", "Can't extract a value from \"" + x.child().sql()
                + "\". Need a complex type [STRUCT, ARRAY, MAP] but got \"" + t.sql() + "\".");
    }

    private Expression resolveFunction(UnresolvedFunction f) {
        String name = f.name().toLowerCase(java.util.Locale.ROOT);
        switch (name) {
            case "explode":
            case "explode_outer":
            case "posexplode":
            case "posexplode_outer":
                return resolveExplode(f, name);
            case "struct":
                return resolveStruct(f);
            default:
                break;
        }
        WindowFunction.Kind windowKind = WindowFunction.Kind.named(name);
        if (windowKind != null) {
            return windowFunction(windowKind, f.arguments());
        }
        Optional<AggregateFunction> agg = functions.aggregate(name);
        if (agg.isPresent()) {
            BoundAggregateFunction probe = agg.get().bind(ScalarFunctionCall.argsOf(f.arguments()), f.distinct());
            List<Expression> args = castArguments(f.arguments(), probe.inputTypes());
            return AggregateCall.bind(agg.get(), args, f.distinct());
        }
        if (f.distinct()) {
            throw new AnalysisException("INVALID_SQL_SYNTAX", "DISTINCT is only allowed in aggregate functions, not in `"
                    + name + "`.");
        }
        return bindFunction(name, f.arguments());
    }

    /** {@code row_number()}, {@code rank()}, {@code dense_rank()}; {@code lag|lead(x[, offset[, default]])}. */
    private static Expression windowFunction(WindowFunction.Kind kind, List<Expression> args) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        if (kind != WindowFunction.Kind.LAG && kind != WindowFunction.Kind.LEAD) {
            if (!args.isEmpty()) {
                throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `" + name + "` requires 0 "
                        + "parameters but the actual number is " + args.size() + ".");
            }
            return new WindowFunction(kind, List.of());
        }
        if (args.isEmpty() || args.size() > 3) {
            throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `" + name + "` requires [1, 2, 3] "
                    + "parameters but the actual number is " + args.size() + ".");
        }
        Expression offset = args.size() > 1 ? args.get(1) : Literal.of(1);
        if (!(offset instanceof Literal l && l.value() instanceof Integer)) {
            throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", "The offset of `" + name + "` must "
                    + "be an integer constant, not " + offset.sql() + ".");
        }
        Expression value = args.get(0);
        Expression fallback = args.size() > 2 ? TypeCoercion.castTo(args.get(2), value.dataType())
                : new Literal(null, value.dataType());
        return new WindowFunction(kind, List.of(value, offset, fallback));
    }

    private Expression bindFunction(String name, List<Expression> given) {
        ScalarFunction fn = functions.scalar(name).orElseThrow(() -> functions.unresolved(name));
        List<Expression> arguments = new ArrayList<>(given.size());
        for (Expression a : given) {
            arguments.add(foldOptions(a));
        }
        BoundScalarFunction probe = fn.bind(ScalarFunctionCall.argsOf(arguments));
        return ScalarFunctionCall.bind(fn, castArguments(arguments, probe.inputTypes()));
    }

    /**
     * An options map ({@code from_json(s, schema, map('mode', 'FAILFAST'))}) becomes a literal before binding, so the
     * function sees its value, as Spark requires of options. Only maps: other constants are folded by the optimizer.
     */
    private static Expression foldOptions(Expression e) {
        if (e instanceof Literal || !(e.dataType() instanceof io.fluxo.types.MapType) || !e.foldable()
                || !e.deterministic()) {
            return e;
        }
        return new Literal(io.fluxo.exec.expr.ExpressionCompiler.evaluateConstant(e,
                new io.fluxo.function.EvalContext(java.time.ZoneOffset.UTC, 0)), e.dataType());
    }

    private static List<Expression> castArguments(List<Expression> args, List<DataType> types) {
        if (types.size() != args.size()) {
            return args;
        }
        List<Expression> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            out.add(TypeCoercion.castTo(args.get(i), types.get(i)));
        }
        return out;
    }

    private Expression resolveExplode(UnresolvedFunction f, String name) {
        if (f.arguments().size() != 1) {
            throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `" + name + "` requires 1 "
                    + "parameters but the actual number is " + f.arguments().size() + ".");
        }
        Expression child = f.arguments().get(0);
        if (!(child.dataType() instanceof ArrayType) && !(child.dataType() instanceof MapType)) {
            throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "Cannot resolve \"" + f.sql()
                    + "\" due to data type mismatch: The first parameter requires the (\"ARRAY\" or \"MAP\") type, "
                    + "however \"" + child.sql() + "\" has the type \"" + child.dataType().sql() + "\".");
        }
        return new Explode(child, name.endsWith("_outer"), name.startsWith("pos"));
    }

    /** {@code struct(a, b)} names its fields after the columns, as Spark does ({@code col1}, … for others). */
    private Expression resolveStruct(UnresolvedFunction f) {
        List<Expression> args = new ArrayList<>();
        int i = 1;
        for (Expression a : f.arguments()) {
            String name = a instanceof NamedExpression n ? n.name()
                    : a instanceof GetStructField g ? g.fieldName() : "col" + i;
            args.add(Literal.of(name));
            args.add(a instanceof Alias al ? al.child() : a);
            i++;
        }
        return bindFunction("named_struct", args);
    }
}
