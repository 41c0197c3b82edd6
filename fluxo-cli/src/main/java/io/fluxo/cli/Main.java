package io.fluxo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fluxo} command: subcommands for the demo job and, as they land, SQL pipelines and conformance runs. */
@Command(name = "fluxo", mixinStandardHelpOptions = true, version = "fluxo 0.1.0-SNAPSHOT",
        description = "Fluxo: Spark Structured Streaming's model as an embeddable Java engine.",
        subcommands = {DemoCommand.class, RunCommand.class, SqlShellCommand.class, ConformanceCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
