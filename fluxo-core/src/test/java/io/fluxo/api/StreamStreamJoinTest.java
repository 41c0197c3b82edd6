package io.fluxo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inner joins of two streams: each side kept in its state store, readable, and what is not built yet refused. */
class StreamStreamJoinTest {

    @Test
    void eachSideIsKeptInItsStateStoreAndReadableAsATable(@TempDir Path chk) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 2).create()) {
            MemoryStream clicks = MemoryStream.create(spark, "ad INT, user STRING");
            MemoryStream views = MemoryStream.create(spark, "ad INT, page STRING");
            StreamingQuery q = clicks.toDF().join(views.toDF(), "ad").writeStream()
                    .option("checkpointLocation", chk.toString())
                    .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(r.toList().toString())))
                    .start();
            views.addData(Row.of(1, "home"), Row.of(2, "shop"));
            clicks.addData(Row.of(1, "ana"), Row.of(1, "bia"));
            q.processAllAvailable();
            // Both sides' stores reported as one operator, as Spark: 1 left key and 2 right keys.
            assertThat(q.lastProgress().stateOperators()).hasSize(1);
            assertThat(q.lastProgress().stateOperators().get(0).operatorName()).isEqualTo("symmetricHashJoin");
            assertThat(q.lastProgress().stateOperators().get(0).numRowsTotal()).isEqualTo(3);
            q.stop();
            List<String> rightState = new ArrayList<>();
            spark.read().format("statestore").option("operatorId", 1).load(chk.toString())
                    .selectExpr("key.key0", "size(value.rows)", "value.rows[0].page").orderBy("key0").collectAsList()
                    .forEach(r -> rightState.add(r.toList().toString()));
            assertThat(rightState).containsExactly("[1, 1, home]", "[2, 1, shop]");
        }
        // The two streams' rows may arrive in one batch or two: either way each pair once.
        assertThat(out).containsExactlyInAnyOrder("[1, ana, home]", "[1, bia, home]");
    }

    @Test
    void keysOfAnEventTimeWindowLeaveBothStatesOnceTheWatermarkPassesThem(@TempDir Path chk) {
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", 1).create()) {
            MemoryStream clicks = MemoryStream.create(spark, "ad INT, ct TIMESTAMP");
            MemoryStream views = MemoryStream.create(spark, "ad INT, vt TIMESTAMP");
            DataFrame left = clicks.toDF().withWatermark("ct", "5 seconds")
                    .selectExpr("ad", "window(ct, '10 seconds') AS w");
            DataFrame right = views.toDF().withWatermark("vt", "5 seconds")
                    .selectExpr("ad", "window(vt, '10 seconds') AS w");
            StreamingQuery q = left.join(right, List.of("ad", "w")).writeStream().format("noop")
                    .option("checkpointLocation", chk.toString()).start();
            clicks.addData(Row.of(1, java.time.Instant.ofEpochSecond(3)));
            views.addData(Row.of(1, java.time.Instant.ofEpochSecond(4)), Row.of(2, java.time.Instant.ofEpochSecond(5)));
            q.processAllAvailable();
            assertThat(q.lastProgress().stateOperators().get(0).numRowsTotal()).isEqualTo(3);
            // Event time 40 s moves the watermark to 35 s: every window ending by then leaves the state.
            clicks.addData(Row.of(1, java.time.Instant.ofEpochSecond(40)));
            views.addData(Row.of(1, java.time.Instant.ofEpochSecond(40)));
            q.processAllAvailable();
            assertThat(q.lastProgress().stateOperators().get(0).numRowsTotal()).isEqualTo(2);
            q.stop();
        }
    }
}
