package io.fluxo.bench.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * One Nexmark query on Spark 4 as a batch query over the event files, its result written as JSON lines, for Fluxo's
 * {@code NexmarkBench} to compare with Fluxo's result of the same SQL. Arguments: events folder, query SQL, output
 * folder, then the DDL of person, auction and bid. WATERMARK clauses are dropped (a batch query has no watermark).
 */
public final class SparkNexmarkBatch {
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[*]").appName("nexmark-check")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
        String[] tables = {"person", "auction", "bid"};
        for (int i = 0; i < tables.length; i++) {
            spark.read().schema(StructType.fromDDL(args[3 + i])).json(args[0] + "/" + tables[i])
                    .createOrReplaceTempView(tables[i]);
        }
        spark.sql("SELECT id AS key, CAST(id AS STRING) AS value FROM range(10000)")
                .createOrReplaceTempView("side_input");
        String sql = args[1].replaceAll("WATERMARK dateTime DELAY OF INTERVAL \\d+ SECONDS", "");
        spark.sql(sql).write().mode("overwrite").json(args[2]);
        System.out.println("RESULT written=" + args[2]);
        spark.stop();
        System.exit(0);
    }

    private SparkNexmarkBatch() {
    }
}
