package io.fluxo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.api.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL shell driven through its input stream, as a user at a terminal would type. */
class SqlShellTest {

    private static String shell(String input, SqlShellCommand command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(command.call()).isZero();
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statementsSpanLinesAndErrorsDoNotEndTheShell() throws Exception {
        String out = shell("CREATE TEMP VIEW v AS SELECT 1 AS x;\nSELECT x +\n  1 AS y\nFROM v;\nSELECT * FROM nope;\n"
                + "SHOW TABLES;\nquit\n", new SqlShellCommand());
        assertThat(out).contains("|y  |").contains("|2  |").contains("TABLE_OR_VIEW_NOT_FOUND")
                .contains("|         |v        |true       |");
    }

    @Test
    void aPipelineRunsFirstAndItsLiveTableIsQueried(@TempDir Path dir) throws Exception {
        Path pipeline = dir.resolve("live.sql");
        Files.copy(Path.of("..", "examples", "sql", "orders_revenue.sql"), pipeline);
        SqlShellCommand command = new SqlShellCommand();
        command.pipeline = pipeline;
        String out = shell("SELECT category, sum(orders) AS n FROM revenue GROUP BY category ORDER BY category;\n",
                command);
        assertThat(out).contains("Started streaming query revenue.");
    }

    @Test
    void tabCompletionOffersTablesAndTheirColumns() {
        try (Session spark = Session.builder().create()) {
            spark.sql("CREATE TEMP VIEW sales AS SELECT 1 AS sku_id, 2.0 AS price");
            assertThat(new SqlShellCommand.SqlCompleter(spark).words()).contains("sales", "sku_id", "price",
                    "SELECT", "GROUP BY");
        }
    }
}
