package io.fluxo.api;

import io.fluxo.errors.AnalysisException;
import io.fluxo.plan.expr.AttributeReference;
import io.fluxo.plan.logical.LocalRelation;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.sql.Statement;
import io.fluxo.types.StructField;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables {@code CREATE TABLE} makes in a session: file tables (a format, a folder, a schema, partition columns
 * and options), read as a batch by name and as a stream with {@code STREAM t}, written by {@code INSERT INTO}; and
 * memory tables ({@code USING memory}), which a streaming {@code INSERT INTO} fills and queries read while it runs.
 */
final class SessionTables {
    /** Options that configure a streaming INSERT rather than the files. */
    private static final Set<String> QUERY_OPTIONS = Set.of("checkpointLocation", "trigger", "outputMode");
    /** The folder relative table locations are read from (a pipeline file's folder); else the working directory. */
    static final String BASE_DIR = "fluxo.sql.baseDir";

    record Table(String name, String format, StructType schema, Map<String, String> options,
            List<String> partitionColumns, String location) {
        boolean isMemory() {
            return format.equalsIgnoreCase("memory");
        }

        Map<String, String> writeOptions() {
            Map<String, String> out = new LinkedHashMap<>(options);
            out.keySet().removeAll(QUERY_OPTIONS);
            return out;
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    synchronized void create(Session session, Statement.CreateTable t) {
        String name = String.join(".", t.name());
        String key = name.toLowerCase(Locale.ROOT);
        if (tables.containsKey(key)) {
            if (t.ifNotExists()) {
                return;
            }
            throw new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", "Cannot create table or view `" + name
                    + "` because it already exists.");
        }
        boolean memory = t.format().equalsIgnoreCase("memory");
        if (memory) {
            StructType schema = t.schema().orElseThrow(() -> new AnalysisException("UNSPECIFIED_SCHEMA",
                    "A memory table needs its columns: CREATE TABLE " + name + " (…) USING memory."));
            tables.put(key, new Table(name, "memory", schema, t.options(), List.of(), null));
            return;
        }
        String location = t.location().orElseThrow(() -> new AnalysisException("LOCATION_NOT_SPECIFIED",
                "CREATE TABLE " + name + " USING " + t.format() + " needs LOCATION 'folder'."));
        String base = session.conf().get(BASE_DIR, null);
        if (base != null && !Path.of(location).isAbsolute()) {
            location = Path.of(base).resolve(location).normalize().toString();
        }
        StructType schema;
        if (t.schema().isPresent()) {
            schema = t.schema().get();
            try {
                Files.createDirectories(Path.of(location));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the folder " + location + " of table " + name, e);
            }
        } else {
            DataFrameReader reader = session.read().format(t.format());
            readOptions(t.options()).forEach(reader::option);
            schema = reader.load(location).schema();
        }
        for (String p : t.partitionColumns()) {
            if (schema.fields().stream().noneMatch(f -> f.name().equalsIgnoreCase(p))) {
                throw new AnalysisException("COLUMN_NOT_DEFINED_IN_TABLE", "The partition column `" + p + "` is not "
                        + "a column of table `" + name + "`.");
            }
        }
        // As Spark, partition columns come last.
        List<StructField> fields = new ArrayList<>();
        schema.fields().stream().filter(f -> t.partitionColumns().stream().noneMatch(p -> p.equalsIgnoreCase(f.name())))
                .forEach(fields::add);
        for (String p : t.partitionColumns()) {
            schema.fields().stream().filter(f -> f.name().equalsIgnoreCase(p)).forEach(fields::add);
        }
        tables.put(key, new Table(name, t.format(), new StructType(fields), t.options(), t.partitionColumns(),
                location));
    }

    private static Map<String, String> readOptions(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>(options);
        out.keySet().removeAll(QUERY_OPTIONS);
        return out;
    }

    synchronized Optional<Table> get(String name) {
        return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
    }

    synchronized boolean drop(String name) {
        return tables.remove(name.toLowerCase(Locale.ROOT)) != null;
    }

    synchronized List<String> names() {
        return tables.values().stream().map(Table::name).sorted().toList();
    }

    /** The table's rows as a batch: its files, or (a memory table no query has filled yet) no rows. */
    Optional<LogicalPlan> read(Session session, String name) {
        return get(name).map(t -> {
            if (t.isMemory()) {
                List<AttributeReference> attrs = new ArrayList<>();
                t.schema().fields().forEach(f -> attrs.add(AttributeReference.create(f.name(), f.dataType(),
                        f.nullable())));
                return new LocalRelation(attrs, List.of());
            }
            DataFrameReader reader = session.read().format(t.format()).schema(t.schema());
            readOptions(t.options()).forEach(reader::option);
            return reader.load(t.location()).logicalPlan();
        });
    }

    /** The table read as a stream of the files added to its folder ({@code STREAM t}). */
    Optional<LogicalPlan> readStream(Session session, String name) {
        return get(name).map(t -> {
            if (t.isMemory()) {
                throw new AnalysisException("UNSUPPORTED_FEATURE", "A memory table cannot be read as a stream.");
            }
            DataStreamReader reader = session.readStream().format(t.format()).schema(t.schema());
            readOptions(t.options()).forEach(reader::option);
            return reader.load(t.location()).logicalPlan();
        });
    }
}
