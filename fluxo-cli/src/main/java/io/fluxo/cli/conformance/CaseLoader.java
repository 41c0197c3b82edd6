package io.fluxo.cli.conformance;

import io.fluxo.api.Row;
import io.fluxo.errors.FluxoException;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads conformance case files (format: {@code shared/conformance/README.md}) into {@link ConformanceCase}s, and
 * finds them under folders. Everything a file can get wrong is reported here, before any query runs, as a
 * {@link CaseFormatException} naming the file and the place: {@code unknown step 'chek' in cases/x.yaml, step 3
 * (line 14)}. Input rows are typed here with their source's schema.
 */
public final class CaseLoader {
    private static final List<String> CASE_KEYS =
            List.of("name", "sources", "tables", "conf", "query", "outputMode", "steps");
    private static final List<String> STEP_KEYS = List.of("add", "check", "checkSorted", "checkTable", "restart",
            "advanceClock", "expectError", "checkProgress");
    private static final List<String> QUERY_STEP_KEYS = List.of("source", "table", "select", "selectExpr", "filter",
            "where", "withColumn", "withWatermark", "groupBy", "agg", "dropDuplicates",
            "dropDuplicatesWithinWatermark", "join", "union", "orderBy", "limit");

    private CaseLoader() {
    }

    /**
     * Reads one case.
     *
     * @throws CaseFormatException when the file cannot be read or does not follow the format
     */
    public static ConformanceCase load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CaseFormatException("cannot read " + file + ": " + e, e);
        }
        return new Reader(file).read(YamlReader.read(text, file.toString()));
    }

    /**
     * Every {@code *.yaml} file under the given files and folders, sorted by path, each once. A file named directly
     * is taken whatever its extension.
     *
     * @throws IllegalArgumentException when a path does not exist
     */
    public static List<Path> discover(List<Path> paths) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or folder: " + path);
            }
            if (!Files.isDirectory(path)) {
                found.add(path.normalize());
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml"))
                        .map(Path::normalize).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        }
        return found.stream().sorted().toList();
    }

    /** The state of reading one file: its path, for messages, and the sources and tables declared so far. */
    private static final class Reader {
        private final Path file;
        private final Map<String, StructType> sources = new LinkedHashMap<>();
        private final Map<String, StaticTable> tables = new LinkedHashMap<>();

        Reader(Path file) {
            this.file = file;
        }

        ConformanceCase read(YamlNode root) {
            YamlNode.Mapping doc = mapping(root, "the case", file.toString());
            checkKeys(doc, CASE_KEYS, "key", "");
            String name = doc.entries().containsKey("name") ? text(doc.entries().get("name"), "name", "")
                    : stripExtension(file.getFileName().toString());
            YamlNode sourcesNode = doc.entries().get("sources");
            if (sourcesNode != null) {
                mapping(sourcesNode, "sources", "sources").entries().forEach(this::readSource);
            }
            YamlNode tablesNode = doc.entries().get("tables");
            if (tablesNode != null) {
                mapping(tablesNode, "tables", "tables").entries().forEach(this::readTable);
            }
            Map<String, String> conf = new LinkedHashMap<>();
            YamlNode confNode = doc.entries().get("conf");
            if (confNode != null) {
                mapping(confNode, "conf", "conf").entries()
                        .forEach((key, value) -> conf.put(key, text(value, "the value of " + key, "conf")));
            }
            YamlNode queryNode = doc.entries().get("query");
            if (queryNode == null) {
                throw error("missing key 'query'", "", doc);
            }
            CaseQuery query = readQuery(queryNode);
            String outputMode = "append";
            if (doc.entries().containsKey("outputMode")) {
                YamlNode node = doc.entries().get("outputMode");
                outputMode = text(node, "outputMode", "").toLowerCase(Locale.ROOT);
                if (!ConformanceCase.OUTPUT_MODES.contains(outputMode)) {
                    throw error("unknown outputMode '" + outputMode + "' (append, update or complete)", "", node);
                }
            }
            YamlNode stepsNode = doc.entries().get("steps");
            if (stepsNode == null) {
                throw error("missing key 'steps'", "", doc);
            }
            List<CaseStep> steps = new ArrayList<>();
            List<YamlNode> items = sequence(stepsNode, "steps", "").items();
            for (int i = 0; i < items.size(); i++) {
                steps.add(readStep(items.get(i), "step " + (i + 1)));
            }
            return new ConformanceCase(name, file, sources, tables, conf, query, outputMode, steps);
        }

        private void readSource(String name, YamlNode node) {
            String where = "source '" + name + "'";
            YamlNode.Mapping source = mapping(node, where, where);
            checkKeys(source, List.of("schema"), "key", where);
            sources.put(name, schema(source, where));
        }

        private void readTable(String name, YamlNode node) {
            String where = "table '" + name + "'";
            YamlNode.Mapping table = mapping(node, where, where);
            checkKeys(table, List.of("schema", "rows"), "key", where);
            StructType schema = schema(table, where);
            List<Row> rows = List.of();
            YamlNode rowsNode = table.entries().get("rows");
            if (rowsNode != null) {
                rows = typedRows(sequence(rowsNode, "rows", where).items(), schema, where);
            }
            tables.put(name, new StaticTable(schema, rows));
        }

        private StructType schema(YamlNode.Mapping owner, String where) {
            YamlNode node = owner.entries().get("schema");
            if (node == null) {
                throw error("missing key 'schema'", where, owner);
            }
            String ddl = text(node, "schema", where);
            try {
                return SqlParser.parseTableSchema(ddl);
            } catch (FluxoException e) {
                throw error("invalid schema \"" + ddl + "\": " + e.getMessage(), where, node);
            }
        }

        private List<Row> typedRows(List<YamlNode> rows, StructType schema, String where) {
            List<Row> typed = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                try {
                    typed.add(YamlValues.row(rows.get(i), schema));
                } catch (IllegalArgumentException e) {
                    throw error("bad row " + (i + 1) + ": " + e.getMessage(), where, rows.get(i));
                }
            }
            return typed;
        }

        // ---- query ----

        private CaseQuery readQuery(YamlNode node) {
            YamlNode.Mapping query = mapping(node, "query", "query");
            checkKeys(query, List.of("sql", "dataframe"), "key", "query");
            if (query.entries().size() != 1) {
                throw error("a query has exactly one of 'sql' and 'dataframe'", "query", query);
            }
            YamlNode sql = query.entries().get("sql");
            if (sql != null) {
                return new CaseQuery.Sql(text(sql, "sql", "query"));
            }
            return new CaseQuery.DataFrameSteps(readQuerySteps(query.entries().get("dataframe"), "query"));
        }

        /** A list of DataFrame steps; {@code owner} names the list in messages ({@code query}, {@code …, right}). */
        private List<QueryStep> readQuerySteps(YamlNode node, String owner) {
            List<YamlNode> items = sequence(node, "the dataframe steps", owner).items();
            if (items.isEmpty()) {
                throw error("a query needs at least a 'source' or 'table' step", owner, node);
            }
            List<QueryStep> steps = new ArrayList<>();
            List<String> pendingGroupBy = null;
            YamlNode groupByNode = null;
            for (int i = 0; i < items.size(); i++) {
                String at = owner + " step " + (i + 1);
                YamlNode.Mapping item = singleKey(items.get(i), at, QUERY_STEP_KEYS, "dataframe step");
                String key = item.keys().get(0);
                YamlNode value = item.entries().get(key);
                boolean start = key.equals("source") || key.equals("table");
                if (i == 0 && !start) {
                    throw error("the first query step must be 'source' or 'table', not '" + key + "'", at, item);
                }
                if (i > 0 && start) {
                    throw error("'" + key + "' may only be the first step (use join or union for more inputs)", at,
                            item);
                }
                if (pendingGroupBy != null && !key.equals("agg")) {
                    throw error("'groupBy' must be followed by 'agg', not '" + key + "'", at, item);
                }
                at = at + " (" + key + ")";
                switch (key) {
                    case "groupBy" -> {
                        pendingGroupBy = strings(value, at);
                        groupByNode = item;
                    }
                    case "agg" -> {
                        if (pendingGroupBy == null) {
                            throw error("'agg' must follow a 'groupBy' step", at, item);
                        }
                        steps.add(new QueryStep.GroupByAgg(pendingGroupBy, strings(value, at)));
                        pendingGroupBy = null;
                    }
                    default -> steps.add(readQueryStep(key, value, at));
                }
            }
            if (pendingGroupBy != null) {
                throw error("'groupBy' must be followed by 'agg'", owner + " step " + items.size(), groupByNode);
            }
            return steps;
        }

        private QueryStep readQueryStep(String key, YamlNode value, String at) {
            return switch (key) {
                case "source" -> {
                    String name = text(value, "source", at);
                    if (!sources.containsKey(name)) {
                        throw error("unknown source '" + name + "' (sources: " + String.join(", ", sources.keySet())
                                + ")", at, value);
                    }
                    yield new QueryStep.Source(name);
                }
                case "table" -> {
                    String name = text(value, "table", at);
                    if (!tables.containsKey(name)) {
                        throw error("unknown table '" + name + "' (tables: " + String.join(", ", tables.keySet())
                                + ")", at, value);
                    }
                    yield new QueryStep.Table(name);
                }
                case "select", "selectExpr" -> new QueryStep.Select(nonEmpty(strings(value, at), at, value));
                case "filter", "where" -> new QueryStep.Filter(text(value, key, at));
                case "withColumn" -> {
                    List<String> pair = pair(value, "[name, expression]", at);
                    yield new QueryStep.WithColumn(pair.get(0), pair.get(1));
                }
                case "withWatermark" -> {
                    List<String> pair = pair(value, "[column, delay]", at);
                    yield new QueryStep.WithWatermark(pair.get(0), pair.get(1));
                }
                case "dropDuplicates" -> new QueryStep.DropDuplicates(strings(value, at));
                case "dropDuplicatesWithinWatermark" ->
                        new QueryStep.DropDuplicatesWithinWatermark(strings(value, at));
                case "join" -> readJoin(value, at);
                case "union" -> new QueryStep.Union(readQuerySteps(value, at + ", union"));
                case "orderBy" -> new QueryStep.OrderBy(nonEmpty(strings(value, at), at, value));
                case "limit" -> {
                    if (!(value instanceof YamlNode.Scalar s) || s.kind() != YamlNode.ScalarKind.INTEGER) {
                        throw error("limit takes a whole number, got " + value.describe(), at, value);
                    }
                    yield new QueryStep.Limit(Integer.parseInt(s.text()));
                }
                default -> throw new IllegalStateException("query step key not handled: " + key);
            };
        }

        private QueryStep readJoin(YamlNode node, String at) {
            YamlNode.Mapping join = mapping(node, "join", at);
            checkKeys(join, List.of("right", "on", "how"), "key", at);
            YamlNode right = join.entries().get("right");
            YamlNode on = join.entries().get("on");
            if (right == null || on == null) {
                throw error("a join needs 'right' (steps) and 'on' (columns or a condition)", at, join);
            }
            List<QueryStep> rightSteps = readQuerySteps(right, at + ", right");
            QueryStep.JoinOn condition = on instanceof YamlNode.Sequence
                    ? new QueryStep.Using(nonEmpty(strings(on, at), at, on))
                    : new QueryStep.Condition(text(on, "on", at));
            QueryStep.JoinType how = QueryStep.JoinType.INNER;
            YamlNode howNode = join.entries().get("how");
            if (howNode != null) {
                how = QueryStep.JoinType.parse(text(howNode, "how", at));
                if (how == null) {
                    throw error("unknown join type '" + text(howNode, "how", at) + "' (inner, left_outer, "
                            + "right_outer, full_outer, left_semi, left_anti)", at, howNode);
                }
            }
            return new QueryStep.Join(rightSteps, condition, how);
        }

        // ---- steps ----

        private CaseStep readStep(YamlNode node, String at) {
            if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.STRING) {
                if (s.text().equals("restart")) {
                    return new CaseStep.Restart();
                }
                throw error("unknown step '" + s.text() + "'", at, node, suggestion(s.text(), STEP_KEYS));
            }
            YamlNode.Mapping item = singleKey(node, at, STEP_KEYS, "step");
            String key = item.keys().get(0);
            YamlNode value = item.entries().get(key);
            String where = at + " (" + key + ")";
            return switch (key) {
                case "add" -> readAdd(value, where);
                case "check" -> new CaseStep.Check(expectedRows(value, where));
                case "checkSorted" -> new CaseStep.CheckSorted(expectedRows(value, where));
                case "checkTable" -> new CaseStep.CheckTable(expectedRows(value, where));
                case "restart" -> throw error("write 'restart' alone, without a value", where, item);
                case "advanceClock" -> {
                    String text = text(value, "advanceClock", where);
                    try {
                        yield new CaseStep.AdvanceClock(DurationText.parse(text));
                    } catch (IllegalArgumentException e) {
                        throw error(e.getMessage(), where, value);
                    }
                }
                case "expectError" -> new CaseStep.ExpectError(text(value, "expectError", where));
                case "checkProgress" -> {
                    Map<String, YamlNode.Scalar> expected = new LinkedHashMap<>();
                    mapping(value, "checkProgress", where).entries().forEach((field, v) -> {
                        if (!(v instanceof YamlNode.Scalar s) || s.isNull()) {
                            throw error("progress field '" + field + "' takes a value, got " + v.describe(), where, v);
                        }
                        expected.put(field, s);
                    });
                    yield new CaseStep.CheckProgress(expected);
                }
                default -> throw new IllegalStateException("step key not handled: " + key);
            };
        }

        private CaseStep readAdd(YamlNode node, String at) {
            Map<String, List<Row>> rows = new LinkedHashMap<>();
            YamlNode.Mapping add = mapping(node, "add", at);
            if (add.entries().isEmpty()) {
                throw error("add names at least one source", at, add);
            }
            add.entries().forEach((source, value) -> {
                StructType schema = sources.get(source);
                if (schema == null) {
                    throw error("unknown source '" + source + "' (sources: " + String.join(", ", sources.keySet())
                            + ")", at, value);
                }
                rows.put(source, typedRows(sequence(value, "the rows of " + source, at).items(), schema,
                        at + ", source " + source));
            });
            return new CaseStep.AddData(rows);
        }

        private List<YamlNode.Sequence> expectedRows(YamlNode node, String at) {
            List<YamlNode.Sequence> rows = new ArrayList<>();
            List<YamlNode> items = sequence(node, "the expected rows", at).items();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof YamlNode.Sequence row)) {
                    throw error("row " + (i + 1) + " is " + items.get(i).describe() + "; a row is a list of values",
                            at, items.get(i));
                }
                rows.add(row);
            }
            return rows;
        }

        // ---- shapes ----

        /** A map with one key from {@code keys}: the form of every step. */
        private YamlNode.Mapping singleKey(YamlNode node, String at, List<String> keys, String what) {
            if (!(node instanceof YamlNode.Mapping item) || item.entries().isEmpty()) {
                throw error("a " + what + " is a map with one key (" + String.join(", ", keys) + "), got "
                        + node.describe(), at, node);
            }
            for (String key : item.keys()) {
                if (!keys.contains(key)) {
                    throw error("unknown " + what + " '" + key + "'", at, node, suggestion(key, keys));
                }
            }
            if (item.entries().size() > 1) {
                throw error("one " + what + " per list item, got " + String.join(" and ", item.keys())
                        + " together (is a '-' missing?)", at, node);
            }
            return item;
        }

        private void checkKeys(YamlNode.Mapping map, List<String> allowed, String what, String where) {
            for (String key : map.keys()) {
                if (!allowed.contains(key)) {
                    String hint = suggestion(key, allowed);
                    throw error("unknown " + what + " '" + key + "'", where, map.entries().get(key),
                            (hint.isEmpty() ? "" : hint + " ") + "Known: " + String.join(", ", allowed) + ".");
                }
            }
        }

        private YamlNode.Mapping mapping(YamlNode node, String what, String where) {
            if (!(node instanceof YamlNode.Mapping m)) {
                throw error(what + " must be a map, got " + node.describe(), where, node);
            }
            return m;
        }

        private YamlNode.Sequence sequence(YamlNode node, String what, String where) {
            if (!(node instanceof YamlNode.Sequence s)) {
                throw error(what + " must be a list, got " + node.describe(), where, node);
            }
            return s;
        }

        private String text(YamlNode node, String what, String where) {
            if (!(node instanceof YamlNode.Scalar s) || s.isNull()) {
                throw error(what + " must be a single value, got " + node.describe(), where, node);
            }
            return s.text();
        }

        private List<String> strings(YamlNode node, String where) {
            if (node instanceof YamlNode.Scalar s && !s.isNull()) {
                return List.of(s.text());
            }
            List<String> out = new ArrayList<>();
            for (YamlNode item : sequence(node, "the value", where).items()) {
                out.add(text(item, "each item", where));
            }
            return out;
        }

        private List<String> pair(YamlNode node, String form, String where) {
            List<String> values = node instanceof YamlNode.Sequence ? strings(node, where) : List.of();
            if (values.size() != 2) {
                throw error("expected a list of two, " + form + ", got " + node.describe(), where, node);
            }
            return values;
        }

        private List<String> nonEmpty(List<String> values, String where, YamlNode node) {
            if (values.isEmpty()) {
                throw error("the list must not be empty", where, node);
            }
            return values;
        }

        private CaseFormatException error(String problem, String where, YamlNode node) {
            return error(problem, where, node, "");
        }

        /** {@code <problem> in <file>, <where> (line n); <hint>}. */
        private CaseFormatException error(String problem, String where, YamlNode node, String hint) {
            StringBuilder message = new StringBuilder(problem).append(" in ").append(file);
            if (!where.isEmpty()) {
                message.append(", ").append(where);
            }
            if (node != null) {
                message.append(" (line ").append(node.line()).append(')');
            }
            if (!hint.isEmpty()) {
                message.append("; ").append(hint);
            }
            return new CaseFormatException(message.toString());
        }
    }

    /** {@code "did you mean 'check'?"} when a known key is one or two edits away, else empty. */
    static String suggestion(String key, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = editDistance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null ? "" : "did you mean '" + best + "'?";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
