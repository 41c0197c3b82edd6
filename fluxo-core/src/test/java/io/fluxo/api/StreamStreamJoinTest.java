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
                    .foreachBatch((df, id) -> df.collectAsList().forEach(r -> out.add(id + ":" + r.toList())))
                    .start();
            views.addData(Row.of(1, "home"), Row.of(2, "shop"));
            clicks.addData(Row.of(1, "ana"), Row.of(1, "bia"));
            q.processAllAvailable();
            assertThat(q.lastProgress().stateOperators()).hasSize(2);
            assertThat(q.lastProgress().stateOperators().get(1).numRowsTotal()).isEqualTo(2);
            q.stop();
            List<String> rightState = new ArrayList<>();
            spark.read().format("statestore").option("operatorId", 1).load(chk.toString())
                    .selectExpr("key.key0", "size(value.rows)", "value.rows[0].page").orderBy("key0").collectAsList()
                    .forEach(r -> rightState.add(r.toList().toString()));
            assertThat(rightState).containsExactly("[1, 1, home]", "[2, 1, shop]");
        }
        assertThat(out).containsExactlyInAnyOrder("0:[1, ana, home]", "0:[1, bia, home]");
    }

    @Test
    void joinsOfWatermarkedStreamsAreRefusedUntilTheirStateCanBeEvicted(@TempDir Path chk) {
        try (Session spark = Session.builder().create()) {
            MemoryStream clicks = MemoryStream.create(spark, "ad INT, ct TIMESTAMP");
            MemoryStream views = MemoryStream.create(spark, "ad INT, vt TIMESTAMP");
            DataFrame joined = clicks.toDF().withWatermark("ct", "10 seconds").join(views.toDF(), "ad");
            assertThatThrownBy(() -> joined.writeStream().format("noop")
                    .option("checkpointLocation", chk.toString()).start())
                    .hasMessageContaining("does not run stream-stream joins of watermarked streams yet");
        }
    }
}
