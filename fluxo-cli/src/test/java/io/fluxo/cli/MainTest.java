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
    void benchNamesTheBenchmarksItKnowsAndRefusesOthers() {
        assertThat(run("--help")).contains("bench");
        assertThat(Main.run("bench", "tpch")).isEqualTo(2);
    }

    @Test
    void demoStreamsSalesFilesThenReportsRevenuePerCategory(@TempDir Path dir) throws Exception {
        String out = run("demo", "--orders", "500", "--files", "3", "--interval", "0", "--dir", dir.toString());
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(3);
        assertThat(out).contains("Streaming 3 files of 500 orders").contains("Batch: 0").contains("batch 0 | ")
                .contains("|window_start|category|revenue|orders|").contains("== Revenue per category").contains("|category|");
        for (String category : DemoCommand.CATEGORIES) {
            assertThat(out).contains(category);
        }
        // Seven categories, one line each, between the header and the closing border.
        String table = out.substring(out.indexOf("|category|", out.indexOf("== Revenue per category")));
        table = table.trim();
        assertThat(table.lines().filter(l -> l.startsWith("|")).count()).isEqualTo(8);
    }
}
