package io.fluxo.bench;

import io.fluxo.function.BoundAggregateFunction;
import io.fluxo.function.FunctionArg;
import io.fluxo.function.FunctionRegistry;
import io.fluxo.function.GroupedAggregator;
import io.fluxo.types.DataType;
import io.fluxo.types.DataTypes;
import io.fluxo.types.DoubleType;
import io.fluxo.vector.ColumnBatch;
import io.fluxo.vector.ColumnVector;
import io.fluxo.vector.DoubleVector;
import io.fluxo.vector.LongVector;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second of one grouped aggregate's update over BIGINT input in 1 000 groups (target: 30 M rows/s per core
 * for sum). Each operation is one batch of {@link ColumnBatch#DEFAULT_SIZE} rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GroupedAggregateBenchmark {
    private static final int ROWS = ColumnBatch.DEFAULT_SIZE;

    @Param({"sum", "count", "max", "avg", "approx_count_distinct"})
    public String function;

    @Param({"false", "true"})
    public boolean withNulls;

    private GroupedAggregator aggregator;
    private int[] groupIds;
    private ColumnVector[] args;

    @Setup
    public void setUp() {
        int groups = 1_000;
        Random random = new Random(42);
        groupIds = new int[ROWS];
        long[] values = new long[ROWS];
        double[] doubles = new double[ROWS];
        boolean[] nulls = withNulls ? new boolean[ROWS] : null;
        for (int i = 0; i < ROWS; i++) {
            groupIds[i] = random.nextInt(groups);
            values[i] = random.nextInt(1_000_000);
            doubles[i] = values[i];
            if (nulls != null) {
                nulls[i] = random.nextInt(10) == 0;
            }
        }
        BoundAggregateFunction bound = FunctionRegistry.builtin().aggregate(function).orElseThrow()
                .bind(List.of(FunctionArg.of(DataTypes.LongType, withNulls)), false);
        DataType input = bound.inputTypes().get(0);
        args = new ColumnVector[] {input instanceof DoubleType ? DoubleVector.wrap(doubles, ROWS, nulls)
                : LongVector.wrap(DataTypes.LongType, values, ROWS, nulls)};
        aggregator = bound.newGroupedAggregator();
        aggregator.ensureCapacity(groups);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public GroupedAggregator update() {
        aggregator.update(groupIds, args, ROWS);
        return aggregator;
    }
}
