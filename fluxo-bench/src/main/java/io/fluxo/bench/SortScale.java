package io.fluxo.bench;

import io.fluxo.api.Session;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A global ORDER BY over more rows than the heap holds: {@code java -Xmx256m -cp fluxo-bench/target/benchmarks.jar
 * io.fluxo.bench.SortScale 20000000} sorts 20 M rows of (BIGINT, BIGINT, DOUBLE), 480 MB as columns, by spilling the
 * gather and the sort to disk. Prints the rows, the time and the heap's maximum.
 */
public final class SortScale {
    public static void main(String[] args) {
        long rows = Long.parseLong(args.length > 0 ? args[0] : "20000000");
        try (Session spark = Session.builder().master("local[2]").create()) {
            long start = System.nanoTime();
            AtomicLong seen = new AtomicLong();
            spark.sql("SELECT id, (id * 7919) % 1000003 AS k, rand(1) AS r FROM range(" + rows + ") ORDER BY k, id")
                    .forEachColumnBatch(b -> seen.addAndGet(b.numRows()));
            System.out.printf(Locale.ROOT, "sorted %,d rows in %.1f s; heap maximum %d MB%n", seen.get(),
                    (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private SortScale() {
    }
}
