package io.fluxo.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Nexmark query runs as a stream over a bounded event set and gives what the same SQL gives over the same events
 * read as tables: every row for the stateless queries and joins; for the aggregations by window, whose last windows
 * stay open when the input ends (the watermark never passes them), exactly the rows of the windows it closed.
 */
class NexmarkQueryTest {
    /** 30 000 events, 500 a second of event time: a minute of events, so several 10-second windows close. */
    private static final Map<String, String> EVENTS = Map.of("maxEvents", "30000", "eventsPerSecond", "unbounded",
            "eventTimeRate", "500", "maxEventsPerTrigger", "4000", "seed", "42");

    private Session spark;

    @BeforeEach
    void start() {
        spark = Session.builder().master("local[2]").config("fluxo.sql.shuffle.partitions", "2").create();
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    private List<String> rows(List<Row> rows) {
        return rows.stream().map(Row::toString).sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(NexmarkQuery.class)
    void theStreamGivesWhatTheSameSqlGivesOverTheEventsAsTables(NexmarkQuery query, @TempDir Path chk)
            throws Exception {
        Nexmark.registerSideInput(spark);
        Nexmark.registerBatchViews(spark, EVENTS);
        List<String> expected = rows(spark.sql(query.sql()).collectAsList());

        // The DataFrame form gives the SQL form's rows.
        assertThat(rows(query.dataFrame(spark).collectAsList())).isEqualTo(expected);
        assertThat(query.dataFrame(spark).schema()).isEqualTo(spark.sql(query.sql()).schema());

        Nexmark.registerViews(spark, EVENTS);
        StreamingQuery q = spark.sql(query.sql()).writeStream().format("memory").queryName("out")
                .outputMode(query.outputMode()).option("checkpointLocation", chk.toString())
                .trigger(Trigger.availableNow()).start();
        q.awaitTermination();
        List<String> streamed = rows(spark.table("out").collectAsList());

        assertThat(expected).as("the query selects something from these events").isNotEmpty();
        String closedBy = WINDOW_END.get(query);
        if (closedBy == null) {
            assertThat(streamed).isEqualTo(expected);
            return;
        }
        // An aggregation by window emits a window once the watermark passes its end; the input's last windows stay
        // open. Every row of a closed window is out, and nothing else.
        String watermark = q.lastProgress().eventTime().get("watermark");
        Nexmark.registerBatchViews(spark, EVENTS);
        List<String> closed = rows(spark.sql("SELECT * FROM (" + query.sql() + ") WHERE " + closedBy
                + " <= TIMESTAMP '" + watermark + "'").collectAsList());
        assertThat(closed).as("windows closed before the input ended").isNotEmpty();
        assertThat(streamed).isEqualTo(closed);
    }

    /** The column that holds the end of each row's window, for the queries that aggregate by window. */
    private static final Map<NexmarkQuery, String> WINDOW_END = Map.of(NexmarkQuery.Q7, "dateTime",
            NexmarkQuery.Q11, "endtime");
}
