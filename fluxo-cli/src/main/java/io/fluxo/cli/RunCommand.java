package io.fluxo.cli;

import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.errors.ParseException;
import io.fluxo.sql.SqlParser;
import io.fluxo.sql.Statement;
import io.fluxo.stream.StreamingQueryListener;
import io.fluxo.stream.StreamingQueryProgress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fluxo run pipeline.sql}: runs a file of SQL statements in order on one session. Queries print their rows;
 * streaming {@code INSERT INTO} statements start streaming queries that keep running (one progress line per query
 * per batch) until Ctrl-C; {@code --once} runs them with {@code Trigger.availableNow} and exits when they are done.
 * With {@code --once} each streaming INSERT finishes before the next statement runs, so a later SELECT sees its
 * table. Relative table locations are read from the file's folder; streaming checkpoints go under
 * {@code _checkpoints/<pipeline>/<table>} next to the file unless the file SETs
 * {@code fluxo.sql.streaming.checkpointLocation}. An error names the file, line and column of its statement.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a SQL pipeline file: statements in order, streaming INSERTs until Ctrl-C (or --once).")
final class RunCommand implements Callable<Integer> {
    private static final String CHECKPOINT_ROOT = "fluxo.sql.streaming.checkpointLocation";
    private static final String BASE_DIR = "fluxo.sql.baseDir";

    @Parameters(index = "0", paramLabel = "PIPELINE.sql", description = "The SQL file to run.")
    Path file;

    @Option(names = "--once", description = "Process what the sources hold now (Trigger.availableNow), then exit.")
    boolean once;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.io.IOException e) {
            err.println("fluxo run: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        List<Statement.Located> statements;
        try {
            statements = SqlParser.parseStatements(text);
        } catch (ParseException e) {
            err.println(file + ":" + e.line() + ":" + (e.column() + 1) + ": " + e.getMessage());
            return 1;
        }
        try (Session spark = Session.builder().appName("fluxo run " + file.getFileName()).create()) {
            String base = file.getFileName().toString().replaceFirst("\\.sql$", "");
            Path folder = file.toAbsolutePath().getParent();
            spark.conf().set(CHECKPOINT_ROOT, folder.resolve("_checkpoints").resolve(base).toString());
            spark.conf().set(BASE_DIR, folder.toString());
            spark.streams().addListener(new ProgressLines(out));
            if (!new StatementRunner(spark, out, err, once).run(statements, file.toString())) {
                StatementRunner.stopAll(spark);
                return 1;
            }
            List<StreamingQuery> running = spark.streams().active();
            if (running.isEmpty()) {
                return 0;
            }
            if (!once) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> StatementRunner.stopAll(spark)));
            }
            for (StreamingQuery q : running) {
                q.awaitTermination();
                if (q.exception().isPresent()) {
                    err.println(file + ": streaming query " + q.name() + " failed: "
                            + StatementRunner.message(q.exception().get()));
                    StatementRunner.stopAll(spark);
                    return 1;
                }
            }
            return 0;
        }
    }

    /** One line per query per batch: name, batch, rows, time, rows per second. */
    private static final class ProgressLines extends StreamingQueryListener {
        private final PrintStream out;

        ProgressLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            StreamingQueryProgress p = event.progress();
            if (p.numInputRows() == 0) {
                return;
            }
            out.printf(Locale.ROOT, "[%s] batch %d: %,d rows in %,d ms (%,.0f rows/s)%n", p.name(), p.batchId(),
                    p.numInputRows(), p.batchDuration(), p.numInputRows() * 1000.0 / Math.max(1, p.batchDuration()));
        }
    }
}
