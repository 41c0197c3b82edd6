package io.fluxo.examples;

import io.fluxo.api.MemoryStream;
import io.fluxo.api.Row;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.stream.StreamingQueryListener;

/** Feeding a query from Java with a MemoryStream, handling each batch in foreachBatch, watching progress. */
public final class StreamFromMemory {
    private StreamFromMemory() {
    }

    public static void main(String[] args) {
        try (Session spark = Session.builder().appName("memory").create()) {
            spark.streams().addListener(new StreamingQueryListener() {
                @Override
                public void onQueryProgress(QueryProgressEvent event) {
                    System.out.println("progress: batch " + event.progress().batchId() + ", "
                            + event.progress().numInputRows() + " rows");
                }
            });
            MemoryStream events = MemoryStream.create(spark, "user STRING, clicks INT");
            StreamingQuery query = events.toDF()
                    .filter("clicks > 0")
                    .selectExpr("user", "clicks * 10 AS points")
                    .writeStream()
                    .foreachBatch((batch, batchId) -> {
                        System.out.println("batch " + batchId + ":");
                        batch.show();
                    })
                    .start();
            events.addData(Row.of("ana", 3), Row.of("bia", 0));
            query.processAllAvailable();
            events.addData(Row.of("caio", 1));
            query.processAllAvailable();
            System.out.println(query.lastProgress().prettyJson());
            query.stop();
        }
    }
}
