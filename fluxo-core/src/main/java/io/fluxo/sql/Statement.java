package io.fluxo.sql;

import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed SQL statement: a query (an unresolved plan), or a command the session carries out. Where it came from
 * ({@link Located}) lets a pipeline file name the line of a failing statement.
 */
public sealed interface Statement {

    /** {@code SELECT …}, {@code WITH …}, {@code VALUES …}. */
    record Query(LogicalPlan plan) implements Statement {
    }

    /**
     * {@code CREATE [OR REPLACE] TEMPORARY VIEW name [USING format OPTIONS (…)] [AS query]}: a view of a query, or of
     * files read with a format (the {@code path} option names them).
     */
    record CreateTempView(List<String> name, boolean replace, boolean ifNotExists, Optional<LogicalPlan> query,
            Optional<String> format, Map<String, String> options) implements Statement {
    }

    /** {@code CREATE TABLE name [(schema)] USING format [OPTIONS (…)] [PARTITIONED BY (…)] LOCATION 'path'}. */
    record CreateTable(List<String> name, boolean ifNotExists, Optional<StructType> schema, String format,
            Map<String, String> options, List<String> partitionColumns, Optional<String> location)
            implements Statement {
    }

    /** {@code INSERT INTO|OVERWRITE [TABLE] name query}. */
    record InsertInto(List<String> table, LogicalPlan query, boolean overwrite) implements Statement {
    }

    record DropView(List<String> name, boolean ifExists) implements Statement {
    }

    record DropTable(List<String> name, boolean ifExists) implements Statement {
    }

    record ShowTables() implements Statement {
    }

    /** {@code SHOW FUNCTIONS [LIKE 'pattern']}, where {@code *} matches any text and {@code |} separates choices. */
    record ShowFunctions(Optional<String> pattern) implements Statement {
    }

    record Describe(List<String> name) implements Statement {
    }

    record Explain(Statement statement, boolean extended) implements Statement {
    }

    /** {@code SET} (all), {@code SET key} (one), {@code SET key = value}. */
    record SetConfig(Optional<String> key, Optional<String> value) implements Statement {
    }

    /** A statement and where it starts in the text (line 1-based, column 0-based), with its own text. */
    record Located(Statement statement, int line, int column, String text) {
    }
}
