package io.fluxo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluxo command: help lists the commands, and the demo job runs on generated files. */
class MainTest {
    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).contains("demo").contains("Usage: fluxo");
    }

    @Test
    void demoGeneratesSalesAndReportsRevenuePerCategory(@TempDir Path dir) throws Exception {
        String out = run("demo", "--orders", "2000", "--files", "3", "--dir", dir.toString());
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(3);
        assertThat(out).contains("Wrote 2,000 orders").contains("== Revenue per category ==")
                .contains("|category|").contains("== Largest orders ==");
        for (String category : DemoCommand.CATEGORIES) {
            assertThat(out).contains(category);
        }
        // Seven categories, one line each, between the header and the closing border.
        String table = out.substring(out.indexOf("|category|"));
        table = table.substring(0, table.indexOf("\n(")).trim();
        assertThat(table.lines().filter(l -> l.startsWith("|")).count()).isEqualTo(8);
    }
}
