package io.fluxo.exec.planner;

import static io.fluxo.exec.BatchedFrames.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.api.DataFrame;
import io.fluxo.api.RuntimeConfig;
import io.fluxo.api.Session;
import io.fluxo.exec.BatchedFrames;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expressions over columns a DataFrame bound at once ({@code df.col("i")}, Spark's {@code df("i")}) are complete
 * trees before analysis, so nothing forces the analyzer to visit them; the planner must still receive them coerced
 * to one type and named, exactly as if they had been written with {@code functions.col}.
 */
class EarlyBoundColumnsTest {
    private static final StructType SCHEMA = SqlParser.parseTableSchema("i INT, l BIGINT, d DOUBLE, s STRING");
    private static Session spark;
    private static DataFrame df;

    @BeforeAll
    static void start() {
        spark = Session.builder().master("local[2]").config(RuntimeConfig.SHUFFLE_PARTITIONS, 3).create();
        List<Object[]> rows = List.of(new Object[] {1, 1L, 1.0, "a"}, new Object[] {2, 3L, 2.5, "b"},
                new Object[] {null, null, null, null});
        df = spark.createDataFrame(SCHEMA, List.of(BatchedFrames.batch(SCHEMA, rows)));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void comparisonsOfEarlyBoundColumnsAreCoerced() {
        assertThat(collect(df.filter(df.col("i").equalTo(df.col("l"))).select("s"))).containsExactly(List.of("a"));
        assertThat(collect(df.filter(df.col("i").lt(df.col("d"))).select("s"))).containsExactly(List.of("b"));
        assertThat(collect(df.filter(df.col("i").eqNullSafe(df.col("l"))).select("s"))).containsExactlyInAnyOrder(
                List.of("a"), Arrays.asList((Object) null));
        assertThat(collect(df.filter(df.col("l").equalTo(1)).select("s"))).containsExactly(List.of("a"));
    }

    @Test
    void joinOnAnIntAndABigintKeyNextToAStringKeyMatches() {
        DataFrame other = df.select(df.col("l").as("l2"), df.col("s").as("s2"));
        for (long threshold : new long[] {1_000_000, -1}) {
            spark.conf().set(RuntimeConfig.BROADCAST_THRESHOLD_ROWS, threshold);
            DataFrame joined = df.join(other, df.col("i").equalTo(other.col("l2")).and(df.col("s").equalTo(
                    other.col("s2"))));
            assertThat(collect(joined.select("s", "s2"))).as("threshold %d", threshold)
                    .containsExactly(List.of("a", "a"));
        }
        spark.conf().unset(RuntimeConfig.BROADCAST_THRESHOLD_ROWS);
    }

    @Test
    void projectionsOfEarlyBoundColumnsAreNamedAndCoerced() {
        DataFrame sum = df.select(df.col("i").plus(df.col("l")));
        assertThat(sum.columns()).containsExactly("(i + l)");
        assertThat(collect(sum)).containsExactly(List.of(2L), List.of(5L), Arrays.asList((Object) null));
        assertThat(collect(df.select(df.col("i").plus(1)).limit(1))).containsExactly(List.of(2));
    }
}
