package io.fluxo.cli;

import io.fluxo.api.Session;
import io.fluxo.errors.ParseException;
import io.fluxo.sql.SqlParser;
import io.fluxo.sql.Statement;
import io.fluxo.types.StructField;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fluxo sql}: an interactive SQL shell on one session. A statement ends with {@code ;} and may span lines;
 * history is kept in {@code ~/.fluxo_history}; Tab completes keywords, table and view names and their columns.
 * {@code -f pipeline.sql} runs a pipeline file first: its streaming INSERTs keep running while the shell queries
 * their tables ({@code USING memory} tables show the live result). {@code quit} or Ctrl-D leaves.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "An interactive SQL shell: statements end with ';'; Tab completes tables and columns.")
final class SqlShellCommand implements Callable<Integer> {
    static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "GROUP BY", "HAVING", "ORDER BY",
            "LIMIT", "JOIN", "LEFT", "RIGHT", "FULL", "OUTER", "INNER", "CROSS", "SEMI", "ANTI", "ON", "USING", "AS",
            "DISTINCT", "UNION", "ALL", "INTERSECT", "EXCEPT", "WITH", "VALUES", "STREAM", "WATERMARK", "DELAY OF",
            "INTERVAL", "CREATE", "TEMPORARY", "VIEW", "TABLE", "INSERT INTO", "OVERWRITE", "DROP", "SHOW TABLES",
            "SHOW FUNCTIONS", "DESCRIBE", "EXPLAIN", "SET", "PARTITIONED BY", "LOCATION", "OPTIONS", "AND", "OR",
            "NOT", "NULL", "IS", "IN", "BETWEEN", "LIKE", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST");

    @Option(names = {"-f", "--file"}, paramLabel = "PIPELINE.sql",
            description = "Run this pipeline file first; its streaming queries keep running.")
    Path pipeline;

    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        try (Session spark = Session.builder().appName("fluxo sql").create();
                Terminal terminal = terminal()) {
            StatementRunner runner = new StatementRunner(spark, out, err, false);
            if (pipeline != null) {
                Path folder = pipeline.toAbsolutePath().getParent();
                String base = pipeline.getFileName().toString().replaceFirst("\\.sql$", "");
                spark.conf().set("fluxo.sql.streaming.checkpointLocation",
                        folder.resolve("_checkpoints").resolve(base).toString());
                spark.conf().set("fluxo.sql.baseDir", folder.toString());
                try {
                    if (!runner.run(SqlParser.parseStatements(Files.readString(pipeline)), pipeline.toString())) {
                        return 1;
                    }
                } catch (ParseException e) {
                    err.println(pipeline + ":" + e.line() + ":" + (e.column() + 1) + ": " + e.getMessage());
                    return 1;
                }
            }
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("fluxo")
                    .parser(new StatementParser()).completer(new SqlCompleter(spark))
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".fluxo_history"))
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ...> ")
                    .build();
            while (true) {
                String text;
                try {
                    text = reader.readLine("fluxo> ").strip();
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                String bare = text.replaceAll(";+$", "").strip().toLowerCase(Locale.ROOT);
                if (bare.equals("quit") || bare.equals("exit")) {
                    break;
                }
                if (bare.isEmpty()) {
                    continue;
                }
                try {
                    runner.run(SqlParser.parseStatements(text), "input");
                } catch (ParseException e) {
                    err.println(e.getMessage());
                }
            }
            StatementRunner.stopAll(spark);
            return 0;
        }
    }

    private Terminal terminal() throws java.io.IOException {
        if (in == System.in && out == System.out && System.console() != null) {
            return TerminalBuilder.builder().system(true).build();
        }
        // Input that is not a terminal (a pipe, a test): a plain line reader over the streams, no echo.
        return new org.jline.terminal.impl.DumbTerminal("fluxo", Terminal.TYPE_DUMB, in, out,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A line is a whole input once it ends with ';' (or is quit/exit): else the reader asks for more. */
    static final class StatementParser extends DefaultParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE) {
                String text = withoutLineComments(line).strip();
                String bare = text.toLowerCase(Locale.ROOT);
                if (!text.isEmpty() && !text.endsWith(";") && !bare.equals("quit") && !bare.equals("exit")) {
                    throw new EOFError(-1, -1, "the statement continues until ';'");
                }
            }
            return super.parse(line, cursor, context);
        }

        private static String withoutLineComments(String text) {
            StringBuilder sb = new StringBuilder();
            for (String l : text.split("\n", -1)) {
                int dash = l.indexOf("--");
                sb.append(dash >= 0 ? l.substring(0, dash) : l).append('\n');
            }
            return sb.toString();
        }
    }

    /** Keywords, then the session's tables and views, then the columns of each. */
    static final class SqlCompleter implements Completer {
        private final Session spark;

        SqlCompleter(Session spark) {
            this.spark = spark;
        }

        List<String> words() {
            List<String> words = new ArrayList<>(KEYWORDS);
            for (String table : spark.listTables()) {
                words.add(table);
                try {
                    for (StructField f : spark.table(table).schema().fields()) {
                        if (!words.contains(f.name())) {
                            words.add(f.name());
                        }
                    }
                } catch (RuntimeException e) {
                    // a table whose files are gone: complete its name only
                }
            }
            return words;
        }

        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            for (String w : words()) {
                candidates.add(new Candidate(w));
            }
        }
    }
}
