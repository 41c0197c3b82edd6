package io.fluxo.examples;

import io.fluxo.api.DataFrame;
import io.fluxo.api.Session;
import io.fluxo.api.StreamingQuery;
import io.fluxo.api.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A streaming pipeline from a folder of JSON files to a folder of JSON files, exactly once: run it, add a file, run it
 * again from the same checkpoint, and only the new file is processed.
 */
public final class StreamFilesToFiles {
    private StreamFilesToFiles() {
    }

    /** Drops a file the way producers must: written under a hidden name, then renamed. */
    static void arrive(Path dir, String name, String content) throws Exception {
        Path hidden = dir.resolve("." + name);
        Files.writeString(hidden, content);
        Files.move(hidden, dir.resolve(name));
    }

    static StreamingQuery runOnce(Session spark, Path in, Path out, Path checkpoint) {
        DataFrame orders = spark.readStream().schema("id BIGINT, item STRING, qty INT").json(in.toString());
        return orders.filter("qty > 0").selectExpr("id", "upper(item) AS item", "qty")
                .writeStream().format("json").trigger(Trigger.availableNow())
                .option("checkpointLocation", checkpoint.toString()).start(out.toString());
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("fluxo-example-stream-");
        Path in = Files.createDirectories(root.resolve("in"));
        Path out = root.resolve("out");
        Path checkpoint = root.resolve("checkpoint");
        arrive(in, "a.json", "{\"id\":1,\"item\":\"tea\",\"qty\":2}\n{\"id\":2,\"item\":\"cake\",\"qty\":0}\n");
        try (Session spark = Session.builder().appName("files-to-files").create()) {
            StreamingQuery first = runOnce(spark, in, out, checkpoint);
            first.awaitTermination();
            System.out.println("run 1 read " + first.lastProgress().numInputRows() + " rows");

            arrive(in, "b.json", "{\"id\":3,\"item\":\"coffee\",\"qty\":1}\n");
            StreamingQuery second = runOnce(spark, in, out, checkpoint);
            second.awaitTermination();
            System.out.println("run 2 read " + second.lastProgress().numInputRows() + " rows (same query id: "
                    + second.id().equals(first.id()) + ")");
            spark.read().json(out.toString()).orderBy("id").show();
        }
    }
}
