package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.sql.Statement;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Carries out SQL statements for {@link Session#sql}: a query becomes a DataFrame; a command runs at once and returns
 * its result as a small DataFrame, as in Spark ({@code SHOW TABLES}: namespace, tableName, isTemporary).
 */
final class SqlCommands {
    /** Root folder of streaming INSERTs' checkpoints: each table's checkpoint is {@code <root>/<table>}. */
    static final String CHECKPOINT_ROOT = "fluxo.sql.streaming.checkpointLocation";
    /** The trigger of streaming INSERTs: {@code availableNow}, {@code once}, or an interval ({@code 10 seconds}). */
    static final String TRIGGER = "fluxo.sql.streaming.trigger";
    /** The output mode of streaming INSERTs: append (default), update or complete. */
    static final String OUTPUT_MODE = "fluxo.sql.streaming.outputMode";

    private SqlCommands() {
    }

    static DataFrame run(Session session, Statement statement) {
        if (statement instanceof Statement.Query q) {
            return new DataFrame(session, q.plan());
        }
        if (statement instanceof Statement.CreateTempView v) {
            return createTempView(session, v);
        }
        if (statement instanceof Statement.DropView d) {
            String name = String.join(".", d.name());
            if (!session.dropTempView(name) && !d.ifExists()) {
                throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", "The table or view `" + name + "` cannot be "
                        + "found. Verify the spelling and correctness of the schema and catalog.");
            }
            return empty(session);
        }
        if (statement instanceof Statement.CreateTable t) {
            session.tables().create(session, t);
            return empty(session);
        }
        if (statement instanceof Statement.DropTable d) {
            String name = String.join(".", d.name());
            if (!session.tables().drop(name) && !d.ifExists()) {
                throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", "The table or view `" + name + "` cannot be "
                        + "found. Verify the spelling and correctness of the schema and catalog.");
            }
            return empty(session);
        }
        if (statement instanceof Statement.InsertInto i) {
            insertInto(session, i);
            return empty(session);
        }
        if (statement instanceof Statement.ShowTables) {
            List<Row> rows = new ArrayList<>();
            for (String t : session.tables().names()) {
                rows.add(Row.of("default", t, false));
            }
            for (String v : session.tableNames()) {
                rows.add(Row.of("", v, true));
            }
            return session.createDataFrame(rows, StructType.empty().add("namespace", DataTypes.StringType, false)
                    .add("tableName", DataTypes.StringType, false).add("isTemporary", DataTypes.BooleanType, false));
        }
        if (statement instanceof Statement.ShowFunctions f) {
            Pattern pattern = f.pattern().map(SqlCommands::likePattern).orElse(null);
            List<Row> rows = FunctionRegistry.builtin().names().stream().sorted()
                    .filter(n -> pattern == null || pattern.matcher(n).matches()).map(n -> Row.of(n)).toList();
            return session.createDataFrame(rows, StructType.empty().add("function", DataTypes.StringType, false));
        }
        if (statement instanceof Statement.Describe d) {
            DataFrame table = session.table(String.join(".", d.name()));
            List<Row> rows = new ArrayList<>();
            for (StructField f : table.schema().fields()) {
                rows.add(Row.of(f.name(), f.dataType().simpleString(), null));
            }
            return session.createDataFrame(rows, StructType.empty().add("col_name", DataTypes.StringType, false)
                    .add("data_type", DataTypes.StringType, false).add("comment", DataTypes.StringType, true));
        }
        if (statement instanceof Statement.Explain e) {
            if (!(e.statement() instanceof Statement.Query q)) {
                throw new AnalysisException("UNSUPPORTED_FEATURE", "EXPLAIN shows the plan of a query; "
                        + e.statement().getClass().getSimpleName() + " is not one.");
            }
            DataFrame df = new DataFrame(session, q.plan());
            String plan = df.isStreaming() ? "== Analyzed Logical Plan ==\n" + df.logicalPlan().treeString()
                    : df.explainString(e.extended());
            return session.createDataFrame(List.of(Row.of(plan)),
                    StructType.empty().add("plan", DataTypes.StringType, false));
        }
        return set(session, (Statement.SetConfig) statement);
    }

    private static DataFrame createTempView(Session session, Statement.CreateTempView v) {
        String name = String.join(".", v.name());
        if (!v.replace() && session.tableNames().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
            if (v.ifNotExists()) {
                return empty(session);
            }
            throw new AnalysisException("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "Cannot create the temporary view `"
                    + name + "` because it already exists.");
        }
        DataFrame df;
        if (v.query().isPresent()) {
            df = new DataFrame(session, v.query().get());
        } else {
            Map<String, String> options = v.options();
            String path = options.get("path");
            if (path == null) {
                throw new AnalysisException("PATH_NOT_SPECIFIED", "CREATE TEMPORARY VIEW " + name + " USING "
                        + v.format().get() + " needs OPTIONS (path '…').");
            }
            DataFrameReader reader = session.read().format(v.format().get());
            options.forEach((k, val) -> {
                if (!k.equals("path") && !k.equals("schema")) {
                    reader.option(k, val);
                }
            });
            if (options.containsKey("schema")) {
                reader.schema(options.get("schema"));
            }
            df = reader.load(path);
        }
        session.registerTempView(name, df.logicalPlan(), true);
        return empty(session);
    }

    /**
     * {@code INSERT INTO t query}: columns by position, cast to the table's types. A static query appends (or, with
     * OVERWRITE, replaces) the table's files at once; a streaming one starts a streaming query writing to the table,
     * with the table's {@code checkpointLocation}, {@code trigger} and {@code outputMode} options, else the session's
     * {@value #CHECKPOINT_ROOT} (plus the table name), {@value #TRIGGER} and {@value #OUTPUT_MODE}.
     */
    private static void insertInto(Session session, Statement.InsertInto insert) {
        String name = String.join(".", insert.table());
        SessionTables.Table table = session.tables().get(name).orElseThrow(() -> new AnalysisException(
                "TABLE_OR_VIEW_NOT_FOUND", "The table `" + name + "` cannot be found: create it with CREATE TABLE "
                        + name + " (…) USING format LOCATION 'path'."));
        DataFrame query = new DataFrame(session, insert.query());
        StructType schema = table.schema();
        if (query.schema().size() != schema.size()) {
            throw new AnalysisException("INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS", "Cannot write to `"
                    + name + "`: the table has " + schema.size() + " columns and the query gives "
                    + query.schema().size() + ".");
        }
        String[] casts = new String[schema.size()];
        String[] columns = query.columns();
        for (int i = 0; i < casts.length; i++) {
            StructField f = schema.field(i);
            casts[i] = "CAST(`" + columns[i].replace("`", "``") + "` AS " + f.dataType().sql() + ") AS `"
                    + f.name().replace("`", "``") + "`";
        }
        DataFrame typed = query.selectExpr(casts);
        String[] partitions = table.partitionColumns().toArray(String[]::new);
        if (!typed.isStreaming()) {
            if (table.isMemory()) {
                throw new AnalysisException("UNSUPPORTED_FEATURE", "A memory table is written by a streaming INSERT "
                        + "only.");
            }
            typed.write().format(table.format()).options(table.writeOptions())
                    .mode(insert.overwrite() ? "overwrite" : "append").partitionBy(partitions)
                    .save(table.location());
            return;
        }
        if (insert.overwrite()) {
            throw new AnalysisException("UNSUPPORTED_FEATURE", "INSERT OVERWRITE of a streaming query: use INSERT INTO.");
        }
        RuntimeConfig conf = session.conf();
        Map<String, String> options = table.options();
        String checkpoint = options.get("checkpointLocation");
        if (checkpoint == null) {
            String root = conf.get(CHECKPOINT_ROOT, null);
            if (root == null) {
                throw new AnalysisException("CHECKPOINT_LOCATION_NOT_SET", "A streaming INSERT INTO `" + name
                        + "` needs a checkpoint: give the table OPTIONS (checkpointLocation '…') or SET "
                        + CHECKPOINT_ROOT + " = '<folder>'.");
            }
            checkpoint = Path.of(root, name.toLowerCase(Locale.ROOT)).toString();
        }
        String mode = options.getOrDefault("outputMode", conf.get(OUTPUT_MODE, "append"));
        String trigger = options.getOrDefault("trigger", conf.get(TRIGGER, "0 seconds"));
        DataStreamWriter writer = typed.writeStream().queryName(name).outputMode(mode).trigger(trigger(trigger))
                .option("checkpointLocation", checkpoint);
        if (table.isMemory()) {
            writer.format("memory").start();
            return;
        }
        writer.format(table.format()).options(table.writeOptions()).partitionBy(partitions).start(table.location());
    }

    static Trigger trigger(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("availablenow")) {
            return Trigger.availableNow();
        }
        if (t.equals("once")) {
            return Trigger.once();
        }
        return Trigger.processingTime(text.strip());
    }

    private static DataFrame set(Session session, Statement.SetConfig s) {
        StructType schema = StructType.empty().add("key", DataTypes.StringType, false)
                .add("value", DataTypes.StringType, true);
        RuntimeConfig conf = session.conf();
        if (s.key().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            conf.getAll().forEach((k, v) -> rows.add(Row.of(k, v)));
            return session.createDataFrame(rows, schema);
        }
        String key = s.key().get();
        if (s.value().isPresent()) {
            conf.set(key, s.value().get());
        }
        Optional<String> value = conf.getOption(key);
        return session.createDataFrame(List.of(Row.of(key, value.orElse("<undefined>"))), schema);
    }

    /** Spark's SHOW FUNCTIONS LIKE pattern: {@code *} any text, {@code |} alternatives, case ignored. */
    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (String part : like.split("\\|")) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            for (String piece : part.strip().split("\\*", -1)) {
                regex.append(Pattern.quote(piece)).append(".*");
            }
            regex.setLength(regex.length() - 2);
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static DataFrame empty(Session session) {
        return session.createDataFrame(List.of(), StructType.empty());
    }
}
