package io.fluxo.exec.planner;

import static io.fluxo.api.functions.col;
import static io.fluxo.api.functions.count;
import static io.fluxo.api.functions.countDistinct;
import static io.fluxo.api.functions.lit;
import static io.fluxo.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Row;
import io.fluxo.api.RuntimeConfig;
import io.fluxo.api.Session;
import io.fluxo.sql.SqlParser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Golden EXPLAIN output for representative queries, so a change in what the planner picks (exchanges, partial and
 * final aggregation, broadcast or shuffled joins, top-N, gathers) shows up as a diff of plan text. Expression ids
 * ({@code #12}) depend on what the session built before and are masked.
 */
class PhysicalPlanGoldenTest {
    private static Session spark;
    private static DataFrame nums;
    private static DataFrame names;

    @BeforeAll
    static void start() {
        spark = Session.builder().master("local[2]").config(RuntimeConfig.SHUFFLE_PARTITIONS, 3).create();
        nums = spark.range(0, 100, 1, 2);
        names = spark.createDataFrame(List.of(Row.of(1L, "one"), Row.of(2L, "two")),
                SqlParser.parseTableSchema("key BIGINT, name STRING"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @BeforeEach
    void defaultBroadcastThreshold() {
        spark.conf().unset(RuntimeConfig.BROADCAST_THRESHOLD_ROWS);
    }

    private static String explain(DataFrame df, boolean extended) {
        return df.explainString(extended).replaceAll("#\\d+", "#_");
    }

    @Test
    void filterAndProjectStayPipelinedOverTheScan() {
        DataFrame df = nums.filter(col("id").mod(3).equalTo(0)).select(col("id"), col("id").multiply(2).as("twice"));
        assertThat(explain(df, true)).isEqualTo("""
                == Analyzed Logical Plan ==
                Project [id#_, (id * 2) AS twice]
                +- Filter ((id % 3) = 0)
                   +- Range (0, 100, step=1, splits=2)

                == Optimized Logical Plan ==
                Project [id#_, (id * 2) AS twice]
                +- Filter ((id % 3) = 0)
                   +- Range (0, 100, step=1, splits=2)

                == Physical Plan ==
                Project [input[0], (input[0] * 2) AS twice]
                +- Filter ((input[0] % 3) = 0)
                   +- Range (0, step=1, count=100, splits=2)
                """);
    }

    @Test
    void groupedAggregateIsPartialThenExchangeThenFinal() {
        DataFrame df = nums.withColumn("k", col("id").mod(10)).groupBy("k")
                .agg(count(lit(1)).as("n"), sum("id").as("total"), countDistinct(col("id")).as("d"));
        assertThat(explain(df, false)).isEqualTo("""
                == Physical Plan ==
                Project [input[0], input[1] AS n, input[2] AS total, input[3] AS d]
                +- HashAggregate(final, keys=[input[0]], functions=[count(1), sum(id), count(DISTINCT id)])
                   +- Exchange hashpartitioning(input[0], 3)
                      +- HashAggregate(partial, keys=[input[1]], functions=[count(1), sum(id), count(DISTINCT id)])
                         +- Project [input[0], (input[0] % 10) AS k]
                            +- Range (0, step=1, count=100, splits=2)
                """);
    }

    @Test
    void aggregateOverOnePartitionIsCompleteAndAGlobalOneGathersItsStates() {
        assertThat(explain(names.groupBy("name").agg(sum("key").as("total")), false)).isEqualTo("""
                == Physical Plan ==
                Project [input[0], input[1] AS total]
                +- HashAggregate(complete, keys=[input[1]], functions=[sum(key)])
                   +- LocalTableScan [key#_, name#_]
                """);
        assertThat(explain(nums.agg(sum("id").as("total")), false)).isEqualTo("""
                == Physical Plan ==
                Project [input[0] AS total]
                +- HashAggregate(final, keys=[], functions=[sum(id)])
                   +- Gather
                      +- HashAggregate(partial, keys=[], functions=[sum(id)])
                         +- Range (0, step=1, count=100, splits=2)
                """);
    }

    @Test
    void smallBuildSideIsBroadcast() {
        assertThat(explain(nums.join(names, col("id").equalTo(col("key"))), false)).isEqualTo("""
                == Physical Plan ==
                BroadcastHashJoin INNER [input[0]] = [input[0]], build right
                +- Range (0, step=1, count=100, splits=2)
                +- Gather
                   +- LocalTableScan [key#_, name#_]
                """);
        DataFrame semi = nums.join(names, col("id").equalTo(col("key")).and(col("name").notEqual("one")), "left_semi");
        assertThat(explain(semi, false)).isEqualTo("""
                == Physical Plan ==
                BroadcastHashJoin SEMI [input[0]] = [input[0]], (NOT (input[2] = one)), build right
                +- Range (0, step=1, count=100, splits=2)
                +- Gather
                   +- LocalTableScan [key#_, name#_]
                """);
    }

    @Test
    void withoutBroadcastBothSidesAreShuffledOnTheKeys() {
        spark.conf().set(RuntimeConfig.BROADCAST_THRESHOLD_ROWS, -1);
        assertThat(explain(nums.join(names, col("id").equalTo(col("key")), "right_outer"), false)).isEqualTo("""
                == Physical Plan ==
                ShuffledHashJoin PROBE_OUTER [input[0]] = [input[0]], build left
                +- Exchange hashpartitioning(input[0], 3)
                   +- Range (0, step=1, count=100, splits=2)
                +- Exchange hashpartitioning(input[0], 3)
                   +- LocalTableScan [key#_, name#_]
                """);
    }

    @Test
    void fullOuterJoinWithKeysIsNeverBroadcastAndWithoutKeysRunsInOneTask() {
        assertThat(explain(nums.join(names, col("id").equalTo(col("key")), "full_outer"), false)).isEqualTo("""
                == Physical Plan ==
                ShuffledHashJoin FULL_OUTER [input[0]] = [input[0]], build right
                +- Exchange hashpartitioning(input[0], 3)
                   +- Range (0, step=1, count=100, splits=2)
                +- Exchange hashpartitioning(input[0], 3)
                   +- LocalTableScan [key#_, name#_]
                """);
        assertThat(explain(nums.join(names, col("id").lt(col("key")), "full_outer"), false)).isEqualTo("""
                == Physical Plan ==
                BroadcastHashJoin FULL_OUTER [] = [], (input[0] < input[1]), build right
                +- Gather
                   +- Range (0, step=1, count=100, splits=2)
                +- Gather
                   +- LocalTableScan [key#_, name#_]
                """);
    }

    @Test
    void sortWithLimitIsATopNPerPartitionThenOneMerge() {
        assertThat(explain(nums.orderBy(col("id").desc()).limit(5), false)).isEqualTo("""
                == Physical Plan ==
                Sort [input[0] DESC NULLS LAST], limit 5
                +- Gather
                   +- Sort [input[0] DESC NULLS LAST], limit 5
                      +- Range (0, step=1, count=100, splits=2)
                """);
        assertThat(explain(nums.orderBy(col("id")), false)).isEqualTo("""
                == Physical Plan ==
                Sort [input[0] ASC NULLS FIRST]
                +- Gather
                   +- Range (0, step=1, count=100, splits=2)
                """);
    }

    @Test
    void unionConcatenatesItsInputsPartitions() {
        DataFrame df = nums.select(col("id").as("key")).union(names.select("key")).limit(3);
        assertThat(explain(df, false)).isEqualTo("""
                == Physical Plan ==
                Limit 3
                +- Gather
                   +- Limit 3
                      +- Union
                         +- Project [input[0] AS key]
                            +- Range (0, step=1, count=100, splits=2)
                         +- Project [input[0]]
                            +- LocalTableScan [key#_, name#_]
                """);
    }
}
