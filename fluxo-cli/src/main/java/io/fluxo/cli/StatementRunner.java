package io.fluxo.cli;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.errors.FluxoException;
import io.fluxo.sql.Statement;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs parsed statements on a session for {@code fluxo run} and {@code fluxo sql}: a query prints its rows (as
 * {@code show()}); a streaming INSERT starts its query (and, {@code once}, waits for it to finish so later statements
 * see its table); an error names the statement's place.
 */
final class StatementRunner {
    private final Session spark;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean once;

    StatementRunner(Session spark, PrintStream out, PrintStream err, boolean once) {
        this.spark = spark;
        this.out = out;
        this.err = err;
        this.once = once;
    }

    /** Runs each statement in turn; returns false (after reporting) at the first that fails. */
    boolean run(List<Statement.Located> statements, String source) {
        for (Statement.Located s : statements) {
            if (once) {
                spark.conf().set("fluxo.sql.streaming.trigger", "availableNow");
            }
            try {
                run(s);
            } catch (RuntimeException e) {
                err.println(source + ":" + s.line() + ":" + (s.column() + 1) + ": " + message(e));
                return false;
            }
        }
        return true;
    }

    private void run(Statement.Located s) {
        List<StreamingQuery> before = spark.streams().active();
        DataFrame result = spark.sql(s.text());
        for (StreamingQuery q : spark.streams().active()) {
            if (before.contains(q)) {
                continue;
            }
            if (once) {
                q.awaitTermination();
                q.exception().ifPresent(e -> {
                    throw new FluxoException("STREAMING_QUERY_FAILED", "streaming query " + q.name() + " failed: "
                            + message(e));
                });
            } else {
                out.println("Started streaming query " + q.name() + ".");
            }
        }
        if (!(s.statement() instanceof Statement.InsertInto) && result.columns().length > 0) {
            if (result.isStreaming()) {
                throw new FluxoException("STREAMING_QUERY_IN_PIPELINE", "A query over a stream runs as INSERT INTO "
                        + "a table (USING memory to query it live): SELECT alone cannot print a stream.");
            }
            out.print(result.showString(20, 0));
        }
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    static void stopAll(Session spark) {
        for (StreamingQuery q : spark.streams().active()) {
            try {
                q.stop();
            } catch (RuntimeException ignored) {
                // stopping on the way out: the first error is the one reported
            }
        }
    }
}
