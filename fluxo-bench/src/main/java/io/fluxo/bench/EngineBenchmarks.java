package io.fluxo.bench;

import static io.fluxo.api.functions.col;
import static io.fluxo.api.functions.sum;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.TimeUnit;
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
 * Throughput of the batch engine's core paths over 10 M generated rows, reported as rows per second (each
 * invocation processes {@link #ROWS} input rows). {@code threads} = 1 measures one core; 2 uses both.
 *
 * <p>Run: {@code java -jar fluxo-bench/target/benchmarks.jar EngineBenchmarks -p threads=1,2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-XX:+UseParallelGC"})
public class EngineBenchmarks {
    static final int ROWS = 10_000_000;

    @Param({"1", "2"})
    public int threads;

    private Session session;
    private DataFrame longDouble;
    private DataFrame keys1k;
    private DataFrame stringKeys100k;
    private DataFrame probe;
    private DataFrame build100k;

    @Setup(Level.Trial)
    public void setUp() {
        session = Session.builder().master("local[" + threads + "]").config("fluxo.sql.shuffle.partitions", threads)
                .create();
        longDouble = session.createDataFrame(BenchData.LONG_DOUBLE, BenchData.longDouble(ROWS, 1));
        keys1k = session.createDataFrame(BenchData.KEY_VALUE, BenchData.keyValue(ROWS, 1_000, 2));
        stringKeys100k = session.createDataFrame(BenchData.STRING_KEY_VALUE,
                BenchData.stringKeyValue(ROWS, 100_000, 3));
        probe = session.createDataFrame(BenchData.KEY_VALUE, BenchData.keyValue(ROWS, 100_000, 4));
        StructType buildSchema = StructType.empty().add("k", DataTypes.LongType).add("w", DataTypes.LongType);
        build100k = session.createDataFrame(buildSchema, BenchData.keyValue(100_000, 100_000, 5));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    /** Runs the query, counting output rows as they stream out (nothing is retained). */
    private static long rows(DataFrame df) {
        LongAdder n = new LongAdder();
        df.forEachColumnBatch(b -> n.add(b.numRows()));
        return n.sum();
    }

    /** filter(a > 500 AND b < 0.5).select(a * 2 + 1, b): target ≥ 100 M rows/s per core. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long filterProject() {
        return rows(longDouble.filter(col("a").gt(500).and(col("b").lt(0.5)))
                .select(col("a").multiply(2).plus(1).as("x"), col("b")));
    }

    /** groupBy(k).agg(sum(v)) over 1 000 BIGINT keys: target ≥ 30 M rows/s per core. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long groupBySumLongKeys() {
        return rows(keys1k.groupBy("k").agg(sum("v")));
    }

    /** groupBy(k).agg(sum(v)) over 100 000 STRING keys: target ≥ 10 M rows/s per core. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long groupBySumStringKeys() {
        return rows(stringKeys100k.groupBy("k").agg(sum("v")));
    }

    /** 10 M probe rows joined with 100 k build rows on a BIGINT key: target ≥ 20 M probe rows/s per core. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long hashJoin() {
        return rows(probe.join(build100k, "k"));
    }
}
