package io.fluxo.bench;

import io.fluxo.api.Session;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Queries over more rows than the heap holds, which finish by spilling to disk. {@code java -Xmx256m -cp
 * fluxo-bench/target/benchmarks.jar io.fluxo.bench.SpillScale sort 20000000}: a global ORDER BY of 20 M rows of
 * (BIGINT, BIGINT, DOUBLE), 480 MB as columns (the gather and the sort spill); {@code … SpillScale aggregate 20000000}:
 * a GROUP BY of 20 M rows into 10 M groups (partial and final aggregations and the exchange spill); {@code … join}: 20 M
 * rows joined with 10 M on a key (the exchanges and the join's build side spill). Prints the rows, the time and the
 * heap's maximum.
 */
public final class SpillScale {
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "sort";
        long rows = Long.parseLong(args.length > 1 ? args[1] : "20000000");
        String sql = switch (what) {
            case "sort" -> "SELECT id, (id * 7919) % 1000003 AS k, rand(1) AS r FROM range(" + rows + ") ORDER BY k, id";
            case "aggregate" -> "SELECT k, count(*) AS c, sum(id) AS total FROM (SELECT id, (id * 7919) % " + rows / 2
                    + " AS k FROM range(" + rows + ")) GROUP BY k";
            case "join" -> "SELECT p.id, b.v FROM range(" + rows + ") p JOIN (SELECT id AS k, id * 2 AS v FROM range("
                    + rows / 2 + ")) b ON (p.id * 7919) % " + rows / 2 + " = b.k";
            default -> throw new IllegalArgumentException("sort, aggregate or join, not " + what);
        };
        try (Session spark = Session.builder().master("local[2]").create()) {
            long start = System.nanoTime();
            AtomicLong seen = new AtomicLong();
            spark.sql(sql).forEachColumnBatch(b -> seen.addAndGet(b.numRows()));
            System.out.printf(Locale.ROOT, "%s of %,d rows: %,d rows out in %.1f s; heap maximum %d MB%n", what, rows,
                    seen.get(), (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private SpillScale() {
    }
}
