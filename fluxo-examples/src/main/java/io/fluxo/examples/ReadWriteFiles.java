package io.fluxo.examples;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files in and out: CSV with a header read with a schema, written back as JSON in partition folders, read again. */
public final class ReadWriteFiles {
    private ReadWriteFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("fluxo-example-files-");
        Files.writeString(dir.resolve("sales.csv"), """
                day,store,amount
                2024-03-01,lisbon,10.5
                2024-03-01,porto,7.25
                2024-03-02,lisbon,3.0
                """);
        try (Session spark = Session.builder().appName("files").create()) {
            DataFrame sales = spark.read().option("header", "true")
                    .schema("day DATE, store STRING, amount DOUBLE").csv(dir.resolve("sales.csv").toString());
            Path out = dir.resolve("by-day");
            sales.write().partitionBy("day").json(out.toString());
            try (var files = Files.walk(out)) {
                files.filter(p -> p.getFileName().toString().startsWith("part-"))
                        .forEach(p -> System.out.println("wrote " + out.relativize(p).getParent()));
            }
            DataFrame back = spark.read().json(out.toString());
            back.printSchema();
            back.groupBy("day").sum("amount").orderBy("day").show();
        }
    }
}
