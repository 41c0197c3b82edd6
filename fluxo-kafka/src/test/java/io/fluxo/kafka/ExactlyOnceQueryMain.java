package io.fluxo.kafka;

import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;

/**
 * The child JVM of {@link ExactlyOnceSinkTest}: Kafka topic {@code eo-in} → {@code eo-out}, each value to the partition
 * it came from, with the exactly-once sink, 100 records per batch. Arguments: bootstrap servers, checkpoint, a folder
 * for the crash markers, {@code run} (until killed) or {@code finish} (what is there now, then exit), the sink format,
 * the values to stall at.
 */
public final class ExactlyOnceQueryMain {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        boolean finish = args[3].equals("finish");
        try (Session spark = Session.builder().create()) {
            var writer = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", "eo-in").option("startingOffsets", "earliest")
                    .option("maxOffsetsPerTrigger", "100").load()
                    .selectExpr("value", "partition")
                    .writeStream().format(args[4]).option("checkpointLocation", args[1])
                    .option("kafka.bootstrap.servers", bootstrap).option("topic", "eo-out")
                    .option("exactlyOnce", "true").option("haltDir", args[2])
                    .option("kafka.interceptor.classes", StallingInterceptor.class.getName())
                    .option("kafka.fluxo.test.stallDir", args[2]).option("kafka.fluxo.test.stallAt", args[5]);
            if (finish) {
                writer = writer.trigger(Trigger.availableNow());
            }
            StreamingQuery q = writer.start();
            q.awaitTermination();
        }
        System.exit(0);
    }
}
