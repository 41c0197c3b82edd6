package io.fluxo.cli.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One step of a case's {@code dataframe} query: one call of the DataFrame API with SQL expression strings, applied in
 * order to the result of the previous step. The first step of a list is always {@link Source} or {@link Table}.
 * An engine builds its query by walking the steps with a {@link Visitor}, so a new kind of step is a compile error
 * there rather than a silent gap.
 */
public sealed interface QueryStep {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of step. */
    interface Visitor<R> {
        R source(Source step);

        R table(Table step);

        R select(Select step);

        R filter(Filter step);

        R withColumn(WithColumn step);

        R withWatermark(WithWatermark step);

        R groupByAgg(GroupByAgg step);

        R dropDuplicates(DropDuplicates step);

        R dropDuplicatesWithinWatermark(DropDuplicatesWithinWatermark step);

        R join(Join step);

        R union(Union step);

        R orderBy(OrderBy step);

        R limit(Limit step);
    }

    /** {@code source: events}: start from the streaming source of that name. */
    record Source(String name) implements QueryStep {
        public Source {
            Objects.requireNonNull(name, "name is null");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.source(this);
        }
    }

    /** {@code table: users}: start from the static table of that name. */
    record Table(String name) implements QueryStep {
        public Table {
            Objects.requireNonNull(name, "name is null");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.table(this);
        }
    }

    /** {@code select} or {@code selectExpr}: both take SQL expressions, as {@code selectExpr} does. */
    record Select(List<String> expressions) implements QueryStep {
        public Select {
            expressions = List.copyOf(expressions);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.select(this);
        }
    }

    /** {@code filter} or {@code where}: one boolean SQL expression. */
    record Filter(String condition) implements QueryStep {
        public Filter {
            Objects.requireNonNull(condition, "condition is null");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.filter(this);
        }
    }

    /** {@code withColumn: [name, expr]}. */
    record WithColumn(String name, String expression) implements QueryStep {
        public WithColumn {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(expression, "expression is null");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.withColumn(this);
        }
    }

    /** {@code withWatermark: [column, delay]}; the delay as written, e.g. {@code "10 seconds"}. */
    record WithWatermark(String column, String delay) implements QueryStep {
        public WithWatermark {
            Objects.requireNonNull(column, "column is null");
            Objects.requireNonNull(delay, "delay is null");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.withWatermark(this);
        }
    }

    /** {@code groupBy: [exprs]} and the {@code agg: [exprs]} step that must follow it, as one call. */
    record GroupByAgg(List<String> groupingExpressions, List<String> aggregateExpressions) implements QueryStep {
        public GroupByAgg {
            groupingExpressions = List.copyOf(groupingExpressions);
            aggregateExpressions = List.copyOf(aggregateExpressions);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.groupByAgg(this);
        }
    }

    /** {@code dropDuplicates: [columns]}; an empty list means all columns. */
    record DropDuplicates(List<String> columns) implements QueryStep {
        public DropDuplicates {
            columns = List.copyOf(columns);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dropDuplicates(this);
        }
    }

    /** {@code dropDuplicatesWithinWatermark: [columns]}; an empty list means all columns. */
    record DropDuplicatesWithinWatermark(List<String> columns) implements QueryStep {
        public DropDuplicatesWithinWatermark {
            columns = List.copyOf(columns);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dropDuplicatesWithinWatermark(this);
        }
    }

    /** {@code join: {right: [steps], on: …, how: …}}. */
    record Join(List<QueryStep> right, JoinOn on, JoinType how) implements QueryStep {
        public Join {
            right = List.copyOf(right);
            Objects.requireNonNull(on, "on is null");
            Objects.requireNonNull(how, "how is null");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.join(this);
        }
    }

    /** {@code union: [steps]}: the rows of the query so far and of the other one (by position, as Spark's union). */
    record Union(List<QueryStep> other) implements QueryStep {
        public Union {
            other = List.copyOf(other);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.union(this);
        }
    }

    /** {@code orderBy: [exprs]}; each may end in {@code ASC} or {@code DESC}, as in SQL's ORDER BY. */
    record OrderBy(List<String> expressions) implements QueryStep {
        public OrderBy {
            expressions = List.copyOf(expressions);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.orderBy(this);
        }
    }

    /** {@code limit: n}. */
    record Limit(int n) implements QueryStep {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.limit(this);
        }
    }

    /** How a join matches rows: by columns of the same name (SQL's USING) or by a boolean expression. */
    sealed interface JoinOn permits Using, Condition {
    }

    /** {@code on: [a, b]}: equal values of these columns on both sides; each appears once in the result. */
    record Using(List<String> columns) implements JoinOn {
        public Using {
            columns = List.copyOf(columns);
        }
    }

    /** {@code on: "l.k = r.k AND …"}: one boolean SQL expression. */
    record Condition(String expression) implements JoinOn {
        public Condition {
            Objects.requireNonNull(expression, "expression is null");
        }
    }

    /** The join types a case may name, with Spark's spelling for {@code Dataset.join(…, how)}. */
    enum JoinType {
        INNER, LEFT_OUTER, RIGHT_OUTER, FULL_OUTER, LEFT_SEMI, LEFT_ANTI;

        /** Spark's name: {@code inner}, {@code left_outer}, … */
        public String sparkName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The join type named by {@code text} with Spark's aliases ({@code left}, {@code full}, {@code semi}, …). */
        static JoinType parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT).replace("_", "")) {
                case "inner" -> INNER;
                case "left", "leftouter" -> LEFT_OUTER;
                case "right", "rightouter" -> RIGHT_OUTER;
                case "full", "outer", "fullouter" -> FULL_OUTER;
                case "semi", "leftsemi" -> LEFT_SEMI;
                case "anti", "leftanti" -> LEFT_ANTI;
                default -> null;
            };
        }
    }
}
