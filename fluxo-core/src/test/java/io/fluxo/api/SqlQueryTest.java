package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.FluxoException;
import io.fluxo.errors.ParseException;
import io.fluxo.sql.SqlParser;
import io.fluxo.types.StructField;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code session.sql()} on batch views. Names, types and rows are those Spark 4.0.1 gave for the same statements
 * (run through a Spark session on the oracle's jars).
 */
class SqlQueryTest {
    private static Session spark;

    @BeforeAll
    static void start() {
        spark = Session.builder().master("local[2]").config("fluxo.sql.shuffle.partitions", 3).create();
        spark.createDataFrame(List.of(Row.of(1L, "alice", "BR", 34), Row.of(2L, "bob", "US", 45),
                Row.of(3L, "carol", "BR", null), Row.of(4L, "dave", null, 23)),
                SqlParser.parseTableSchema("id BIGINT, name STRING, country STRING, age INT"))
                .createOrReplaceTempView("people");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    private static List<List<Object>> rows(String sql) {
        return spark.sql(sql).collectAsList().stream().map(Row::toList).toList();
    }

    private static List<String> header(String sql) {
        return spark.sql(sql).schema().fields().stream().map(f -> f.name() + ":" + f.dataType().simpleString())
                .toList();
    }

    @Test
    void selectWhereAndExpressionsNamedAsSpark() {
        String q = "SELECT name, age + 1 FROM VALUES ('ana', 30), ('bob', 40) AS people(name, age) WHERE age > 35";
        assertThat(header(q)).containsExactly("name:string", "(age + 1):int");
        assertThat(rows(q)).containsExactly(List.of("bob", 41));
        assertThat(header("SELECT 1, 'a', NULL")).containsExactly("1:int", "a:string", "NULL:void");
        assertThat(header("SELECT * FROM VALUES (1, 'a'), (2, 'b')")).containsExactly("col1:int", "col2:string");
        assertThat(rows("SELECT id FROM range(3)")).containsExactly(List.of(0L), List.of(1L), List.of(2L));
        assertThat(rows("SELECT name FROM people WHERE country = 'BR' AND age IS NOT NULL"))
                .containsExactly(List.of("alice"));
        assertThat(rows("TABLE people")).hasSize(4);
    }

    @Test
    void groupByHavingAndGlobalAggregates() {
        String q = "SELECT country, count(*) AS n FROM VALUES ('a','BR'),('b','BR'),('c','US') AS p(name, country) "
                + "GROUP BY country HAVING count(*) > 1";
        assertThat(header(q)).containsExactly("country:string", "n:bigint");
        assertThat(rows(q)).containsExactly(List.of("BR", 2L));
        assertThat(rows("SELECT count(*) FROM VALUES (1),(2) AS t(x) HAVING count(*) > 1"))
                .containsExactly(List.of(2L));
        assertThat(header("SELECT count(*) FROM people")).containsExactly("count(1):bigint");
        assertThat(rows("SELECT x, sum(y) AS s FROM VALUES (1, 2), (1, 3), (2, 5) AS t(x, y) GROUP BY x "
                + "HAVING s > 4 ORDER BY x")).containsExactly(List.of(1, 5L), List.of(2, 5L));
        assertThat(rows("SELECT country, max(age) FROM people GROUP BY country HAVING max(age) > 30 "
                + "ORDER BY country")).containsExactly(List.of("BR", 34), List.of("US", 45));
    }

    @Test
    void orderByLimitAndSetOperations() {
        assertThat(rows("SELECT name FROM VALUES ('ana', 30), ('bob', NULL) AS people(name, age) "
                + "ORDER BY age DESC NULLS FIRST")).containsExactly(List.of("bob"), List.of("ana"));
        assertThat(rows("SELECT name FROM people ORDER BY id DESC LIMIT 2"))
                .containsExactly(List.of("dave"), List.of("carol"));
        assertThat(rows("SELECT x FROM VALUES (1),(2),(2),(NULL) AS t(x) INTERSECT "
                + "SELECT x FROM VALUES (2),(NULL) AS u(x)")).containsExactlyInAnyOrder(List.of(2),
                Arrays.asList((Object) null));
        assertThat(rows("SELECT x FROM VALUES (1),(2),(2),(NULL) AS t(x) EXCEPT SELECT x FROM VALUES (2) AS u(x)"))
                .containsExactlyInAnyOrder(List.of(1), Arrays.asList((Object) null));
        assertThat(rows("SELECT x FROM VALUES (1),(2) AS t(x) UNION SELECT x FROM VALUES (2),(3) AS u(x) "
                + "ORDER BY x DESC LIMIT 2")).containsExactly(List.of(3), List.of(2));
        assertThat(rows("SELECT country FROM people UNION ALL SELECT country FROM people")).hasSize(8);
    }

    @Test
    void joinsCtesAndSubqueries() {
        assertThat(rows("WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a CROSS JOIN b"))
                .containsExactly(List.of(1, 2));
        assertThat(rows("SELECT t.x, u.y FROM VALUES (1),(2) AS t(x) LEFT JOIN VALUES (1, 'one') AS u(x, y) "
                + "ON t.x = u.x")).containsExactlyInAnyOrder(List.of(1, "one"), Arrays.asList(2, null));
        assertThat(header("SELECT * FROM VALUES (1),(2) AS t(x) JOIN VALUES (1, 'one') AS u(x, y) USING (x)"))
                .containsExactly("x:int", "y:string");
        assertThat(rows("SELECT x FROM VALUES (1),(2) AS t(x) LEFT ANTI JOIN VALUES (1) AS u(x) USING (x)"))
                .containsExactly(List.of(2));
        assertThat(rows("SELECT p.name, q.name FROM people p, people q WHERE p.id + 1 = q.id ORDER BY p.id"))
                .containsExactly(List.of("alice", "bob"), List.of("bob", "carol"), List.of("carol", "dave"));
        assertThat(rows("SELECT n FROM (SELECT name AS n, age FROM people WHERE age > 30) AS old "
                + "WHERE n LIKE 'b%'")).containsExactly(List.of("bob"));
        assertThat(rows("SELECT DISTINCT country FROM people WHERE country IS NOT NULL ORDER BY country"))
                .containsExactly(List.of("BR"), List.of("US"));
        // A CTE name hides a view of the same name inside the query only.
        assertThat(rows("WITH people AS (SELECT 'x' AS name) SELECT name FROM people"))
                .containsExactly(List.of("x"));
    }

    @Test
    void inAndExistsSubqueriesInWhereFollowSqlsNullRules() {
        String t = "VALUES (1),(2),(3),(NULL) AS t(x)";
        assertThat(rows("SELECT x FROM " + t + " WHERE x IN (SELECT y FROM VALUES (2),(3),(4) AS u(y))"))
                .containsExactlyInAnyOrder(List.of(2), List.of(3));
        assertThat(rows("SELECT x FROM " + t + " WHERE x NOT IN (SELECT y FROM VALUES (2),(4) AS u(y))"))
                .containsExactlyInAnyOrder(List.of(1), List.of(3));
        assertThat(rows("SELECT x FROM " + t + " WHERE x NOT IN (SELECT y FROM VALUES (2),(NULL) AS u(y))")).isEmpty();
        assertThat(rows("SELECT x FROM VALUES (1),(2) AS t(x) WHERE EXISTS (SELECT 1 FROM VALUES (9) AS u(y) "
                + "WHERE y > 5) AND x > 1")).containsExactly(List.of(2));
        assertThat(rows("SELECT x FROM VALUES (1),(2) AS t(x) WHERE NOT EXISTS (SELECT 1 FROM VALUES (9) AS u(y) "
                + "WHERE y > 10)")).containsExactlyInAnyOrder(List.of(1), List.of(2));
        assertThat(rows("SELECT x FROM VALUES (1),(2),(3) AS t(x) WHERE NOT (x IN (SELECT y FROM VALUES (2) AS u(y))) "
                + "AND x < 3")).containsExactly(List.of(1));
        assertThat(rows("SELECT name FROM people WHERE country IN (SELECT country FROM people WHERE age > 40)"))
                .containsExactly(List.of("bob"));
        assertThatThrownBy(() -> spark.sql("SELECT x IN (SELECT 1) FROM VALUES (1) AS t(x)"))
                .isInstanceOf(ParseException.class).hasMessageContaining("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY");
        assertThatThrownBy(() -> spark.sql("SELECT x FROM VALUES (1) AS t(x) WHERE x IN (SELECT 1, 2)"))
                .isInstanceOf(FluxoException.class).hasMessageContaining("NUM_COLUMNS_MISMATCH");
    }

    @Test
    void rollupCubeAndGroupingSets() {
        String t = "VALUES ('p','u',1),('p','v',2),('q','u',4) AS t(a, b, x)";
        assertThat(rows("SELECT a, b, sum(x) AS s FROM " + t + " GROUP BY ROLLUP(a, b) "
                + "ORDER BY a NULLS LAST, b NULLS LAST")).containsExactly(List.of("p", "u", 1L), List.of("p", "v", 2L),
                Arrays.asList("p", null, 3L), List.of("q", "u", 4L), Arrays.asList("q", null, 4L),
                Arrays.asList(null, null, 7L));
        assertThat(rows("SELECT a, b, sum(x) AS s, grouping(a) AS ga, grouping_id() AS gid FROM " + t
                + " GROUP BY CUBE(a, b) ORDER BY gid, a, b")).containsExactly(List.of("p", "u", 1L, 0, 0L),
                List.of("p", "v", 2L, 0, 0L), List.of("q", "u", 4L, 0, 0L), Arrays.asList("p", null, 3L, 0, 1L),
                Arrays.asList("q", null, 4L, 0, 1L), Arrays.asList(null, "u", 5L, 1, 2L),
                Arrays.asList(null, "v", 2L, 1, 2L), Arrays.asList(null, null, 7L, 1, 3L));
        String sets = "SELECT a, b, count(*) FROM " + t + " GROUP BY GROUPING SETS ((a), (b)) ORDER BY a, b";
        assertThat(header(sets)).containsExactly("a:string", "b:string", "count(1):bigint");
        assertThat(rows(sets)).containsExactly(Arrays.asList(null, "u", 2L), Arrays.asList(null, "v", 1L),
                Arrays.asList("p", null, 2L), Arrays.asList("q", null, 1L));
        assertThat(rows("SELECT a, sum(x) FROM " + t + " GROUP BY ROLLUP(a) HAVING sum(x) > 3 ORDER BY a"))
                .containsExactly(Arrays.asList(null, 7L), List.of("q", 4L));
    }

    @Test
    void windowFunctionsRankOffsetAndAggregateOverFrames() {
        String t = "VALUES ('p',1),('p',2),('p',2),('p',5),('q',3) AS t(a, x)";
        assertThat(rows("SELECT a, x, row_number() OVER (PARTITION BY a ORDER BY x) AS rn, rank() OVER (PARTITION BY "
                + "a ORDER BY x) AS rk, dense_rank() OVER (PARTITION BY a ORDER BY x) AS dr FROM " + t
                + " ORDER BY a, x, rn")).containsExactly(List.of("p", 1, 1, 1, 1), List.of("p", 2, 2, 2, 2),
                List.of("p", 2, 3, 2, 2), List.of("p", 5, 4, 4, 3), List.of("q", 3, 1, 1, 1));
        assertThat(rows("SELECT a, x, sum(x) OVER (PARTITION BY a ORDER BY x) AS running, sum(x) OVER (PARTITION BY a)"
                + " AS total, count(*) OVER (PARTITION BY a ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS c2"
                + " FROM " + t + " ORDER BY a, x, c2")).containsExactly(List.of("p", 1, 1L, 10L, 1L),
                List.of("p", 2, 5L, 10L, 2L), List.of("p", 2, 5L, 10L, 2L), List.of("p", 5, 10L, 10L, 2L),
                List.of("q", 3, 3L, 3L, 1L));
        assertThat(rows("SELECT x, lag(x) OVER (ORDER BY x) AS prev, lead(x, 2, -1) OVER (ORDER BY x) AS next2, "
                + "avg(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mavg, max(x) OVER (ORDER BY x)"
                + " AS mx, min(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS mn "
                + "FROM VALUES (1),(4),(2),(8) AS t(x) ORDER BY x")).containsExactly(
                Arrays.asList(1, null, 4, 1.5, 1, 1), List.of(2, 1, 8, 2.3333333333333335, 2, 2),
                List.of(4, 2, -1, 4.666666666666667, 4, 4), List.of(8, 4, -1, 6.0, 8, 8));
        assertThat(rows("SELECT x, sum(x) OVER (ORDER BY x DESC NULLS LAST) AS s FROM VALUES (1),(NULL),(3),(3) AS t(x)"
                + " ORDER BY x")).containsExactly(Arrays.asList(null, 7L), List.of(1, 7L), List.of(3, 6L),
                List.of(3, 6L));
        assertThat(header("SELECT x, row_number() OVER (ORDER BY x) FROM VALUES (1) AS t(x)")).containsExactly(
                "x:int", "row_number() OVER (ORDER BY x ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND "
                        + "CURRENT ROW):int");
        assertThat(rows("SELECT a, sum(x) AS s, rank() OVER (ORDER BY sum(x) DESC) AS r FROM VALUES ('p',1),('p',2),"
                + "('q',9),('r',3) AS t(a, x) GROUP BY a ORDER BY r, a")).containsExactly(List.of("q", 9L, 1),
                List.of("p", 3L, 2), List.of("r", 3L, 2));
        assertThat(rows("SELECT a, sum(x) AS s, sum(sum(x)) OVER () AS total, a || '!' AS b FROM VALUES ('p',1),"
                + "('p',2),('q',9) AS t(a, x) GROUP BY a ORDER BY a")).containsExactly(List.of("p", 3L, 12L, "p!"),
                List.of("q", 9L, 12L, "q!"));
        assertThatThrownBy(() -> spark.sql("SELECT x, rank() OVER (PARTITION BY x) FROM VALUES (1) AS t(x)"))
                .hasMessageContaining("requires window to be ordered");
        assertThatThrownBy(() -> spark.sql("SELECT row_number() FROM VALUES (1) AS t(x)"))
                .hasMessageContaining("requires an OVER clause");
    }

    @Test
    void theDataFrameApiBuildsTheSameWindows() {
        WindowSpec byCountry = Window.partitionBy("country").orderBy(functions.col("id").desc());
        DataFrame api = spark.table("people").select(functions.col("name"),
                functions.row_number().over(byCountry).as("rn"),
                functions.sum("id").over(byCountry.rowsBetween(Window.unboundedPreceding, Window.currentRow))
                        .as("running"),
                functions.lag("name", 1).over(byCountry).as("prev"));
        DataFrame sql = spark.sql("SELECT name, row_number() OVER (PARTITION BY country ORDER BY id DESC) AS rn, "
                + "sum(id) OVER (PARTITION BY country ORDER BY id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND "
                + "CURRENT ROW) AS running, lag(name, 1) OVER (PARTITION BY country ORDER BY id DESC) AS prev "
                + "FROM people");
        assertThat(api.orderBy("name").collectAsList()).isEqualTo(sql.orderBy("name").collectAsList());
        assertThat(rows("SELECT name, rn FROM (SELECT name, row_number() OVER (PARTITION BY country ORDER BY id DESC)"
                + " AS rn FROM people) WHERE rn = 1 ORDER BY name")).containsExactly(List.of("bob", 1),
                List.of("carol", 1), List.of("dave", 1));
    }

    @Test
    void scalarSubqueriesGiveOneValue() {
        assertThat(rows("SELECT x, (SELECT max(y) FROM VALUES (5),(7) AS u(y)) AS m FROM VALUES (1),(2) AS t(x)"))
                .containsExactlyInAnyOrder(List.of(1, 7), List.of(2, 7));
        assertThat(rows("SELECT x FROM VALUES (1),(6),(9) AS t(x) WHERE x > (SELECT avg(y) FROM VALUES (5),(7) AS u(y))"))
                .containsExactly(List.of(9));
        assertThat(rows("SELECT a, sum(x) AS s FROM VALUES ('p',1),('p',2),('q',9) AS t(a, x) GROUP BY a "
                + "HAVING sum(x) > (SELECT 2) ORDER BY a")).containsExactly(List.of("p", 3L), List.of("q", 9L));
        assertThat(rows("SELECT count(*) + (SELECT 10) AS c FROM VALUES (1),(2) AS t(x)")).containsExactly(
                List.of(12L));
        assertThat(rows("SELECT (SELECT y FROM VALUES (1) AS u(y) WHERE y > 5) AS none"))
                .containsExactly(Arrays.asList((Object) null));
        assertThat(rows("SELECT name FROM people WHERE age = (SELECT max(age) FROM people)"))
                .containsExactly(List.of("bob"));
        assertThatThrownBy(() -> rows("SELECT (SELECT y FROM VALUES (1),(2) AS u(y)) AS bad"))
                .hasMessageContaining("SCALAR_SUBQUERY_TOO_MANY_ROWS");
    }

    @Test
    void theSqlAndDataFrameFormsOfAQueryMakeTheSamePlan() {
        DataFrame people = spark.table("people");
        DataFrame viaApi = people.filter("age > 30").groupBy("country")
                .agg(functions.expr("count(*) AS n"), functions.expr("max(age) AS oldest")).orderBy("country");
        DataFrame viaSql = spark.sql("SELECT country, count(*) AS n, max(age) AS oldest FROM people WHERE age > 30 "
                + "GROUP BY country ORDER BY country");
        assertThat(withoutIds(viaSql.explainString(true))).isEqualTo(withoutIds(viaApi.explainString(true)));
        assertThat(viaSql.collectAsList()).isEqualTo(viaApi.collectAsList());
    }

    /** Plan text with expression ids (#12) and subquery names removed, which differ between two analyses. */
    private static String withoutIds(String plan) {
        return plan.replaceAll("#\\d+", "#");
    }

    @Test
    void errorsNameThePlace() {
        assertThatThrownBy(() -> spark.sql("SELECT * FROM nowhere")).isInstanceOf(FluxoException.class)
                .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND").hasMessageContaining("`nowhere`");
        assertThatThrownBy(() -> spark.sql("SELECT x FROM VALUES (3),(1) AS t(x, y)"))
                .isInstanceOf(ParseException.class).hasMessageContaining("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH");
        assertThatThrownBy(() -> spark.sql("SELECT x FROM VALUES (1) AS t(x) LIMIT -1"))
                .isInstanceOf(ParseException.class).hasMessageContaining("INVALID_LIMIT_LIKE_EXPRESSION");
        // As in Spark, a lone trailing WHERE would be the table's alias; after an alias it is a clause.
        assertThatThrownBy(() -> spark.sql("SELECT name FROM people p WHERE"))
                .isInstanceOf(ParseException.class).hasMessageContaining("end of input")
                .hasMessageContaining("(line 1, pos 31)");
        assertThatThrownBy(() -> spark.sql("SELECT name FROM people\nWHERE age >> 1"))
                .isInstanceOf(ParseException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> spark.sql("SELECT a FROM STREAM(people)")).isInstanceOf(FluxoException.class)
                .hasMessageContaining("static table or view");
    }

    @Test
    void aliasesNameColumns() {
        assertThat(spark.sql("SELECT 1 AS one, 2 two").schema().fields()).extracting(StructField::name)
                .containsExactly("one", "two");
    }
}
