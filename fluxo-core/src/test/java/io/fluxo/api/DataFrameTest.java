package io.fluxo.api;

import static io.fluxo.api.functions.avg;
import static io.fluxo.api.functions.col;
import static io.fluxo.api.functions.count;
import static io.fluxo.api.functions.countDistinct;
import static io.fluxo.api.functions.explode;
import static io.fluxo.api.functions.expr;
import static io.fluxo.api.functions.lit;
import static io.fluxo.api.functions.max;
import static io.fluxo.api.functions.sum;
import static io.fluxo.api.functions.upper;
import static io.fluxo.api.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.AnalysisException;
import io.fluxo.errors.FluxoRuntimeException;
import io.fluxo.sql.SqlParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DataFrame API end to end: analysis, optimization, planning and parallel execution on real operators. */
class DataFrameTest {
    private static Session spark;
    private static DataFrame people;

    @BeforeAll
    static void start() {
        spark = Session.builder().master("local[2]").config("fluxo.sql.shuffle.partitions", 3)
                .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC)).create();
        people = spark.createDataFrame(List.of(
                Row.of(1L, "alice", "BR", 34, 100.0),
                Row.of(2L, "bob", "US", 45, 50.5),
                Row.of(3L, "carol", "BR", null, 75.25),
                Row.of(4L, "dave", null, 23, null),
                Row.of(5L, "erin", "US", 31, 10.0)),
                SqlParser.parseTableSchema("id BIGINT, name STRING, country STRING, age INT, balance DOUBLE"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    private static List<List<Object>> rows(DataFrame df) {
        return df.collectAsList().stream().map(Row::toList).toList();
    }

    @Test
    void filterAndProjectWithNamesAsSpark() {
        DataFrame df = people.filter(col("age").gt(30)).select(col("name"), col("age").plus(1), upper(col("name")));
        assertThat(df.columns()).containsExactly("name", "(age + 1)", "upper(name)");
        assertThat(rows(df)).containsExactlyInAnyOrder(List.of("alice", 35, "ALICE"), List.of("bob", 46, "BOB"),
                List.of("erin", 32, "ERIN"));
    }

    @Test
    void selectExprAndFilterStrings() {
        DataFrame df = people.selectExpr("name", "balance * 2 AS doubled").filter("doubled > 100");
        assertThat(rows(df)).containsExactlyInAnyOrder(List.of("alice", 200.0), List.of("bob", 101.0),
                List.of("carol", 150.5));
    }

    @Test
    void groupByAggregatesWithNullKeysAndValues() {
        DataFrame df = people.groupBy("country").agg(count("*").as("n"), sum("balance").as("total"),
                avg(col("age")).as("avg_age")).orderBy("country");
        assertThat(rows(df)).containsExactly(
                java.util.Arrays.asList(null, 1L, null, 23.0),
                List.of("BR", 2L, 175.25, 34.0),
                List.of("US", 2L, 60.5, 38.0));
    }

    @Test
    void globalAggregateOverNoRowsGivesOneRow() {
        DataFrame df = people.filter(col("age").gt(1000)).agg(count("*"), sum("balance"));
        assertThat(rows(df)).containsExactly(java.util.Arrays.asList(0L, null));
        assertThat(people.count()).isEqualTo(5);
        assertThat(people.filter("country = 'US'").count()).isEqualTo(2);
    }

    @Test
    void distinctCountAndDropDuplicates() {
        assertThat(rows(people.agg(countDistinct(col("country"))))).containsExactly(List.of(2L));
        assertThat(people.select("country").distinct().count()).isEqualTo(3);
        assertThat(people.dropDuplicates("country").count()).isEqualTo(3);
    }

    @Test
    void caseWhenAndLiterals() {
        DataFrame df = people.select(col("name"), when(col("age").lt(30), "young").when(col("age").geq(30), "adult")
                .otherwise("unknown").as("band"), lit(1).as("one")).filter(col("name").isin("dave", "carol"));
        assertThat(rows(df)).containsExactlyInAnyOrder(List.of("dave", "young", 1), List.of("carol", "unknown", 1));
    }

    @Test
    void orderByLimitAndTake() {
        DataFrame df = people.orderBy(col("balance").desc()).limit(2).select("name");
        assertThat(rows(df)).containsExactly(List.of("alice"), List.of("carol"));
        assertThat(people.orderBy("age").first().getString(1)).isEqualTo("carol");
    }

    @Test
    void unionAndUnionByName() {
        DataFrame a = people.select("id", "name").filter("id <= 2");
        DataFrame b = people.select("name", "id").filter("id = 5");
        assertThat(a.union(b.select("id", "name")).count()).isEqualTo(3);
        assertThat(rows(a.unionByName(b).orderBy("id"))).containsExactly(List.of(1L, "alice"), List.of(2L, "bob"),
                List.of(5L, "erin"));
    }

    @Test
    void joinsOnUsingColumnsAndExpressions() {
        DataFrame countries = spark.createDataFrame(List.of(Row.of("BR", "Brazil"), Row.of("US", "United States"),
                Row.of("FR", "France")), SqlParser.parseTableSchema("country STRING, cname STRING"));
        assertThat(rows(people.join(countries, "country").select("name", "cname"))).containsExactlyInAnyOrder(
                List.of("alice", "Brazil"), List.of("bob", "United States"), List.of("carol", "Brazil"),
                List.of("erin", "United States"));
        assertThat(people.join(countries, List.of("country"), "left").count()).isEqualTo(5);
        assertThat(people.join(countries, List.of("country"), "full").count()).isEqualTo(6);
        assertThat(people.join(countries, List.of("country"), "left_anti").count()).isEqualTo(1);
        assertThat(people.join(countries, List.of("country"), "left_semi").count()).isEqualTo(4);
        DataFrame p = people.alias("p");
        DataFrame c = countries.alias("c");
        assertThat(p.join(c, col("p.country").equalTo(col("c.country")).and(col("p.age").gt(33)))
                .select("p.name", "c.cname").count()).isEqualTo(2);
    }

    @Test
    void selfJoinGetsDistinctColumns() {
        DataFrame manager = people.select(col("id").as("mid"), col("name").as("mname"));
        DataFrame df = people.join(manager, col("id").equalTo(col("mid").plus(1))).select("name", "mname");
        assertThat(rows(df)).containsExactlyInAnyOrder(List.of("bob", "alice"), List.of("carol", "bob"),
                List.of("dave", "carol"), List.of("erin", "dave"));
    }

    @Test
    void explodeArrays() {
        DataFrame df = people.select(col("name"), explode(functions.split(col("name"), "l")).as("part"))
                .filter("name = 'carol'");
        assertThat(rows(df)).containsExactly(List.of("carol", "caro"), List.of("carol", ""));
    }

    @Test
    void unknownColumnIsReportedWithSuggestions() {
        assertThatThrownBy(() -> people.select("nmae"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("UNRESOLVED_COLUMN.WITH_SUGGESTION")
                .hasMessageContaining("`nmae`")
                .hasMessageContaining("`name`");
    }

    @Test
    void ansiCastFailureNamesTheValue() {
        DataFrame df = people.select(col("name").cast("int"));
        assertThatThrownBy(df::collectAsList).isInstanceOf(FluxoRuntimeException.class)
                .hasMessageContaining("CAST_INVALID_INPUT").hasMessageContaining("'alice'");
        assertThat(rows(people.select(col("name").try_cast("int")).limit(1))).containsExactly(
                java.util.Arrays.asList((Object) null));
    }

    @Test
    void currentTimestampIsTheQueryClock() {
        DataFrame df = people.select(expr("current_timestamp()").as("now")).limit(1);
        assertThat(df.first().getInstant(0)).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void groupedDataShortcuts() {
        assertThat(rows(people.groupBy("country").count().orderBy("country"))).hasSize(3);
        assertThat(rows(people.groupBy().agg(Map.of("balance", "max")))).containsExactly(List.of(100.0));
        assertThat(rows(people.agg(max("age")))).containsExactly(List.of(45));
    }

    @Test
    void rangeRunsInParallelPartitions() {
        assertThat(spark.range(0, 100_000).filter(col("id").mod(7).equalTo(0)).count()).isEqualTo(14286);
        assertThat(rows(spark.range(10).agg(sum("id")))).containsExactly(List.of(45L));
    }

    @Test
    void showPrintsSparksTable() {
        String shown = people.select("id", "name", "age").orderBy("id").showString(2, 20);
        assertThat(shown).isEqualTo("""
                +---+-----+---+
                | id| name|age|
                +---+-----+---+
                |  1|alice| 34|
                |  2|  bob| 45|
                +---+-----+---+
                only showing top 2 rows
                """);
    }
}
