package io.fluxo.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fluxo.api.Row;
import io.fluxo.types.DataTypes;
import io.fluxo.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading case files: every shared case loads, the model holds what the file says, mistakes are named precisely. */
class CaseLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private static final String HEADER = """
            name: t
            sources:
              events: {schema: "ts TIMESTAMP, user STRING, amount DOUBLE"}
            query:
              dataframe:
                - source: events
            outputMode: append
            """;

    @Test
    void everySharedCaseLoads() {
        List<Path> files = CaseLoader.discover(List.of(SharedCaseFiles.folder()));
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        for (Path file : files) {
            ConformanceCase c = CaseLoader.load(file);
            assertThat(c.name()).as(file.toString()).isNotBlank();
            assertThat(c.steps()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void sharedWindowCaseBecomesGroupByAggWithTypedInputRows() {
        ConformanceCase c = CaseLoader.load(SharedCaseFiles.folder().resolve("stateful/tumbling_append_watermark.yaml"));
        assertThat(c.outputMode()).isEqualTo("append");
        assertThat(c.sources()).containsOnlyKeys("events");
        assertThat(c.sources().get("events")).isEqualTo(StructType.empty().add("ts", DataTypes.TimestampType));
        CaseQuery.DataFrameSteps query = (CaseQuery.DataFrameSteps) c.query();
        assertThat(query.steps()).containsExactly(
                new QueryStep.Source("events"),
                new QueryStep.WithWatermark("ts", "10 seconds"),
                new QueryStep.GroupByAgg(List.of("window(ts, '5 seconds') AS w"), List.of("count(*) AS n")),
                new QueryStep.Select(List.of("w.start AS start", "n")));
        CaseStep.AddData add = (CaseStep.AddData) c.steps().get(0);
        assertThat(add.rows().get("events")).hasSize(6);
        assertThat(add.rows().get("events").get(0).get(0)).isEqualTo(Instant.ofEpochSecond(10));
        assertThat(c.steps()).filteredOn(s -> s instanceof CaseStep.Restart).hasSize(1);
        assertThat(c.steps().get(4)).isEqualTo(new CaseStep.CheckProgress(java.util.Map.of("stateRows",
                new YamlNode.Scalar(YamlNode.ScalarKind.INTEGER, "2", 17))));
    }

    @Test
    void sharedJoinAndSqlCasesKeepTheirShape() {
        ConformanceCase join = CaseLoader.load(SharedCaseFiles.folder().resolve("joins/stream_static_left_outer.yaml"));
        QueryStep.Join step = (QueryStep.Join) ((CaseQuery.DataFrameSteps) join.query()).steps().get(1);
        assertThat(step.right()).containsExactly(new QueryStep.Table("users"));
        assertThat(step.on()).isEqualTo(new QueryStep.Using(List.of("user")));
        assertThat(step.how()).isEqualTo(QueryStep.JoinType.LEFT_OUTER);
        assertThat(join.tables().get("users").rows()).containsExactly(Row.of("a", "BR"));

        ConformanceCase sql = CaseLoader.load(SharedCaseFiles.folder().resolve("sql/group_by_update.yaml"));
        assertThat(((CaseQuery.Sql) sql.query()).text()).startsWith("SELECT user, count(*) AS n");
        assertThat(sql.outputMode()).isEqualTo("update");
    }

    @Test
    void readsEveryKindOfStep() throws IOException {
        Path file = write("all.yaml", """
                name: all steps
                sources:
                  events: {schema: "k STRING, v INT"}
                  other: {schema: "k STRING, v INT"}
                tables:
                  t: {schema: "k STRING, c STRING", rows: [[a, x]]}
                conf:
                  fluxo.sql.shuffle.partitions: 3
                query:
                  dataframe:
                    - source: events
                    - where: "v > 0"
                    - withColumn: [w, "v * 2"]
                    - dropDuplicates: []
                    - dropDuplicatesWithinWatermark: [k]
                    - join: {right: [{table: t}], on: "events.k = t.k", how: left}
                    - union: [{source: other}, {selectExpr: ["*"]}]
                    - orderBy: ["v DESC"]
                    - limit: 5
                outputMode: Complete
                steps:
                  - add: {events: [[a, 1]], other: []}
                  - check: []
                  - checkSorted: [[a, 1]]
                  - checkTable: [[a, 1]]
                  - restart
                  - advanceClock: "1 minute 30 seconds"
                  - expectError: boom
                  - checkProgress: {numInputRows: 1}
                """);
        ConformanceCase c = CaseLoader.load(file);
        assertThat(c.conf()).containsEntry("fluxo.sql.shuffle.partitions", "3");
        assertThat(c.outputMode()).isEqualTo("complete");
        assertThat(c.isCompleteMode()).isTrue();
        List<QueryStep> steps = ((CaseQuery.DataFrameSteps) c.query()).steps();
        assertThat(steps).hasSize(9);
        assertThat(steps.get(1)).isEqualTo(new QueryStep.Filter("v > 0"));
        assertThat(steps.get(2)).isEqualTo(new QueryStep.WithColumn("w", "v * 2"));
        assertThat(steps.get(3)).isEqualTo(new QueryStep.DropDuplicates(List.of()));
        assertThat(steps.get(4)).isEqualTo(new QueryStep.DropDuplicatesWithinWatermark(List.of("k")));
        assertThat(steps.get(5)).isEqualTo(new QueryStep.Join(List.of(new QueryStep.Table("t")),
                new QueryStep.Condition("events.k = t.k"), QueryStep.JoinType.LEFT_OUTER));
        assertThat(steps.get(6)).isEqualTo(new QueryStep.Union(List.of(new QueryStep.Source("other"),
                new QueryStep.Select(List.of("*")))));
        assertThat(steps.get(7)).isEqualTo(new QueryStep.OrderBy(List.of("v DESC")));
        assertThat(steps.get(8)).isEqualTo(new QueryStep.Limit(5));
        assertThat(c.steps()).extracting(CaseStep::keyword).containsExactly("add", "check", "checkSorted",
                "checkTable", "restart", "advanceClock", "expectError", "checkProgress");
        assertThat(((CaseStep.AddData) c.steps().get(0)).rows()).containsOnlyKeys("events", "other");
        assertThat(c.steps().get(5)).isEqualTo(new CaseStep.AdvanceClock(Duration.ofSeconds(90)));
        assertThat(c.steps().get(6)).isEqualTo(new CaseStep.ExpectError("boom"));
    }

    @Test
    void nameDefaultsToTheFileNameAndOutputModeToAppend() throws IOException {
        Path file = write("unnamed.yaml", HEADER.replace("name: t\n", "").replace("outputMode: append\n", "")
                + "steps: []\n");
        ConformanceCase c = CaseLoader.load(file);
        assertThat(c.name()).isEqualTo("unnamed");
        assertThat(c.outputMode()).isEqualTo("append");
    }

    @Test
    void unknownStepIsNamedWithFileStepAndSuggestion() throws IOException {
        Path file = write("cases/x.yaml", HEADER + """
                steps:
                  - add: {events: [[10, a, 1.0]]}
                  - restart
                  - chek: []
                """);
        assertThatThrownBy(() -> CaseLoader.load(file)).isInstanceOf(CaseFormatException.class)
                .hasMessage("unknown step 'chek' in " + file + ", step 3 (line 11); did you mean 'check'?");
    }

    @Test
    void unknownBareStepIsNamed() throws IOException {
        Path file = write("x.yaml", HEADER + "steps:\n  - restat\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessageStartingWith("unknown step 'restat' in " + file + ", step 1")
                .hasMessageEndingWith("did you mean 'restart'?");
    }

    @Test
    void unknownTopLevelKeyIsNamed() throws IOException {
        Path file = write("x.yaml", HEADER + "steps: []\nsorces: {}\n");
        assertThatThrownBy(() -> CaseLoader.load(file)).hasMessageStartingWith("unknown key 'sorces' in " + file)
                .hasMessageContaining("did you mean 'sources'?");
    }

    @Test
    void unknownDataFrameStepIsNamedWithItsPosition() throws IOException {
        Path file = write("x.yaml", HEADER.replace("    - source: events\n",
                "    - source: events\n    - selct: [a]\n") + "steps: []\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessage("unknown dataframe step 'selct' in " + file + ", query step 2 (line 7); did you mean"
                        + " 'select'?");
    }

    @Test
    void nestedQueryStepsAreLocated() throws IOException {
        Path file = write("x.yaml", HEADER.replace("    - source: events\n",
                "    - source: events\n    - join: {right: [{source: nope}], on: [k]}\n") + "steps: []\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessage("unknown source 'nope' (sources: events) in " + file
                        + ", query step 2 (join), right step 1 (source) (line 7)");
    }

    @Test
    void groupByMustBeFollowedByAgg() throws IOException {
        Path file = write("x.yaml", HEADER.replace("    - source: events\n",
                "    - source: events\n    - groupBy: [user]\n    - filter: x\n") + "steps: []\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessageStartingWith("'groupBy' must be followed by 'agg', not 'filter' in " + file
                        + ", query step 3");
        Path trailing = write("y.yaml", HEADER.replace("    - source: events\n",
                "    - source: events\n    - groupBy: [user]\n") + "steps: []\n");
        assertThatThrownBy(() -> CaseLoader.load(trailing))
                .hasMessageStartingWith("'groupBy' must be followed by 'agg' in " + trailing + ", query step 2");
    }

    @Test
    void theFirstQueryStepIsASource() throws IOException {
        Path file = write("x.yaml", HEADER.replace("    - source: events\n", "    - filter: x\n") + "steps: []\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessageStartingWith("the first query step must be 'source' or 'table', not 'filter'");
    }

    @Test
    void badInputValueNamesStepSourceRowAndColumn() throws IOException {
        Path file = write("x.yaml", HEADER + """
                steps:
                  - add: {events: [[10, a, 1.0], [11, b, lots]]}
                """);
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessage("bad row 2: amount: expected a DOUBLE, got the text 'lots' in " + file
                        + ", step 1 (add), source events (line 9)");
    }

    @Test
    void rowOfTheWrongWidthIsRefused() throws IOException {
        Path file = write("x.yaml", HEADER + "steps:\n  - add: {events: [[10, a]]}\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessageContaining("the row has 2 values [10, 'a'], the schema 3 (ts TIMESTAMP, user STRING,"
                        + " amount DOUBLE)");
    }

    @Test
    void addToAnUndeclaredSourceIsRefused() throws IOException {
        Path file = write("x.yaml", HEADER + "steps:\n  - add: {evnts: [[10, a, 1.0]]}\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessageStartingWith("unknown source 'evnts' (sources: events) in " + file + ", step 1 (add)");
    }

    @Test
    void twoStepsInOneListItemAreRefused() throws IOException {
        Path file = write("x.yaml", HEADER + "steps:\n  - add: {events: []}\n    check: []\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessageStartingWith("one step per list item, got add and check together (is a '-' missing?)");
    }

    @Test
    void invalidSchemaIsNamed() throws IOException {
        Path file = write("x.yaml", HEADER.replace("ts TIMESTAMP, user STRING, amount DOUBLE", "ts TIMESTAMPS")
                + "steps: []\n");
        assertThatThrownBy(() -> CaseLoader.load(file))
                .hasMessageStartingWith("invalid schema \"ts TIMESTAMPS\": ")
                .hasMessageContaining("in " + file + ", source 'events' (line 3)");
    }

    @Test
    void otherMistakesAreNamed() throws IOException {
        assertThatThrownBy(() -> CaseLoader.load(write("a.yaml", HEADER + "steps: []\noutputMode: all\n")))
                .isInstanceOf(CaseFormatException.class);
        assertThatThrownBy(() -> CaseLoader.load(write("b.yaml", HEADER.replace("outputMode: append\n",
                "outputMode: al\n") + "steps: []\n")))
                .hasMessageStartingWith("unknown outputMode 'al' (append, update or complete)");
        assertThatThrownBy(() -> CaseLoader.load(write("c.yaml", HEADER)))
                .hasMessageStartingWith("missing key 'steps'");
        assertThatThrownBy(() -> CaseLoader.load(write("d.yaml", HEADER + "steps:\n  - advanceClock: soon\n")))
                .hasMessageStartingWith("'soon' is not a duration such as '10 seconds'");
        assertThatThrownBy(() -> CaseLoader.load(write("e.yaml", HEADER + "steps:\n  - check: [a, b]\n")))
                .hasMessageStartingWith("row 1 is the text 'a'; a row is a list of values");
        assertThatThrownBy(() -> CaseLoader.load(write("f.yaml", HEADER.replace("    - source: events\n",
                "    - source: events\n    - join: {right: [{source: events}], on: [k], how: sideways}\n")
                + "steps: []\n")))
                .hasMessageStartingWith("unknown join type 'sideways'");
        assertThatThrownBy(() -> CaseLoader.load(write("g.yaml", HEADER + "steps: []\nsteps: []\n")))
                .hasMessageStartingWith("duplicate key 'steps' in ");
        assertThatThrownBy(() -> CaseLoader.load(write("h.yaml", "name: [unclosed\n")))
                .hasMessageStartingWith("invalid YAML in ");
        assertThatThrownBy(() -> CaseLoader.load(write("i.yaml", "")))
                .hasMessageEndingWith("i.yaml is empty");
        assertThatThrownBy(() -> CaseLoader.load(dir.resolve("missing.yaml")))
                .hasMessageStartingWith("cannot read ");
        assertThatThrownBy(() -> CaseLoader.load(write("j.yaml", HEADER.replace("query:\n  dataframe:",
                "query:\n  sql: SELECT 1\n  dataframe:") + "steps: []\n")))
                .hasMessageStartingWith("a query has exactly one of 'sql' and 'dataframe'");
    }

    @Test
    void discoverFindsYamlFilesSortedAndOnce() throws IOException {
        Path b = write("b/two.yaml", "x: 1");
        Path a = write("a/one.yaml", "x: 1");
        Path nested = write("a/deeper/three.yaml", "x: 1");
        write("a/notes.md", "not a case");
        assertThat(CaseLoader.discover(List.of(dir.resolve("b"), dir, a)))
                .containsExactly(nested, a, b);
        assertThatThrownBy(() -> CaseLoader.discover(List.of(dir.resolve("nowhere"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file or folder");
    }
}
