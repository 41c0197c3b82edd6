package io.fluxo.bench;

import io.fluxo.api.Session;
import java.util.concurrent.atomic.LongAdder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading JSON lines into a given schema, every column materialized. The score is rows per second; the set-up prints
 * the bytes per row, so MB/s = score × bytes per row / 1e6 (the closing notes give that figure).
 *
 * <p>Run: {@code java -jar fluxo-bench/target/benchmarks.jar JsonReadBenchmark -p threads=1,2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-XX:+UseParallelGC"})
public class JsonReadBenchmark {
    static final int ROWS = 1_000_000;
    static final int FILES = 4;

    @Param({"1", "2"})
    public int threads;

    private Session session;
    private Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("fluxo-json-bench");
        SplittableRandom random = new SplittableRandom(7);
        long bytes = 0;
        for (int f = 0; f < FILES; f++) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("part-" + f + ".json"))) {
                for (int i = 0; i < ROWS / FILES; i++) {
                    String line = String.format(Locale.ROOT,
                            "{\"id\":%d,\"ts\":\"2026-11-%02dT%02d:%02d:%02dZ\",\"user\":\"user-%05d\","
                                    + "\"amount\":%.2f,\"qty\":%d,\"ok\":%s}%n",
                            f * (ROWS / FILES) + i, 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                            random.nextInt(60), random.nextInt(100_000), random.nextDouble() * 1000,
                            random.nextInt(10), random.nextBoolean());
                    w.write(line);
                    bytes += line.length();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nJSON input: %,d bytes, %.1f bytes per row%n", bytes, bytes / (double) ROWS);
        session = Session.builder().master("local[" + threads + "]").create();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        session.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long readAllColumns() {
        LongAdder n = new LongAdder();
        session.read().schema("id BIGINT, ts TIMESTAMP, user STRING, amount DOUBLE, qty INT, ok BOOLEAN")
                .json(dir.toString()).forEachColumnBatch(b -> n.add(b.numRows()));
        return n.sum();
    }
}
