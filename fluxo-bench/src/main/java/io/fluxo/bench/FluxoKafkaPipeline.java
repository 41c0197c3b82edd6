package io.fluxo.bench;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;
import io.fluxo.api.functions;

/**
 * The Kafka benchmark's pipeline on Fluxo, run in a JVM of its own by {@link KafkaPipelineBench}: Kafka → from_json →
 * 1-minute event-time windows per user (count, sum, newest event time; update mode, 10 s watermark) → Kafka, with a
 * processing-time trigger of 0. Arguments: bootstrap servers, input topic, output topic, checkpoint folder, and
 * {@code drain} (read what is there, print {@code DONE rows=… ms=…}, exit) or {@code run} (until killed).
 * {@link io.fluxo.bench.spark} holds the same pipeline for Spark.
 */
public final class FluxoKafkaPipeline {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        try (Session spark = Session.builder().config("fluxo.sql.shuffle.partitions", "2").create()) {
            DataFrame windows = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", args[1]).option("startingOffsets", "earliest")
                    .option("maxOffsetsPerTrigger", KafkaPipelineBench.MAX_OFFSETS_PER_TRIGGER).load()
                    .selectExpr("from_json(CAST(value AS STRING), '" + KafkaPipelineBench.SCHEMA + "') AS e")
                    .selectExpr("e.user AS user", "e.amount AS amount", "e.ts AS ts", "timestamp_millis(e.ts) AS et")
                    .withWatermark("et", "10 seconds")
                    .groupBy(functions.window(functions.col("et"), "1 minute"), functions.col("user"))
                    .agg(functions.count(functions.col("ts")).as("n"), functions.sum("amount").as("total"),
                            functions.max("ts").as("maxts"))
                    .selectExpr("user AS key", "to_json(named_struct('start', window.start, 'user', user, 'n', n, "
                            + "'total', total, 'maxts', maxts)) AS value");
            long start = System.nanoTime();
            StreamingQuery q = windows.writeStream().format("kafka").outputMode("update")
                    .option("kafka.bootstrap.servers", bootstrap).option("topic", args[2])
                    .option("kafka.linger.ms", "0")
                    .option("checkpointLocation", args[3]).trigger(Trigger.ProcessingTime("0 seconds")).start();
            System.out.println("STARTED");
            if (args[4].equals("drain")) {
                q.processAllAvailable();
                long ms = (System.nanoTime() - start) / 1_000_000;
                long rows = q.recentProgress().stream().mapToLong(p -> p.numInputRows()).sum();
                System.out.println("DONE rows=" + rows + " ms=" + ms);
                q.stop();
            } else {
                // One line per second: the last batch's durations, for a look at where the time goes.
                while (q.isActive()) {
                    Thread.sleep(1000);
                    var p = q.lastProgress();
                    if (p != null) {
                        System.out.println("batch " + p.batchId() + " rows " + p.numInputRows() + " " + p.durationMs());
                    }
                }
            }
        }
        System.exit(0);
    }
}
