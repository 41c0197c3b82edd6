package io.fluxo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code fluxo bench nexmark|kafka-pipeline …}: runs one of the benchmark harnesses of a source checkout (the
 * {@code bench/} scripts, which build the benchmark modules and, for the comparisons, Spark's side). The checkout is
 * the one {@code bin/fluxo} runs from.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark of this checkout and print its table:",
                "  nexmark [--events N] [--queries q0,q1,...] [--vs-spark] [--out DIR] [--latency-rate R]"
                        + " [--latency-seconds S]",
                "      Nexmark queries on Fluxo (and on Spark 4 local with --vs-spark) over the same event files;"
                        + " writes bench-results/nexmark.json and .png",
                "  kafka-pipeline [ROWS [RATE [SECONDS]]]",
                "      Kafka -> from_json -> windows -> Kafka on Fluxo and Spark 4 against one local broker"})
final class BenchCommand implements Callable<Integer> {
    static final List<String> BENCHMARKS = List.of("nexmark", "kafka-pipeline");

    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "nexmark or kafka-pipeline")
    String benchmark;

    @Parameters(index = "1..*", paramLabel = "ARG", arity = "0..*", description = "The benchmark's own arguments.")
    List<String> arguments = new ArrayList<>();

    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!BENCHMARKS.contains(benchmark)) {
            System.err.println("fluxo bench: unknown benchmark '" + benchmark + "'; known: "
                    + String.join(", ", BENCHMARKS));
            return 2;
        }
        String home = System.getProperty("fluxo.home");
        Path script = home == null ? null : Path.of(home, "bench", benchmark);
        if (script == null || !Files.isExecutable(script)) {
            System.err.println("fluxo bench: needs a source checkout; run it as bin/fluxo bench " + benchmark
                    + " from one" + (script == null ? "" : " (" + script + " is missing)"));
            return 2;
        }
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(options);
        command.addAll(arguments);
        return new ProcessBuilder(command).directory(Path.of(home).toFile()).inheritIO().start().waitFor();
    }
}
