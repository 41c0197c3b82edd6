package io.fluxo.bench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The Kafka benchmark's pipeline on Spark 4 local, on all cores, the same as {@code io.fluxo.bench.FluxoKafkaPipeline}
 * (same arguments, same output lines).
 */
public final class SparkKafkaPipeline {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        SparkSession spark = SparkSession.builder().master("local[*]").appName("kafka-pipeline")
                .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Dataset<Row> windows = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                .option("subscribe", args[1]).option("startingOffsets", "earliest")
                .option("maxOffsetsPerTrigger", "200000").load()
                .selectExpr("from_json(CAST(value AS STRING), 'id BIGINT, user STRING, amount DOUBLE, ts BIGINT') AS e")
                .selectExpr("e.user AS user", "e.amount AS amount", "e.ts AS ts", "timestamp_millis(e.ts) AS et")
                .withWatermark("et", "10 seconds")
                .groupBy(window(col("et"), "1 minute"), col("user"))
                .agg(count(col("ts")).as("n"), sum("amount").as("total"), max("ts").as("maxts"))
                .selectExpr("user AS key", "to_json(named_struct('start', window.start, 'user', user, 'n', n, "
                        + "'total', total, 'maxts', maxts)) AS value");
        long start = System.nanoTime();
        StreamingQuery q = windows.writeStream().format("kafka").outputMode("update")
                .option("kafka.bootstrap.servers", bootstrap).option("topic", args[2])
                .option("kafka.linger.ms", "0")
                .option("checkpointLocation", args[3]).trigger(Trigger.ProcessingTime(0)).start();
        System.out.println("STARTED");
        if (args[4].equals("drain")) {
            q.processAllAvailable();
            long ms = (System.nanoTime() - start) / 1_000_000;
            long rows = 0;
            for (StreamingQueryProgress p : q.recentProgress()) {
                rows += p.numInputRows();
            }
            System.out.println("DONE rows=" + rows + " ms=" + ms);
            q.stop();
        } else {
            q.awaitTermination();
        }
        spark.stop();
        System.exit(0);
    }
}
