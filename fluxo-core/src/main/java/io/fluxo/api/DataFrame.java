package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.expr.Alias;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.SortOrder;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.plan.expr.UnresolvedFunction;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Deduplicate;
import io.fluxo.plan.logical.Distinct;
import io.fluxo.plan.logical.EventTimeWatermark;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.JoinType;
import io.fluxo.plan.logical.Limit;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.Sort;
import io.fluxo.plan.logical.SubqueryAlias;
import io.fluxo.plan.logical.Union;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.DateTimeUtils;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import io.fluxo.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A distributed-looking, locally-run table: an immutable logical plan plus the session that runs it. Transformations
 * return new DataFrames and are analyzed at once, so a misspelled column fails where it was written; actions
 * ({@link #collect}, {@link #count}, {@link #show}, {@link #write}) run the plan.
 */
public final class DataFrame {
    private final Session session;
    private final LogicalPlan plan;

    DataFrame(Session session, LogicalPlan unresolved) {
        this.session = session;
        this.plan = session.analyzer().analyze(unresolved);
    }

    public Session sparkSession() {
        return session;
    }

    public Session session() {
        return session;
    }

    /** The analyzed logical plan. */
    public LogicalPlan logicalPlan() {
        return plan;
    }

    DataFrame with(LogicalPlan next) {
        return new DataFrame(session, next);
    }

    // ---- schema --------------------------------------------------------------------------------------------

    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
        }
        return new StructType(fields);
    }

    public String[] columns() {
        return plan.output().stream().map(AttributeReference::name).toArray(String[]::new);
    }

    /** Pairs of column name and SQL type name, e.g. {@code [id, bigint]}. */
    public List<String[]> dtypes() {
        return plan.output().stream().map(a -> new String[] {a.name(), a.dataType().simpleString()}).toList();
    }

    public void printSchema() {
        System.out.print(schema().treeString());
    }

    public boolean isStreaming() {
        return plan.isStreaming();
    }

    /** This DataFrame's column by name, bound now, so it stays unambiguous in joins with other DataFrames. */
    public Column col(String name) {
        if (name.equals("*")) {
            return functions.col("*");
        }
        Expression resolved = session.analyzer().resolveExpression(UnresolvedAttribute.quoted(name), plan.output());
        return new Column(resolved);
    }

    public Column apply(String name) {
        return col(name);
    }

    // ---- transformations -----------------------------------------------------------------------------------

    public DataFrame select(Column... cols) {
        return with(new Project(exprs(cols), plan));
    }

    public DataFrame select(String col, String... cols) {
        List<Expression> list = new ArrayList<>();
        list.add(functions.col(col).expr());
        for (String c : cols) {
            list.add(functions.col(c).expr());
        }
        return with(new Project(list, plan));
    }

    public DataFrame selectExpr(String... exprs) {
        List<Expression> list = new ArrayList<>();
        for (String e : exprs) {
            list.add(SqlParser.parseExpression(e));
        }
        return with(new Project(list, plan));
    }

    public DataFrame filter(Column condition) {
        return with(new Filter(condition.expr(), plan));
    }

    public DataFrame filter(String condition) {
        return with(new Filter(SqlParser.parseExpression(condition), plan));
    }

    public DataFrame where(Column condition) {
        return filter(condition);
    }

    public DataFrame where(String condition) {
        return filter(condition);
    }

    /** Adds a column, or replaces the one of the same name in place. */
    public DataFrame withColumn(String name, Column col) {
        List<Expression> list = new ArrayList<>();
        boolean replaced = false;
        for (AttributeReference a : plan.output()) {
            if (a.name().equalsIgnoreCase(name)) {
                list.add(Alias.of(col.expr(), name));
                replaced = true;
            } else {
                list.add(a);
            }
        }
        if (!replaced) {
            list.add(Alias.of(col.expr(), name));
        }
        return with(new Project(list, plan));
    }

    public DataFrame withColumnRenamed(String existing, String newName) {
        List<Expression> list = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            list.add(a.name().equalsIgnoreCase(existing) ? Alias.of(a, newName) : a);
        }
        return with(new Project(list, plan));
    }

    /** Drops columns by name; names that do not exist are ignored, as in Spark. */
    public DataFrame drop(String... names) {
        List<Expression> list = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            if (Arrays.stream(names).noneMatch(n -> n.equalsIgnoreCase(a.name()))) {
                list.add(a);
            }
        }
        return with(new Project(list, plan));
    }

    public DataFrame drop(Column col) {
        Expression e = col.expr();
        if (e instanceof UnresolvedAttribute u) {
            return drop(u.name());
        }
        if (e instanceof AttributeReference ref) {
            List<Expression> list = new ArrayList<>();
            plan.output().stream().filter(a -> !a.sameRef(ref)).forEach(list::add);
            return with(new Project(list, plan));
        }
        return this;
    }

    /** Renames all columns by position. */
    public DataFrame toDF(String... names) {
        List<AttributeReference> out = plan.output();
        if (names.length != out.size()) {
            throw new AnalysisException("INVALID_COLUMN_NAMES", "The number of columns doesn't match. Old column names ("
                    + out.size() + "): " + String.join(", ", columns()) + ". New column names (" + names.length + "): "
                    + String.join(", ", names) + ".");
        }
        List<Expression> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(out.get(i).name().equals(names[i]) ? out.get(i) : Alias.of(out.get(i), names[i]));
        }
        return with(new Project(list, plan));
    }

    public GroupedData groupBy(Column... cols) {
        return new GroupedData(this, exprs(cols));
    }

    public GroupedData groupBy(String col, String... cols) {
        List<Expression> list = new ArrayList<>();
        list.add(functions.col(col).expr());
        for (String c : cols) {
            list.add(functions.col(c).expr());
        }
        return new GroupedData(this, list);
    }

    /**
     * Groups rows by the values of {@code cols} for {@code mapGroupsWithState} / {@code flatMapGroupsWithState}, as
     * Spark's {@code groupByKey}: the key given to the function is a {@link Row} of these columns.
     */
    public KeyValueGroupedData groupByKey(String col, String... cols) {
        List<Column> list = new ArrayList<>();
        list.add(functions.col(col));
        for (String c : cols) {
            list.add(functions.col(c));
        }
        return groupByKey(list.toArray(Column[]::new));
    }

    /** As {@link #groupByKey(String, String...)}, with key expressions ({@code col("ts").cast("date")}). */
    public KeyValueGroupedData groupByKey(Column... cols) {
        // Resolve the keys now: the function's key row needs their names and types.
        Project keys = (Project) new DataFrame(session, new Project(exprs(cols), plan)).plan;
        List<Expression> resolved = new ArrayList<>();
        for (Expression e : keys.projectList()) {
            resolved.add(e instanceof Alias a ? a.child() : e);
        }
        return new KeyValueGroupedData(this, resolved, keys.output());
    }

    /**
     * Keeps this DataFrame's rows in memory once a query has computed them, as Spark's {@code cache()}: later queries
     * that use it (a static table joined with a stream at every micro-batch, say) read them from memory instead of
     * computing them again, and so do not see later changes of its sources until {@link #unpersist()}.
     */
    public DataFrame cache() {
        if (plan.isStreaming()) {
            throw new AnalysisException("STREAMING_QUERY_NOT_STARTED", "Queries with streaming sources must be "
                    + "executed with writeStream.start(); a streaming DataFrame cannot be cached.");
        }
        session.cacheManager().cache(plan);
        return this;
    }

    /** The same as {@link #cache()}: rows are kept in memory. */
    public DataFrame persist() {
        return cache();
    }

    /** Forgets the cached rows: later queries compute this DataFrame again. */
    public DataFrame unpersist() {
        session.cacheManager().uncache(plan);
        return this;
    }

    /** Whether {@link #cache()} was called (and not undone). */
    public boolean isCached() {
        return session.cacheManager().isCached(plan);
    }

    /** A global aggregate: {@code df.agg(sum("x"), count("*"))}. */
    public DataFrame agg(Column first, Column... rest) {
        return groupBy().agg(first, rest);
    }

    DataFrame aggregate(List<Expression> grouping, List<Expression> aggregates) {
        List<Expression> out = new ArrayList<>(grouping);
        out.addAll(aggregates);
        return with(new Aggregate(grouping, out, plan));
    }

    public DataFrame join(DataFrame right) {
        return with(new Join(plan, right.plan, JoinType.INNER, Optional.empty(), List.of()));
    }

    public DataFrame join(DataFrame right, String usingColumn) {
        return join(right, List.of(usingColumn), "inner");
    }

    public DataFrame join(DataFrame right, List<String> usingColumns) {
        return join(right, usingColumns, "inner");
    }

    public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
        return with(new Join(plan, right.plan, JoinType.fromString(joinType), Optional.empty(), usingColumns));
    }

    public DataFrame join(DataFrame right, Column condition) {
        return join(right, condition, "inner");
    }

    public DataFrame join(DataFrame right, Column condition, String joinType) {
        return with(new Join(plan, right.plan, JoinType.fromString(joinType), Optional.of(condition.expr()), List.of()));
    }

    public DataFrame crossJoin(DataFrame right) {
        return with(new Join(plan, right.plan, JoinType.CROSS, Optional.empty(), List.of()));
    }

    /** UNION ALL by position (Spark's union does not remove duplicates). */
    public DataFrame union(DataFrame other) {
        return with(new Union(List.of(plan, other.plan), false, false));
    }

    public DataFrame unionAll(DataFrame other) {
        return union(other);
    }

    public DataFrame unionByName(DataFrame other) {
        return unionByName(other, false);
    }

    public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
        return with(new Union(List.of(plan, other.plan), true, allowMissingColumns));
    }

    public DataFrame orderBy(Column... cols) {
        List<Expression> order = new ArrayList<>();
        for (Column c : cols) {
            order.add(c.expr() instanceof SortOrder ? c.expr() : SortOrder.asc(c.expr()));
        }
        return with(new Sort(order, true, plan));
    }

    public DataFrame orderBy(String col, String... cols) {
        List<Column> list = new ArrayList<>();
        list.add(functions.col(col));
        for (String c : cols) {
            list.add(functions.col(c));
        }
        return orderBy(list.toArray(Column[]::new));
    }

    public DataFrame sort(Column... cols) {
        return orderBy(cols);
    }

    public DataFrame sort(String col, String... cols) {
        return orderBy(col, cols);
    }

    public DataFrame limit(int n) {
        return with(new Limit(n, plan));
    }

    public DataFrame distinct() {
        return with(new Distinct(plan));
    }

    /**
     * Declares {@code eventTime} (a TIMESTAMP column) as this stream's event time with a {@code delay} such as
     * {@code "10 minutes"}: after each batch the watermark becomes the latest event time seen minus the delay, and
     * stateful operators drop rows older than it and finish windows that end before it. No effect on a batch query.
     */
    public DataFrame withWatermark(String eventTime, String delay) {
        long micros;
        try {
            micros = DateTimeUtils.parseIntervalMicros(delay);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("CANNOT_PARSE_INTERVAL", "Unable to parse the delay '" + delay
                    + "' of withWatermark: use a number and a unit, such as '10 minutes'.");
        }
        if (micros < 0) {
            throw new AnalysisException("INVALID_WATERMARK_DELAY", "The watermark delay must not be negative: '"
                    + delay + "'.");
        }
        return new DataFrame(session, new EventTimeWatermark(new UnresolvedAttribute(List.of(eventTime.split("\\."))),
                micros, plan, null));
    }

    /** Drops rows equal to an earlier one; on a stream, remembers every row seen (as Spark's dropDuplicates()). */
    public DataFrame dropDuplicates() {
        return dropDuplicates(columns());
    }

    public DataFrame dropDuplicates(String... columns) {
        if (columns.length == 0) {
            return distinct();
        }
        List<Expression> keys = new ArrayList<>();
        for (String c : columns) {
            keys.add(UnresolvedAttribute.quoted(c));
        }
        return with(new Deduplicate(keys, plan));
    }

    /**
     * Streams with a watermark only: drops rows whose {@code columns} (all columns when none are given) equal those of
     * an earlier row, remembering each key until the watermark passes its event time plus the watermark delay, as
     * Spark's {@code dropDuplicatesWithinWatermark}. The event time need not be one of the columns.
     */
    public DataFrame dropDuplicatesWithinWatermark(String... columns) {
        List<Expression> keys = new ArrayList<>();
        for (String c : columns.length > 0 ? Arrays.asList(columns) : List.of(columns())) {
            keys.add(UnresolvedAttribute.quoted(c));
        }
        return with(new Deduplicate(keys, plan, true));
    }

    /** Names this DataFrame so its columns can be addressed as {@code alias.column}. */
    public DataFrame alias(String alias) {
        return with(new SubqueryAlias(alias, plan));
    }

    public DataFrame as(String alias) {
        return alias(alias);
    }

    public void createOrReplaceTempView(String name) {
        session.registerTempView(name, plan, true);
    }

    public void createTempView(String name) {
        session.registerTempView(name, plan, false);
    }

    // ---- actions -------------------------------------------------------------------------------------------

    public List<Row> collectAsList() {
        return RowConverter.toRows(session.execute(plan), schema());
    }

    public Row[] collect() {
        return collectAsList().toArray(Row[]::new);
    }

    /** Result batches as the engine produced them, for callers that stay columnar. */
    public List<ColumnBatch> collectBatches() {
        return session.execute(plan);
    }

    /**
     * Runs the query and hands every result batch to {@code consumer} as tasks produce it, without collecting them:
     * the columnar way out for embedders. Called from the session's task threads, possibly concurrently.
     */
    public void forEachColumnBatch(java.util.function.Consumer<ColumnBatch> consumer) {
        session.forEachBatch(plan, consumer);
    }

    public long count() {
        Expression count = new UnresolvedFunction("count", List.of(Literal.of(1)), false);
        DataFrame counted = with(new Aggregate(List.of(), List.of(Alias.of(count, "count")), plan));
        List<ColumnBatch> out = session.execute(counted.plan);
        return (Long) out.get(0).column(0).getObject(0);
    }

    public boolean isEmpty() {
        return limit(1).collectAsList().isEmpty();
    }

    public List<Row> takeAsList(int n) {
        return limit(n).collectAsList();
    }

    public Row[] take(int n) {
        return takeAsList(n).toArray(Row[]::new);
    }

    public Row[] head(int n) {
        return take(n);
    }

    /** The first row; fails on an empty DataFrame, as Spark's head() does. */
    public Row head() {
        List<Row> rows = takeAsList(1);
        if (rows.isEmpty()) {
            throw new java.util.NoSuchElementException("next on empty iterator");
        }
        return rows.get(0);
    }

    public Row first() {
        return head();
    }

    public void show() {
        show(20, true);
    }

    public void show(int numRows) {
        show(numRows, true);
    }

    public void show(boolean truncate) {
        show(20, truncate);
    }

    public void show(int numRows, boolean truncate) {
        System.out.print(showString(numRows, truncate ? 20 : 0));
    }

    /** The text {@link #show} prints: Spark's table layout, values cut to {@code truncate} characters (0: no cut). */
    public String showString(int numRows, int truncate) {
        List<Row> rows = limit(numRows + 1).collectAsList();
        return ShowFormat.format(schema(), rows, numRows, truncate, session.timeZone());
    }

    public void explain() {
        explain(false);
    }

    public void explain(boolean extended) {
        System.out.print(explainString(extended));
    }

    public String explainString(boolean extended) {
        Session.QueryPlans plans = session.plan(plan, session.newEvalContext());
        StringBuilder sb = new StringBuilder();
        if (extended) {
            sb.append("== Analyzed Logical Plan ==\n").append(plans.analyzed().treeString()).append('\n');
            sb.append("== Optimized Logical Plan ==\n").append(plans.optimized().treeString()).append('\n');
        }
        sb.append("== Physical Plan ==\n").append(plans.physical().treeString());
        return sb.toString();
    }

    /** Starts describing a streaming query over this streaming DataFrame. */
    public DataStreamWriter writeStream() {
        return new DataStreamWriter(this);
    }

    public DataFrameWriter write() {
        return new DataFrameWriter(this);
    }

    private static List<Expression> exprs(Column... cols) {
        List<Expression> out = new ArrayList<>();
        for (Column c : cols) {
            out.add(c.expr());
        }
        return out;
    }
}
