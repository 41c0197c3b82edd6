package io.fluxo.bench;

import io.fluxo.sql.SqlParser;
import io.fluxo.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a 1 000-line SQL pipeline file (tables, views, streaming INSERTs with joins, windows, HAVING, CTEs) into
 * statements and unresolved plans: {@code singleShot} is a cold parse in a fresh JVM, {@code warm} the steady state.
 *
 * <p>Run: {@code java -jar fluxo-bench/target/benchmarks.jar SqlParserBenchmark}
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class SqlParserBenchmark {
    /** One block of 20 lines; the file repeats it 50 times with fresh names. */
    private static final String BLOCK = """
            -- pipeline step %1$d
            CREATE TABLE orders_%1$d (ts TIMESTAMP, user STRING, sku STRING, amount DOUBLE)
            USING json PARTITIONED BY (sku) LOCATION 'data/orders_%1$d';
            CREATE OR REPLACE TEMPORARY VIEW users_%1$d USING csv OPTIONS (path 'data/users_%1$d', header 'true');
            CREATE TABLE revenue_%1$d (start TIMESTAMP, country STRING, revenue DOUBLE, n BIGINT) USING memory;
            SET fluxo.sql.shuffle.partitions = %1$d;
            INSERT INTO revenue_%1$d
            WITH big AS (
              SELECT o.ts, u.country, o.amount * 1.1 AS gross
              FROM STREAM orders_%1$d WATERMARK ts DELAY OF INTERVAL 10 MINUTES o
              JOIN users_%1$d u ON o.user = u.user AND u.country IS NOT NULL
              WHERE o.amount BETWEEN 1 AND 10000 AND o.sku LIKE 'A%%'
            )
            SELECT window.start, country, round(sum(gross), 2) AS revenue, count(*) AS n
            FROM big
            GROUP BY window(ts, '5 minutes'), country
            HAVING count(*) > 1 AND revenue < 1e9;
            SELECT country, max(revenue) AS best
            FROM revenue_%1$d GROUP BY country
            ORDER BY best DESC LIMIT 10;
            """;

    private String pipeline;

    @Setup
    public void setUp() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            sb.append(String.format(BLOCK, i));
        }
        pipeline = sb.toString();
        long lines = pipeline.lines().count();
        if (lines != 1000) {
            throw new IllegalStateException("the pipeline has " + lines + " lines, not 1000");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public List<Statement.Located> singleShot() {
        return SqlParser.parseStatements(pipeline);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public List<Statement.Located> warm() {
        return SqlParser.parseStatements(pipeline);
    }
}
