package io.fluxo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fluxo run}: the shipped example pipeline end to end, and errors that name the file, line and column. */
class RunCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "sql", "orders_revenue.sql");

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theExamplePipelineRunsOnceAndEachRunAddsItsOrdersOnce(@TempDir Path dir) throws Exception {
        Path pipeline = dir.resolve("orders_revenue.sql");
        Files.copy(EXAMPLE, pipeline);
        Result first = run("run", "--once", pipeline.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("[revenue] batch 0: 6 rows")
                .contains("|2024-05-01 10:00:00|books   |19.75  |2     |")
                .contains("|2024-05-01 10:00:10|garden  |31.0   |1     |");
        assertThat(dir.resolve("_checkpoints").resolve("orders_revenue").resolve("revenue")).isDirectory();
        Result second = run("run", "--once", pipeline.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("|2024-05-01 10:00:00|books   |39.5   |4     |");
    }

    @Test
    void theClickAttributionExampleJoinsTwoStreamsWithATimeRange(@TempDir Path dir) throws Exception {
        Path pipeline = dir.resolve("click_attribution.sql");
        Files.copy(EXAMPLE.resolveSibling("click_attribution.sql"), pipeline);
        Result run = run("run", "--once", pipeline.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("|summer  |2     |125.0      |1    |")
                .contains("|spring  |1     |20.0       |2    |");
    }

    @Test
    void errorsNameTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path syntax = dir.resolve("bad.sql");
        Files.writeString(syntax, "SET a = 1;\nSELECT 1;\nSELECT 1 +;\n");
        Result parse = run("run", syntax.toString());
        assertThat(parse.exit()).isEqualTo(1);
        assertThat(parse.err()).startsWith(syntax + ":3:11: ").contains("PARSE_SYNTAX_ERROR");

        Path analysis = dir.resolve("missing.sql");
        Files.writeString(analysis, "SELECT 1 AS one;\n\n  SELECT * FROM nowhere;\nSELECT 2;\n");
        Result missing = run("run", analysis.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).startsWith(analysis + ":3:3: ").contains("TABLE_OR_VIEW_NOT_FOUND");
        assertThat(missing.out()).contains("|one|").doesNotContain("|2  |");
    }
}
