package io.fluxo.api;

import static io.fluxo.api.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rate sources: deterministic micro-batches, and rows over wall time. */
class RateStreamTest {
    private Session spark;

    @BeforeEach
    void start() {
        spark = Session.builder().master("local[2]").create();
    }

    @AfterEach
    void stop() {
        spark.close();
    }

    @Test
    void rateMicroBatchProducesFixedBatchesWithAdvancingTimestamps() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch threeBatches = new CountDownLatch(3);
        StreamingQuery q = spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 3)
                .option("advanceMillisPerBatch", 500).option("numPartitions", 2).load()
                .filter(col("value").mod(2).equalTo(0)).writeStream().foreachBatch((df, id) -> {
                    if (id < 3) {
                        df.collectAsList().forEach(r -> out.add(id + ":" + r.get(1) + "@" + r.get(0)));
                        threeBatches.countDown();
                    }
                }).start();
        assertThat(threeBatches.await(30, TimeUnit.SECONDS)).isTrue();
        q.stop();
        assertThat(out).containsExactlyInAnyOrder("0:0@" + Instant.EPOCH, "0:2@" + Instant.EPOCH,
                "1:4@" + Instant.ofEpochMilli(500), "2:6@" + Instant.ofEpochMilli(1000),
                "2:8@" + Instant.ofEpochMilli(1000));
    }

    @Test
    void rateOptionsAreValidated() {
        assertThatThrownBy(() -> spark.readStream().format("rate").option("rowsPerSecond", 0).load())
                .hasMessageContaining("rowsPerSecond");
        assertThatThrownBy(() -> spark.readStream().format("kafkaa").load())
                .hasMessageContaining("kafkaa");
    }
}
