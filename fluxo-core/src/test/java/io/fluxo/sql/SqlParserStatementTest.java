package io.fluxo.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.errors.ParseException;
import io.fluxo.plan.logical.Aggregate;
import io.fluxo.plan.logical.Distinct;
import io.fluxo.plan.logical.EventTimeWatermark;
import io.fluxo.plan.logical.Filter;
import io.fluxo.plan.logical.Join;
import io.fluxo.plan.logical.JoinType;
import io.fluxo.plan.logical.Limit;
import io.fluxo.plan.logical.LogicalPlan;
import io.fluxo.plan.logical.PredicateSubquery;
import io.fluxo.plan.logical.Project;
import io.fluxo.plan.logical.SetOperation;
import io.fluxo.plan.logical.Sort;
import io.fluxo.plan.logical.StreamingRead;
import io.fluxo.plan.logical.SubqueryAlias;
import io.fluxo.plan.logical.Union;
import io.fluxo.plan.logical.UnresolvedFileRead;
import io.fluxo.plan.logical.UnresolvedRelation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shapes SQL statements parse into, and where their errors point. */
class SqlParserStatementTest {

    private static LogicalPlan query(String sql) {
        return SqlParser.parseQuery(sql);
    }

    @Test
    void queryClausesNestInSparksOrder() {
        LogicalPlan p = query("SELECT DISTINCT a FROM t WHERE b > 1 GROUP BY a HAVING count(*) > 2 ORDER BY a LIMIT 5");
        Limit limit = (Limit) p;
        assertThat(limit.limit()).isEqualTo(5);
        Sort sort = (Sort) limit.child();
        Distinct distinct = (Distinct) sort.child();
        Filter having = (Filter) distinct.child();
        Aggregate agg = (Aggregate) having.child();
        Filter where = (Filter) agg.child();
        assertThat(where.child()).isEqualTo(new UnresolvedRelation(List.of("t")));
        assertThat(query("SELECT 1")).isInstanceOf(Project.class);
    }

    @Test
    void relationsJoinsAndWatermarks() {
        Join join = (Join) ((Project) query("SELECT * FROM a x LEFT SEMI JOIN b USING (k)")).child();
        assertThat(join.joinType()).isEqualTo(JoinType.LEFT_SEMI);
        assertThat(join.usingColumns()).containsExactly("k");
        assertThat(((SubqueryAlias) join.left()).alias()).isEqualTo("x");
        Join comma = (Join) ((Project) query("SELECT * FROM a, b")).child();
        assertThat(comma.joinType()).isEqualTo(JoinType.INNER);
        assertThat(comma.condition()).isEmpty();

        LogicalPlan wm = ((Project) query("SELECT * FROM STREAM(ev) WATERMARK ts DELAY OF INTERVAL 10 MINUTES e"))
                .child();
        EventTimeWatermark w = (EventTimeWatermark) ((SubqueryAlias) wm).child();
        assertThat(w.delayMicros()).isEqualTo(600_000_000L);
        assertThat(w.child()).isInstanceOf(StreamingRead.class);
        LogicalPlan files = ((Project) query("SELECT * FROM read_files('in', format => 'csv', header => true)"))
                .child();
        assertThat(files).isEqualTo(new UnresolvedFileRead("in", Map.of("format", "csv", "header", "true")));
    }

    @Test
    void setOperationsAndSubqueries() {
        assertThat(query("SELECT a FROM t UNION ALL SELECT a FROM u")).isInstanceOf(Union.class);
        assertThat(query("SELECT a FROM t UNION SELECT a FROM u")).isInstanceOf(Distinct.class);
        assertThat(((SetOperation) query("SELECT a FROM t EXCEPT SELECT a FROM u")).kind())
                .isEqualTo(SetOperation.Kind.EXCEPT);
        // INTERSECT binds tighter than UNION.
        Distinct union = (Distinct) query("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3");
        assertThat(((Union) union.child()).inputs().get(1)).isInstanceOf(SetOperation.class);
        PredicateSubquery in = (PredicateSubquery) ((Project) query(
                "SELECT a FROM t WHERE a > 0 AND NOT (a IN (SELECT b FROM u))")).child();
        assertThat(in.kind()).isEqualTo(PredicateSubquery.Kind.NOT_IN);
        assertThat(in.child()).isInstanceOf(Filter.class);
    }

    @Test
    void commands() {
        assertThat(SqlParser.parseStatement("SET fluxo.sql.shuffle.partitions = 4"))
                .isEqualTo(new Statement.SetConfig(Optional.of("fluxo.sql.shuffle.partitions"), Optional.of("4")));
        assertThat(SqlParser.parseStatement("SET")).isEqualTo(new Statement.SetConfig(Optional.empty(),
                Optional.empty()));
        Statement.CreateTable t = (Statement.CreateTable) SqlParser.parseStatement("CREATE TABLE IF NOT EXISTS s "
                + "(a INT, d DATE) USING json OPTIONS (compression 'gzip') PARTITIONED BY (d) LOCATION '/tmp/s'");
        assertThat(t.ifNotExists()).isTrue();
        assertThat(t.partitionColumns()).containsExactly("d");
        assertThat(t.options()).containsEntry("compression", "gzip");
        assertThat(t.location()).contains("/tmp/s");
        assertThat(SqlParser.parseStatement("DROP VIEW IF EXISTS v")).isEqualTo(new Statement.DropView(List.of("v"),
                true));
        assertThat(SqlParser.parseStatement("EXPLAIN EXTENDED SELECT 1")).isInstanceOf(Statement.Explain.class);
        List<Statement.Located> file = SqlParser.parseStatements("-- a pipeline\nSET a = 1;\n\n  SELECT 1;;\nSHOW TABLES");
        assertThat(file).extracting(Statement.Located::line).containsExactly(2, 4, 5);
        assertThat(file.get(1).column()).isEqualTo(2);
        assertThat(file.get(1).text()).isEqualTo("SELECT 1");
    }

    @Test
    void errorsPointAtTheirPlace() {
        assertThatThrownBy(() -> SqlParser.parseStatements("SELECT 1;\nSELECT * FROM t x WHERE;"))
                .isInstanceOf(ParseException.class).satisfies(e -> {
                    ParseException p = (ParseException) e;
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(23);
                });
        assertThatThrownBy(() -> query("SELECT * FROM t NATURAL JOIN u")).hasMessageContaining("NATURAL JOIN");
        assertThatThrownBy(() -> query("WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a"))
                .hasMessageContaining("DUPLICATED_CTE_NAMES");
        assertThatThrownBy(() -> query("SELECT * FROM t WATERMARK ts DELAY OF INTERVAL 1 MONTH"))
                .hasMessageContaining("INVALID_WATERMARK_DELAY");
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE TABLE t USING json LOCATION 'a' LOCATION 'b'"))
                .hasMessageContaining("DUPLICATE_CLAUSES");
        assertThatThrownBy(() -> query("CREATE TEMP VIEW v AS SELECT 1")).hasMessageContaining("Expected a query");
    }
}
