package io.fluxo.api;

import io.fluxo.plan.expr.CaseWhen;
import io.fluxo.plan.expr.Expression;
import io.fluxo.plan.expr.Literal;
import io.fluxo.plan.expr.Not;
import io.fluxo.plan.expr.UnresolvedAttribute;
import io.fluxo.plan.expr.UnresolvedFunction;
import io.fluxo.plan.expr.UnresolvedStar;
import io.fluxo.sql.SqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spark's {@code functions}: column constructors and built-in functions for the DataFrame API. Each builds an
 * unresolved call by name; the analyzer binds it against the function registry, so a function is defined once and
 * usable from SQL text and from here alike. Any registered function not listed is reachable through
 * {@link #call_function}.
 */
@SuppressWarnings("checkstyle:MethodName")
public final class functions {
    private functions() {
    }

    /** A column by name; {@code "*"} and {@code "t.*"} select all columns; dots address qualifiers and struct fields. */
    public static Column col(String name) {
        if (name.equals("*")) {
            return new Column(new UnresolvedStar(List.of()));
        }
        if (name.endsWith(".*")) {
            return new Column(new UnresolvedStar(UnresolvedAttribute.splitName(name.substring(0, name.length() - 2))));
        }
        return new Column(UnresolvedAttribute.quoted(name));
    }

    public static Column column(String name) {
        return col(name);
    }

    /** A literal; a Column passes through unchanged. */
    public static Column lit(Object value) {
        return value instanceof Column c ? c : new Column(Literal.of(value));
    }

    /** Parses a SQL expression: {@code expr("amount * 2 AS doubled")}. */
    public static Column expr(String sql) {
        return new Column(SqlParser.parseExpression(sql));
    }

    /** Calls any built-in function by name with columns or literal values as arguments. */
    public static Column call_function(String name, Object... args) {
        List<Expression> exprs = new ArrayList<>();
        for (Object a : args) {
            exprs.add(Column.lit(a));
        }
        return new Column(new UnresolvedFunction(name, exprs, false));
    }

    private static Column call(String name, Column... args) {
        List<Expression> exprs = new ArrayList<>();
        for (Column c : args) {
            exprs.add(c.expr());
        }
        return new Column(new UnresolvedFunction(name, exprs, false));
    }

    private static Column distinctCall(String name, Column... args) {
        List<Expression> exprs = new ArrayList<>();
        for (Column c : args) {
            exprs.add(c.expr());
        }
        return new Column(new UnresolvedFunction(name, exprs, true));
    }

    public static Column not(Column c) {
        return new Column(new Not(c.expr()));
    }

    /** Starts a CASE WHEN chain: {@code when(cond, v).when(cond2, v2).otherwise(v3)}. */
    public static Column when(Column condition, Object value) {
        return new Column(new CaseWhen(List.of(new CaseWhen.Branch(condition.expr(), Column.lit(value))),
                Optional.empty()));
    }

    public static Column asc(String name) {
        return col(name).asc();
    }

    public static Column desc(String name) {
        return col(name).desc();
    }

    /** count(*) counts rows; count(col) counts non-null values. */
    /** The row's position in its window partition, from 1: use with {@code .over(window)}. */
    public static Column row_number() {
        return call("row_number");
    }

    /** The row's rank in its window partition, with gaps after ties. */
    public static Column rank() {
        return call("rank");
    }

    /** The row's rank in its window partition, without gaps. */
    public static Column dense_rank() {
        return call("dense_rank");
    }

    /** The value {@code offset} rows before in the window partition, or {@code defaultValue}. */
    public static Column lag(Column e, int offset, Object defaultValue) {
        return call("lag", e, lit(offset), lit(defaultValue));
    }

    public static Column lag(String column, int offset) {
        return call("lag", col(column), lit(offset));
    }

    /** The value {@code offset} rows after in the window partition, or {@code defaultValue}. */
    public static Column lead(Column e, int offset, Object defaultValue) {
        return call("lead", e, lit(offset), lit(defaultValue));
    }

    public static Column lead(String column, int offset) {
        return call("lead", col(column), lit(offset));
    }

    public static Column count(String name) {
        return name.equals("*") ? call("count", lit(1)) : call("count", col(name));
    }

    public static Column countDistinct(Column first, Column... rest) {
        Column[] all = new Column[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return distinctCall("count", all);
    }

    public static Column count_distinct(Column first, Column... rest) {
        return countDistinct(first, rest);
    }

    public static Column sumDistinct(Column c) {
        return distinctCall("sum", c);
    }

    public static Column approx_count_distinct(Column c, double rsd) {
        return call("approx_count_distinct", c, lit(rsd));
    }

    public static Column first(Column c, boolean ignoreNulls) {
        return call("first", c, lit(ignoreNulls));
    }

    public static Column last(Column c, boolean ignoreNulls) {
        return call("last", c, lit(ignoreNulls));
    }

    public static Column substring(Column str, int pos, int len) {
        return call("substring", str, lit(pos), lit(len));
    }

    public static Column concat_ws(String sep, Column... cols) {
        Column[] all = new Column[cols.length + 1];
        all[0] = lit(sep);
        System.arraycopy(cols, 0, all, 1, cols.length);
        return call("concat_ws", all);
    }

    public static Column split(Column str, String regex) {
        return call("split", str, lit(regex));
    }

    public static Column split(Column str, String regex, int limit) {
        return call("split", str, lit(regex), lit(limit));
    }

    public static Column replace(Column str, Column search, Column replacement) {
        return call("replace", str, search, replacement);
    }

    public static Column regexp_extract(Column str, String regex, int idx) {
        return call("regexp_extract", str, lit(regex), lit(idx));
    }

    public static Column regexp_replace(Column str, String regex, String replacement) {
        return call("regexp_replace", str, lit(regex), lit(replacement));
    }

    public static Column lpad(Column str, int len, String pad) {
        return call("lpad", str, lit(len), lit(pad));
    }

    public static Column rpad(Column str, int len, String pad) {
        return call("rpad", str, lit(len), lit(pad));
    }

    public static Column instr(Column str, String substring) {
        return call("instr", str, lit(substring));
    }

    public static Column round(Column c) {
        return call("round", c);
    }

    public static Column round(Column c, int scale) {
        return call("round", c, lit(scale));
    }

    public static Column pow(Column base, Object exponent) {
        return call("pow", base, lit(exponent));
    }

    public static Column mod(Column a, Object b) {
        return call("mod", a, lit(b));
    }

    public static Column to_date(Column c, String format) {
        return call("to_date", c, lit(format));
    }

    public static Column to_timestamp(Column c, String format) {
        return call("to_timestamp", c, lit(format));
    }

    public static Column date_format(Column c, String format) {
        return call("date_format", c, lit(format));
    }

    /** The tumbling event-time window of {@code timeColumn}, a {@code STRUCT<start, end>}: {@code "5 minutes"}. */
    public static Column window(Column timeColumn, String windowDuration) {
        return call("window", timeColumn, lit(windowDuration)).as("window");
    }

    /** Sliding windows: each row belongs to every window of {@code windowDuration} starting every {@code slide}. */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration) {
        return call("window", timeColumn, lit(windowDuration), lit(slideDuration)).as("window");
    }

    /** Windows aligned to the epoch plus {@code startTime} (e.g. {@code "15 minutes"} for :15, :45 … windows). */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration, String startTime) {
        return call("window", timeColumn, lit(windowDuration), lit(slideDuration), lit(startTime)).as("window");
    }

    /** The session window of each row, {@code [ts, ts + gap)}; grouped by, a key's overlapping windows merge. */
    public static Column session_window(Column timeColumn, String gapDuration) {
        return call("session_window", timeColumn, lit(gapDuration)).as("session_window");
    }

    public static Column date_trunc(String unit, Column c) {
        return call("date_trunc", lit(unit), c);
    }

    public static Column date_add(Column c, int days) {
        return call("date_add", c, lit(days));
    }

    public static Column date_sub(Column c, int days) {
        return call("date_sub", c, lit(days));
    }

    public static Column datediff(Column end, Column start) {
        return call("datediff", end, start);
    }

    public static Column unix_timestamp() {
        return call("unix_timestamp");
    }

    public static Column unix_timestamp(Column c, String format) {
        return call("unix_timestamp", c, lit(format));
    }

    public static Column from_unixtime(Column c) {
        return call("from_unixtime", c);
    }

    public static Column from_unixtime(Column c, String format) {
        return call("from_unixtime", c, lit(format));
    }

    public static Column current_timestamp() {
        return call("current_timestamp");
    }

    public static Column current_date() {
        return call("current_date");
    }

    /** Parses JSON text into a value of the given type (a DDL schema string such as {@code "a INT, b STRING"}). */
    public static Column from_json(Column c, String schema) {
        return call("from_json", c, lit(schema));
    }

    /** {@link #from_json(Column, String)} with options: {@code mode} (PERMISSIVE or FAILFAST), date formats… */
    public static Column from_json(Column c, String schema, java.util.Map<String, String> options) {
        return call("from_json", c, lit(schema), optionsMap(options));
    }

    /** Parses one CSV record into a STRUCT of the given schema ({@code "a INT, b STRING"}). */
    public static Column from_csv(Column c, String schema) {
        return call("from_csv", c, lit(schema));
    }

    /** {@link #from_csv(Column, String)} with the CSV reader's options: {@code sep}, {@code mode}, {@code nullValue}… */
    public static Column from_csv(Column c, String schema, java.util.Map<String, String> options) {
        return call("from_csv", c, lit(schema), optionsMap(options));
    }

    private static Column optionsMap(java.util.Map<String, String> options) {
        List<Column> kv = new ArrayList<>();
        new java.util.TreeMap<>(options).forEach((k, v) -> {
            kv.add(lit(k));
            kv.add(lit(v));
        });
        return map(kv.toArray(Column[]::new));
    }

    public static Column get_json_object(Column c, String path) {
        return call("get_json_object", c, lit(path));
    }

    public static Column element_at(Column c, Object key) {
        return call("element_at", c, lit(key));
    }

    public static Column array_contains(Column c, Object value) {
        return call("array_contains", c, lit(value));
    }

    public static Column explode(Column c) {
        return call("explode", c);
    }

    public static Column explode_outer(Column c) {
        return call("explode_outer", c);
    }

    public static Column posexplode(Column c) {
        return call("posexplode", c);
    }

    public static Column upper(Column c) {
        return call("upper", c);
    }

    public static Column upper(String columnName) {
        return call("upper", col(columnName));
    }

    public static Column lower(Column c) {
        return call("lower", c);
    }

    public static Column lower(String columnName) {
        return call("lower", col(columnName));
    }

    public static Column length(Column c) {
        return call("length", c);
    }

    public static Column length(String columnName) {
        return call("length", col(columnName));
    }

    public static Column trim(Column c) {
        return call("trim", c);
    }

    public static Column ltrim(Column c) {
        return call("ltrim", c);
    }

    public static Column rtrim(Column c) {
        return call("rtrim", c);
    }

    public static Column initcap(Column c) {
        return call("initcap", c);
    }

    public static Column reverse(Column c) {
        return call("reverse", c);
    }

    public static Column ascii(Column c) {
        return call("ascii", c);
    }

    public static Column abs(Column c) {
        return call("abs", c);
    }

    public static Column abs(String columnName) {
        return call("abs", col(columnName));
    }

    public static Column sqrt(Column c) {
        return call("sqrt", c);
    }

    public static Column sqrt(String columnName) {
        return call("sqrt", col(columnName));
    }

    public static Column exp(Column c) {
        return call("exp", c);
    }

    public static Column log10(Column c) {
        return call("log10", c);
    }

    public static Column log2(Column c) {
        return call("log2", c);
    }

    public static Column floor(Column c) {
        return call("floor", c);
    }

    public static Column floor(String columnName) {
        return call("floor", col(columnName));
    }

    public static Column ceil(Column c) {
        return call("ceil", c);
    }

    public static Column ceil(String columnName) {
        return call("ceil", col(columnName));
    }

    public static Column sign(Column c) {
        return call("sign", c);
    }

    public static Column year(Column c) {
        return call("year", c);
    }

    public static Column year(String columnName) {
        return call("year", col(columnName));
    }

    public static Column month(Column c) {
        return call("month", c);
    }

    public static Column month(String columnName) {
        return call("month", col(columnName));
    }

    public static Column dayofmonth(Column c) {
        return call("dayofmonth", c);
    }

    public static Column dayofmonth(String columnName) {
        return call("dayofmonth", col(columnName));
    }

    public static Column dayofweek(Column c) {
        return call("dayofweek", c);
    }

    public static Column dayofyear(Column c) {
        return call("dayofyear", c);
    }

    public static Column weekofyear(Column c) {
        return call("weekofyear", c);
    }

    public static Column quarter(Column c) {
        return call("quarter", c);
    }

    public static Column hour(Column c) {
        return call("hour", c);
    }

    public static Column hour(String columnName) {
        return call("hour", col(columnName));
    }

    public static Column minute(Column c) {
        return call("minute", c);
    }

    public static Column minute(String columnName) {
        return call("minute", col(columnName));
    }

    public static Column second(Column c) {
        return call("second", c);
    }

    public static Column second(String columnName) {
        return call("second", col(columnName));
    }

    public static Column to_date(Column c) {
        return call("to_date", c);
    }

    public static Column to_date(String columnName) {
        return call("to_date", col(columnName));
    }

    public static Column to_timestamp(Column c) {
        return call("to_timestamp", c);
    }

    public static Column unix_timestamp(Column c) {
        return call("unix_timestamp", c);
    }

    public static Column timestamp_seconds(Column c) {
        return call("timestamp_seconds", c);
    }

    public static Column timestamp_millis(Column c) {
        return call("timestamp_millis", c);
    }

    public static Column timestamp_micros(Column c) {
        return call("timestamp_micros", c);
    }

    public static Column unix_seconds(Column c) {
        return call("unix_seconds", c);
    }

    public static Column unix_millis(Column c) {
        return call("unix_millis", c);
    }

    public static Column unix_micros(Column c) {
        return call("unix_micros", c);
    }

    public static Column to_json(Column c) {
        return call("to_json", c);
    }

    public static Column size(Column c) {
        return call("size", c);
    }

    public static Column size(String columnName) {
        return call("size", col(columnName));
    }

    public static Column map_keys(Column c) {
        return call("map_keys", c);
    }

    public static Column map_values(Column c) {
        return call("map_values", c);
    }

    public static Column array_distinct(Column c) {
        return call("array_distinct", c);
    }

    public static Column isnan(Column c) {
        return call("isnan", c);
    }

    public static Column count(Column c) {
        return call("count", c);
    }

    public static Column sum(Column c) {
        return call("sum", c);
    }

    public static Column sum(String columnName) {
        return call("sum", col(columnName));
    }

    public static Column avg(Column c) {
        return call("avg", c);
    }

    public static Column avg(String columnName) {
        return call("avg", col(columnName));
    }

    public static Column mean(Column c) {
        return call("mean", c);
    }

    public static Column mean(String columnName) {
        return call("mean", col(columnName));
    }

    public static Column min(Column c) {
        return call("min", c);
    }

    public static Column min(String columnName) {
        return call("min", col(columnName));
    }

    public static Column max(Column c) {
        return call("max", c);
    }

    public static Column max(String columnName) {
        return call("max", col(columnName));
    }

    public static Column first(Column c) {
        return call("first", c);
    }

    public static Column first(String columnName) {
        return call("first", col(columnName));
    }

    public static Column last(Column c) {
        return call("last", c);
    }

    public static Column last(String columnName) {
        return call("last", col(columnName));
    }

    public static Column collect_list(Column c) {
        return call("collect_list", c);
    }

    public static Column collect_list(String columnName) {
        return call("collect_list", col(columnName));
    }

    public static Column collect_set(Column c) {
        return call("collect_set", c);
    }

    public static Column collect_set(String columnName) {
        return call("collect_set", col(columnName));
    }

    public static Column approx_count_distinct(Column c) {
        return call("approx_count_distinct", c);
    }

    public static Column approx_count_distinct(String columnName) {
        return call("approx_count_distinct", col(columnName));
    }

    public static Column stddev(Column c) {
        return call("stddev", c);
    }

    public static Column stddev(String columnName) {
        return call("stddev", col(columnName));
    }

    public static Column stddev_samp(Column c) {
        return call("stddev_samp", c);
    }

    public static Column stddev_pop(Column c) {
        return call("stddev_pop", c);
    }

    public static Column variance(Column c) {
        return call("variance", c);
    }

    public static Column variance(String columnName) {
        return call("variance", col(columnName));
    }

    public static Column var_samp(Column c) {
        return call("var_samp", c);
    }

    public static Column var_pop(Column c) {
        return call("var_pop", c);
    }

    public static Column sum_distinct(Column c) {
        return call("sum_distinct", c);
    }

    public static Column sum_distinct(String columnName) {
        return call("sum_distinct", col(columnName));
    }

    public static Column bool_and(Column c) {
        return call("bool_and", c);
    }

    public static Column bool_or(Column c) {
        return call("bool_or", c);
    }

    public static Column count_if(Column c) {
        return call("count_if", c);
    }

    public static Column concat(Column... cols) {
        return call("concat", cols);
    }

    public static Column coalesce(Column... cols) {
        return call("coalesce", cols);
    }

    public static Column greatest(Column... cols) {
        return call("greatest", cols);
    }

    public static Column least(Column... cols) {
        return call("least", cols);
    }

    public static Column array(Column... cols) {
        return call("array", cols);
    }

    public static Column struct(Column... cols) {
        return call("struct", cols);
    }

    public static Column map(Column... cols) {
        return call("map", cols);
    }

    public static Column named_struct(Column... cols) {
        return call("named_struct", cols);
    }
}
