package io.fluxo.examples;

import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;

/** The engine's raw speed: generated rows through a filter and a projection into a sink that discards them. */
public final class RateToNoop {
    private RateToNoop() {
    }

    public static void main(String[] args) throws Exception {
        long rowsPerBatch = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        try (Session spark = Session.builder().appName("rate").create()) {
            StreamingQuery query = spark.readStream().format("rate-micro-batch").option("rowsPerBatch", rowsPerBatch)
                    .load()
                    .filter("value % 3 = 0").selectExpr("value * 2 AS doubled", "timestamp")
                    .writeStream().format("noop").trigger(Trigger.availableNow()).start();
            query.awaitTermination();
            var progress = query.lastProgress();
            System.out.printf("%d rows in %d ms: %.0f rows/s%n", progress.numInputRows(),
                    progress.durationMs().get("triggerExecution"), progress.processedRowsPerSecond());
        }
    }
}
