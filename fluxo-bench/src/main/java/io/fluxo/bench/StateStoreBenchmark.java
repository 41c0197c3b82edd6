package io.fluxo.bench;

import io.fluxo.state.StateStore;
import io.fluxo.state.StateStoreConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
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
 * The state store's hot path, operations per second: {@code get} of keys present, and {@code put} of a new value for
 * a present key, in a store holding {@code keys} entries of a 16-byte key and a 24-byte value (the shape of a windowed
 * count/sum state). Each invocation is one batch of {@value #BATCH} operations; {@code putThenCommit} adds the commit
 * that writes the batch's delta file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateStoreBenchmark {
    private static final int BATCH = 4096;

    @Param({"100000", "1000000"})
    public int keys;

    private Path dir;
    private StateStore store;
    private byte[][] keyBytes;
    private byte[] value;
    private int[] order;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("fluxo-state-bench");
        store = StateStore.load(dir, 0, StateStoreConf.DEFAULT);
        keyBytes = new byte[keys][];
        value = new byte[24];
        Random random = new Random(42);
        store.beginBatch();
        for (int i = 0; i < keys; i++) {
            byte[] k = new byte[16];
            random.nextBytes(k);
            keyBytes[i] = k;
            store.put(k, value);
        }
        store.commit();
        order = new int[1 << 20];
        for (int i = 0; i < order.length; i++) {
            order[i] = random.nextInt(keys);
        }
        store.beginBatch();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long get() {
        long found = 0;
        for (int i = 0; i < BATCH; i++) {
            byte[] v = store.get(keyBytes[order[next++ & (order.length - 1)]]);
            found += v.length;
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void putThenCommit() {
        for (int i = 0; i < BATCH; i++) {
            store.put(keyBytes[order[next++ & (order.length - 1)]], value);
        }
        store.commit();
        store.beginBatch();
    }
}
